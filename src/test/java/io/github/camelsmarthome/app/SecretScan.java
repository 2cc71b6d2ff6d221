package io.github.camelsmarthome.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a secrets scan looks for and where it looked: each secret by what it is (so a finding
 * names the kind, never prints the value), with the encodings a careless line would use, and
 * every text the bridge let out, by where it came from.
 */
final class SecretScan {

    private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> places = new ArrayList<>();

    /** Looks for {@code value} as it is, in Base64 and Base64url, and in hex. */
    synchronized void secret(String what, String value) {
        if (value == null || value.isBlank() || secrets.values().stream().anyMatch(known -> known.containsValue(value))) {
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Map<String, String> encodings = new LinkedHashMap<>();
        encodings.put("as is", value);
        encodings.put("URL-encoded", java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        encodings.put("Base64", Base64.getEncoder().withoutPadding().encodeToString(bytes));
        encodings.put("Base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        encodings.put("hex of its text", HexFormat.of().formatHex(bytes));
        secrets.put(what + " #" + secrets.size(), encodings);
    }

    /** A secret that is hex text (a miIO token): also its bytes in Base64 and the hex in upper case. */
    synchronized void hexSecret(String what, String hex) {
        secret(what, hex);
        byte[] bytes = HexFormat.of().parseHex(hex);
        Map<String, String> encodings = secrets.get(what + " #" + (secrets.size() - 1));
        encodings.put("upper-case hex", hex.toUpperCase(Locale.ROOT));
        encodings.put("Base64 of its bytes", Base64.getEncoder().withoutPadding().encodeToString(bytes));
        encodings.put("hex with separators", HexFormat.ofDelimiter(" ").formatHex(bytes));
    }

    /** Text the bridge let out, from {@code where}. */
    synchronized void place(String where, String text) {
        if (text != null && !text.isEmpty()) {
            places.add(Map.entry(where, text));
        }
    }

    /** A throwable as a log reader sees it: its message, causes and stack trace. */
    static String fullText(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    synchronized int secretCount() {
        return secrets.size();
    }

    synchronized int placeCount() {
        return places.size();
    }

    /** Every secret that some place shows, one line each: the kind, the encoding and the place, with the value masked. */
    synchronized List<String> findings() {
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> secret : secrets.entrySet()) {
            for (Map.Entry<String, String> encoding : secret.getValue().entrySet()) {
                // Short encodings of short secrets would match by chance (an arm code in a timestamp).
                if (encoding.getValue().length() < 6) {
                    continue;
                }
                for (Map.Entry<String, String> place : places) {
                    int at = place.getValue().indexOf(encoding.getValue());
                    if (at >= 0) {
                        findings.add(secret.getKey() + " (" + encoding.getKey() + ") in " + place.getKey() + ": "
                                     + context(place.getValue(), at, encoding.getValue()));
                    }
                }
            }
        }
        return findings;
    }

    private static String context(String text, int at, String secret) {
        int from = Math.max(0, at - 120);
        int to = Math.min(text.length(), at + secret.length() + 60);
        return ("..." + text.substring(from, at) + "<SECRET>" + text.substring(at + secret.length(), to) + "...")
                .replaceAll("\\p{Cntrl}", " ");
    }
}
