package io.github.camelsmarthome.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runner jar as users start it: {@code java -jar target/camel-smarthome-runner.jar <args>} in
 * its own process, with a chosen environment, its output captured to files.
 */
public final class RunnerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private RunnerProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The runner jar that {@code package} built. */
    public static Path jar() {
        return Path.of(System.getProperty("camel-smarthome.runner.jar", "target/camel-smarthome-runner.jar"));
    }

    /**
     * Starts the runner in {@code workDir} with only {@code env} (plus PATH and HOME) as its
     * environment, so that the developer's own variables cannot change the outcome.
     */
    public static RunnerProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(workDir, "runner-", ".out");
        Path stderr = Files.createTempFile(workDir, "runner-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", workDir.toString());
        environment.putAll(env);
        return new RunnerProcess(builder.start(), stdout, stderr);
    }

    /** Waits for the process to end and returns its exit code. */
    public int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The runner did not exit within " + timeout + "; output:\n" + stdout() + stderr());
        }
        return process.exitValue();
    }

    /** The operating system's process id, e.g. to read {@code /proc/<pid>/status}. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the runner printed on standard output so far. */
    public String stdout() {
        return read(stdout);
    }

    /** What the runner printed on standard error so far. */
    public String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** GET {@code http://127.0.0.1:<port><path>}: status and body, or status -1 when nothing answers. */
    public static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Kills the runner as a crash or the OOM killer would (SIGKILL): no shutdown hook runs, nothing
     * is flushed. Returns once the process is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The runner survived SIGKILL for 30 s");
        }
    }

    /** Stops the runner as Ctrl-C or {@code docker stop} would (SIGTERM), then forcibly. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
