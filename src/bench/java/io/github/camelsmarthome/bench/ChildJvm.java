package io.github.camelsmarthome.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A main class of the benchmark classpath in a JVM of its own, driven by one-line commands on its
 * standard input, each answered by one line on its standard output; its standard error goes to a
 * file. For measurements that must not share the benchmark's process (heap, RSS, file limit).
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BufferedReader answers;
    private final PrintWriter commands;
    private final Path stderr;

    private ChildJvm(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code mainClass} with {@code jvmOptions} and {@code args}; its logs go to
     * {@code logDir}/bench.log (the benchmark's log configuration with {@code bench.out} = logDir).
     */
    static ChildJvm start(String name, Path logDir, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        return start(name, logDir, List.of(), jvmOptions, mainClass, args);
    }

    /** As {@link #start(String, Path, List, Class, String...)}, the java command run through {@code launcher} (e.g. taskset). */
    static ChildJvm start(String name, Path logDir, List<String> launcher, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException {
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dbench.out=" + logDir.toAbsolutePath());
        String logConfig = System.getProperty("log4j2.configurationFile");
        if (logConfig != null) {
            command.add("-Dlog4j2.configurationFile=" + logConfig);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path stderr = logDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildJvm(name, process, stderr);
    }

    /** The next line the child prints (its start-up answer first), skipping the JVM's own log lines; waits up to {@code timeout}. */
    String awaitLine(Duration timeout) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                // The JVM's own log lines ("[1.016s][info][jfr,startup] …", from -Xlog or a flight
                // recording in the child's options) share standard output; answers never start with '['.
                String answer = answers.readLine();
                while (answer != null && answer.startsWith("[")) {
                    answer = answers.readLine();
                }
                return answer;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String answer = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new IllegalStateException(name + " exited: " + tail());
            }
            return answer;
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not answer within " + timeout + ": " + tail(), e);
        }
    }

    /** Sends {@code command} and returns the answer. */
    synchronized String ask(String command, Duration timeout) throws Exception {
        commands.println(command);
        return awaitLine(timeout);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A field of {@code /proc/<pid>/status} in its unit (kB for memory), e.g. {@code VmRSS} or {@code Threads}. */
    long procStatus(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid() + "/status")).stream().filter(line -> line.startsWith(field + ":"))
                .map(line -> line.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElseThrow();
    }

    /** CPU time the child used so far (user + system), in clock ticks of 10 ms ({@code /proc/<pid>/stat}). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
        // Fields after the command name, which is in parentheses and may hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** File descriptors open in the child. */
    long openFiles() {
        String[] fds = Path.of("/proc/" + pid() + "/fd").toFile().list();
        return fds == null ? -1 : fds.length;
    }

    private String tail() {
        try {
            String text = Files.readString(stderr);
            return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    @Override
    public void close() throws Exception {
        commands.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
