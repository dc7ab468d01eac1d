package smos.cli;

import picocli.CommandLine.Option;
import smos.audit.AuditLog;
import smos.audit.AuditRetention;
import smos.audit.AuditServices;
import smos.audit.DecisionRecorder;
import smos.audit.Replay;
import smos.publish.RecordedVersions;
import smos.audit.JdbcAuditLog;
import smos.common.DatabasePasswords;
import smos.store.StoreAddress;
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
            description = "Where decisions are recorded: 'default' (with --store, the store's PostgreSQL database; "
                    + "else an H2 file database in .smos/audit in the home), a JDBC URL (jdbc:postgresql://host/db), "
                    + "or 'off' (default: $SMOS_AUDIT or default).")
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

    @Option(names = "--audit-sync", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "With the default H2 log: force each group of records to the disk before its decisions are "
                    + "answered, so that a power loss loses none either (default: off; a crash of the server loses "
                    + "none either way).")
    boolean sync;

    @Option(names = "--audit-retention", paramLabel = "DAYS", defaultValue = "400",
            description = "Delete records older than this many days, in the background (default: ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(names = "--audit-exclude", paramLabel = "DOMAIN", split = ",",
            description = "Domains whose decisions are not recorded (comma-separated).")
    List<String> excluded;

    /**
     * The recorder for {@code serve}: opens (and migrates) the log unless it is off. With a shared rule store
     * and no location of its own, the log goes to the store's database: the replicas then share one log, as
     * they share the rules.
     */
    Opened open(Path home, Services.Running running, StoreAddress store) throws IOException {
        Metrics metrics = running.metrics();
        if ("off".equalsIgnoreCase(location)) {
            return new Opened(AuditServices.off(metrics), null, "decision log off");
        }
        OpenedLog opened = openLog(home, store);
        JdbcAuditLog log = opened.log();
        String where = opened.where();
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

    /** The log of a location other than 'off', and where it is for the start-up line. */
    OpenedLog openLog(Path home, StoreAddress store) throws IOException {
        boolean byDefault = location == null || location.isBlank() || "default".equalsIgnoreCase(location);
        if (byDefault && store != null) {
            return new OpenedLog(JdbcAuditLog.open(store.url(), store.user(), store.password()),
                    "decisions recorded in the store's database " + store.describe());
        }
        if (byDefault) {
            Path folder = home.resolve(".smos/audit");
            Files.createDirectories(folder);
            return new OpenedLog(JdbcAuditLog.h2(folder, sync), "decisions recorded in " + folder);
        }
        DatabasePasswords.refuseInUrl(location, "the decision log's URL", "--audit-password-file");
        return new OpenedLog(JdbcAuditLog.open(location, user, DatabasePasswords.read(passwordFile)),
                "decisions recorded in " + location);
    }

    record OpenedLog(JdbcAuditLog log, String where) {
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
