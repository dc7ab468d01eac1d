package smos.audit;

import smos.testing.PostgresCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The two databases every audit test runs on: an H2 file database and the test run's PostgreSQL cluster. */
public final class AuditLogs {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private AuditLogs() {
    }

    public enum Backend { H2, POSTGRESQL }

    public static Stream<Backend> both() {
        return Stream.of(Backend.H2, Backend.POSTGRESQL);
    }

    /** A new, empty log on the backend. */
    public static JdbcAuditLog open(Backend backend) {
        int n = COUNT.incrementAndGet();
        if (backend == Backend.H2) {
            try {
                return JdbcAuditLog.h2(Files.createTempDirectory("smos-audit-h2-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String url = PostgresCluster.shared().createDatabase("audit_" + ProcessHandle.current().pid() + "_" + n);
        return JdbcAuditLog.open(url, PostgresCluster.USER, null);
    }

    /** A JDBC URL of a new, empty PostgreSQL database. */
    public static String postgresUrl(String name) {
        return PostgresCluster.shared().createDatabase(name + "_" + ProcessHandle.current().pid() + "_"
                + COUNT.incrementAndGet());
    }

    static Path tempFolder() {
        try {
            return Files.createTempDirectory("smos-audit-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
