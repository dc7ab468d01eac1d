package smos.cli;

import picocli.CommandLine.Option;
import smos.audit.AuditLog;
import smos.audit.AuditRetention;
import smos.audit.AuditServices;
import smos.audit.DecisionRecorder;
import smos.audit.Replay;
import smos.publish.RecordedVersions;
import smos.audit.JdbcAuditLog;
import smos.service.Metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The decision log's options of {@code serve}: where it is, whether it is required, how long it keeps records. */
final class AuditOptions {
    @Option(names = "--audit", paramLabel = "LOCATION", defaultValue = "${env:SMOS_AUDIT:-default}",
            description = "Where decisions are recorded: 'default' (an H2 file database in .smos/audit in the home), "
                    + "a JDBC URL (jdbc:postgresql://host/db), or 'off' (default: $SMOS_AUDIT or default).")
    String location;

    @Option(names = "--audit-user", paramLabel = "USER", defaultValue = "${env:SMOS_AUDIT_USER:-${env:PGUSER}}",
            description = "Database user of a JDBC audit URL (default: $SMOS_AUDIT_USER or $PGUSER).")
    String user;

    @Option(names = "--audit-password-file", paramLabel = "FILE",
            description = "File holding the audit database's password (default: $PGPASSWORD); never put it in the URL.")
    Path passwordFile;

    @Option(names = "--audit-required", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Refuse decisions with 503 while they cannot be recorded (default: on). "
                    + "--audit-required=false serves them and counts them in /metrics (smos_audit_unrecorded_total).")
    boolean required;

    @Option(names = "--audit-retention", paramLabel = "DAYS", defaultValue = "400",
            description = "Delete records older than this many days, in the background (default: ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(names = "--audit-exclude", paramLabel = "DOMAIN", split = ",",
            description = "Domains whose decisions are not recorded (comma-separated).")
    List<String> excluded;

    /** The recorder for {@code serve}: opens (and migrates) the log unless it is off. */
    Opened open(Path home, Services.Running running) throws IOException {
        Metrics metrics = running.metrics();
        if ("off".equalsIgnoreCase(location)) {
            return new Opened(AuditServices.off(metrics), null, "decision log off");
        }
        JdbcAuditLog log;
        String where;
        if (location == null || location.isBlank() || "default".equalsIgnoreCase(location)) {
            Path folder = home.resolve(".smos/audit");
            Files.createDirectories(folder);
            log = JdbcAuditLog.h2(folder);
            where = "decisions recorded in " + folder;
        } else {
            log = JdbcAuditLog.open(location, user, password());
            where = "decisions recorded in " + location;
        }
        AuditRetention retention = AuditRetention.start(log, Duration.ofDays(retentionDays));
        DecisionRecorder recorder = new DecisionRecorder(log, required, excluded == null ? Set.of() : Set.copyOf(excluded),
                metrics);
        Replay replay = new Replay(log, running.service(),
                new RecordedVersions(running.registry(), running.manager().store())::compiled);
        return new Opened(new AuditServices(recorder, replay), () -> {
            retention.close();
            log.close();
        }, where + (required ? "" : " (not required)"));
    }

    private String password() throws IOException {
        if (passwordFile != null) {
            return Files.readString(passwordFile).strip();
        }
        return System.getenv("PGPASSWORD");
    }

    /** The recorder, how to close it, and a line for the start-up message. */
    record Opened(AuditServices services, Runnable close, String description) {
        void closeQuietly() {
            if (close != null) {
                close.run();
            }
        }

        AuditLog log() {
            return services.recorder().log();
        }
    }
}
