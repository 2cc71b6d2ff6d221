package io.github.camelsmarthome.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;

/**
 * The Home Connect simulator of the scale benchmark, in a JVM of its own: it holds one server
 * socket per stream, and with ten thousand streams the client's and the server's sockets together
 * would not fit one process's file limit. Answers one line per command on standard input:
 *
 * <pre>
 * accounts FROM TO DIR   issues tokens for accounts FROM..TO-1 and puts their token stores in DIR
 *                        (as {@code authorize homeconnect --account} writes them); answers "ok N"
 * streams                the event streams open now
 * flood                  one STATUS event of the washer on every open stream; answers how many were written
 * </pre>
 *
 * Every account sees the simulator's one household (five appliances), so one event reaches every
 * stream; the tokens are the simulator's own, one pair per account.
 */
public final class ScaleCloudMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The token store name of account {@code index}: {@code home-00042}. */
    static String accountName(int index) {
        return String.format("home-%05d", index);
    }

    private ScaleCloudMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorOptions options = SimulatorOptions.forTests()
                // Production spacing: ten thousand streams at the test default of 1 s would be a flood of their own.
                .keepAliveInterval(Duration.ofSeconds(55))
                .build();
        HomeConnectSimulator cloud = HomeConnectSimulator.start(options);
        System.out.println("ready " + cloud.baseUrl() + " " + cloud.clientId() + " " + cloud.clientSecret());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split(" ");
            String answer = switch (words[0]) {
                case "accounts" -> "ok " + writeAccounts(cloud, Integer.parseInt(words[1]), Integer.parseInt(words[2]), Path.of(words[3]));
                case "streams" -> Integer.toString(cloud.events().openStreamCount());
                case "flood" -> cloud.events().flood(cloud.household().washer().haId(), 1, 0).get(2, TimeUnit.MINUTES).toString();
                default -> "unknown command " + words[0];
            };
            System.out.println(answer);
            System.out.flush();
        }
        cloud.close();
        System.exit(0);
    }

    /**
     * Writes the stores to a staging folder beside {@code folder} in the token store's format
     * (owner-only, not synced file by file as {@code authorize} does: thousands of syncs would take
     * minutes on a shared disk), then moves them in, so the bundle sees the step's accounts at once
     * and its time to open them is its own.
     */
    private static int writeAccounts(HomeConnectSimulator cloud, int from, int to, Path folder) throws Exception {
        Path staging = Files.createDirectories(folder.resolveSibling(folder.getFileName() + ".staging"));
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        for (int i = from; i < to; i++) {
            TokenSet issued = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
            ObjectNode store = JSON.createObjectNode();
            store.put("version", 1);
            store.put("access_token", issued.accessToken());
            store.put("refresh_token", issued.refreshToken());
            store.put("expires_at", Instant.now().plusSeconds(issued.expiresIn()).toString());
            store.put("scope", issued.scope());
            store.put("token_type", "Bearer");
            store.putObject("extras");
            Path file = staging.resolve(accountName(i) + ".tokens.json");
            Files.write(Files.createFile(file, ownerOnly), JSON.writeValueAsBytes(store));
        }
        for (int i = from; i < to; i++) {
            String name = accountName(i) + ".tokens.json";
            Files.move(staging.resolve(name), folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
        return to - from;
    }
}
