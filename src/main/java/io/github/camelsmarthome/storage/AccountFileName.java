package io.github.camelsmarthome.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The file name for an account's file: the account name limited to {@code [A-Za-z0-9._-]}, with a
 * hash suffix when characters had to be replaced or cut, so two accounts never share a file and no
 * account name can point outside the directory or hide the file.
 */
public final class AccountFileName {

    private static final int MAX_NAME_CHARS = 80;

    private AccountFileName() {
    }

    /**
     * The file name of {@code account} with {@code suffix} appended, e.g. {@code homeconnect.tokens.json}.
     *
     * @throws IllegalArgumentException when the account name is blank
     */
    public static String of(String account, String suffix) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account name must not be blank");
        }
        String safe = account.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        boolean changed = !safe.equals(account);
        if (safe.length() > MAX_NAME_CHARS) {
            safe = safe.substring(0, MAX_NAME_CHARS);
            changed = true;
        }
        return changed ? safe + "-" + shortHash(account) + suffix : safe + suffix;
    }

    private static String shortHash(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", required);
        }
    }
}
