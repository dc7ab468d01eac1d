package smos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL cluster for the tests, started once per test JVM from Debian's
 * {@code postgresql} binaries on a free loopback port and removed when the JVM exits. As root it runs
 * as the {@code postgres} user (initdb refuses root), with its data folder and log under /tmp, owned by
 * that user. Tests that need it take a database of their own ({@link #createDatabase}). Missing
 * binaries fail the test naming the package: a test that needs PostgreSQL never skips.
 */
public final class PostgresCluster {
    public static final String USER = "smos";
    private static PostgresCluster shared;

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster() {
        this.bin = binaries();
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
        try {
            this.folder = Files.createTempDirectory(Path.of("/tmp"), "smos-pg-");
            this.data = folder.resolve("data");
            this.log = folder.resolve("postgres.log");
            if (asPostgresUser) {
                ownedByPostgres(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = freePort();
        run(Duration.ofMinutes(2), bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", USER,
                "-E", "UTF8", "--no-sync");
        start();
    }

    /** The cluster of this test run, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = new PostgresCluster();
            PostgresCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "postgres-cluster-stop"));
        }
        return shared;
    }

    /** Starts the server (again, after {@link #stop}): "the database is back". */
    public synchronized void start() {
        run(Duration.ofMinutes(1), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                        + " -c max_connections=200", "start");
    }

    /** Stops the server at once, as an outage would (connections are cut). */
    public synchronized void stop() {
        run(Duration.ofMinutes(1), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                "stop");
    }

    public int port() {
        return port;
    }

    /** A new, empty database of its own for one test class; returns its JDBC URL (no password: trust). */
    public String createDatabase(String name) {
        String safe = name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + safe);
            s.execute("CREATE DATABASE " + safe);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + safe + ": " + e.getMessage()
                    + "\n" + logTail(), e);
        }
        return jdbcUrl(safe);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The end of the server's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void destroy() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // already stopped, or never started: nothing to stop
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder under /tmp: left for the system to clean
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(PostgresCluster::missing);
        } catch (IOException e) {
            throw missing();
        }
    }

    private static AssertionError missing() {
        return new AssertionError("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: "
                + "install Debian's package postgresql (bin/test installs it when missing)");
    }

    private void run(Duration timeout, String... command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (" + process.exitValue() + "): "
                        + output + "\n" + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ownedByPostgres(Path folder) throws IOException {
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal postgres = users.lookupPrincipalByName("postgres");
        GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        view.setOwner(postgres);
        view.setGroup(group);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
