package smos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged jar running {@code serve} as a child process, as an operator would run it. */
public final class SmosProcess implements AutoCloseable {
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    public SmosProcess(Path home, Path history, Map<String, String> env, String... extra) {
        this.port = freePort();
        this.env = env;
        this.log = history.resolveSibling("smos-" + port + ".log");
        String jar = System.getProperty("smos.jar", "target/smos.jar");
        this.command = new ArrayList<>(List.of(javaBinary(), "-jar", jar, "serve", "--home", home.toString(),
                "--port", String.valueOf(port), "--history", history.toString()));
        command.addAll(List.of(extra));
    }

    public SmosProcess start() {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("SMOS_PUBLISH_TOKEN");
            builder.environment().remove("SMOS_PUBLISH_TOKEN_FILE");
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        waitUntilServing(Duration.ofSeconds(300)); // generous: the machine may be busy with other builds
        return this;
    }

    public void restart() {
        stop();
        start();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitUntilServing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("smos serve exited with " + process.exitValue() + ":\n" + output());
            }
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        process.destroyForcibly(); // nobody else holds it: a server that never answered must not outlive the test
        throw new IllegalStateException("smos serve did not answer within " + timeout + ":\n" + output());
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGTERM ({@link Process#destroy} on Linux), as an orchestrator stops it; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** The exit code once the process has ended; fails when it has not within {@code timeout}. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("smos serve did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    /** {@code kill -9}: the process ends at once, with no shutdown hook and nothing flushed. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
