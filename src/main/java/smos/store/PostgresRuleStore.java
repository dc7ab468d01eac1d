package smos.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.DomainBundle;
import smos.failure.ConflictException;
import smos.failure.Failure;
import smos.publish.DamagedHistoryException;
import smos.publish.GateRecord;
import smos.publish.HistoryEntry;
import smos.publish.Publication;
import smos.publish.RuleStore;
import smos.publish.StoreUnavailableException;
import smos.request.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rule store shared by several replicas: a PostgreSQL database. Its tables (Flyway migrations in
 * {@code db/rules}, their own history table, so replicas starting together take Flyway's lock instead
 * of racing) hold each file's bytes once by hash, each version's file list, the history, the gate
 * records and each domain's active version. A version goes live in one transaction that sets the
 * active version only where it still is the publication's base (a compare-and-set on one row: the
 * second of two concurrent publishes waits for the first, then finds the row changed and gets 409),
 * and tells the other replicas with NOTIFY on commit ({@link StoreFollower}).
 *
 * <p>The working content of a domain is its active version: people change it by publishing, not by
 * editing files beside a replica. Every failure to reach the database is a 503
 * ({@link StoreUnavailableException}) and is remembered as the store's {@link #unavailable} reason until
 * a statement succeeds again.
 */
public final class PostgresRuleStore implements RuleStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRuleStore.class);
    /** The channel on which a committed change of a domain's active version is announced: "domain version". */
    static final String CHANNEL = "smos_rules";
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final HikariDataSource dataSource;
    private final StoreAddress address;
    private final PostgresConsoleSessions sessions = new PostgresConsoleSessions(this);
    private final PostgresDrafts drafts = new PostgresDrafts(this);
    private volatile String unavailable;

    private PostgresRuleStore(HikariDataSource dataSource, StoreAddress address) {
        this.dataSource = dataSource;
        this.address = address;
    }

    /** Opens the store, creating or migrating its tables (under Flyway's lock). */
    public static PostgresRuleStore open(StoreAddress address) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.url());
        if (address.user() != null) {
            config.setUsername(address.user());
        }
        if (address.password() != null) {
            config.setPassword(address.password());
        }
        config.setPoolName("smos-rules");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        // A publish waits for a connection: a database that is away must be a 503 in seconds, not in a minute;
        // only the first connection may take longer (a database starting with the replicas).
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(60_000);
        config.setValidationTimeout(1_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/rules")
                    .table("rule_schema_history")
                    // the store and the log may share one database, each with its own history: the other's tables
                    // make the schema non-empty, which Flyway accepts only from a baseline below our first version
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new PostgresRuleStore(dataSource, address);
    }

    StoreAddress address() {
        return address;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public String describe() {
        return address.describe();
    }

    /** Console sessions in the store's database: a person signed in on one replica is signed in on all. */
    @Override
    public smos.publish.ConsoleSessions consoleSessions() {
        return sessions;
    }

    /** Console drafts in the store's database: uploaded on one replica, opened and published on another. */
    @Override
    public smos.publish.Drafts drafts() {
        return drafts;
    }

    /** Whether no domain has an active version yet: a store to seed with {@code smos store import}. */
    public boolean empty() {
        return activeVersions().isEmpty();
    }

    /** Every domain's active version (one statement: the follower's poll). */
    public Map<String, String> activeVersions() {
        return read("the active versions", c -> {
            Map<String, String> versions = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT domain_id, version FROM rule_active");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getString(2));
                }
            }
            return versions;
        });
    }

    @Override
    public Optional<String> active(String domain) {
        return read("the active version of " + domain, c -> activeIn(c, domain));
    }

    /** The active version's files, their hash checked against its id; empty when the domain has none. */
    @Override
    public DomainBundle working(String domain) {
        return read("the active version of " + domain, c -> {
            Optional<String> version = activeIn(c, domain);
            if (version.isEmpty()) {
                return DomainBundle.of(domain, Map.of());
            }
            DomainBundle bundle = DomainBundle.of(domain, files(c, domain, version.get()));
            if (!bundle.version().equals(version.get())) {
                throw new StoreUnavailableException("version " + version.get() + " of " + domain
                        + " is damaged in the store: its files hash to " + bundle.version(), null);
            }
            return bundle;
        });
    }

    @Override
    public List<HistoryEntry> history(String domain) {
        return read("the history of " + domain, c -> {
            Map<String, List<HistoryEntry.HistoryFile>> listed = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT version, path, size, sha256 FROM rule_version_file WHERE domain_id = ? ORDER BY path")) {
                s.setString(1, domain);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        listed.computeIfAbsent(rs.getString(1), v -> new ArrayList<>())
                                .add(new HistoryEntry.HistoryFile(rs.getString(2), rs.getLong(3), rs.getString(4)));
                    }
                }
            }
            List<HistoryEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT entry_id, version, at, action, published_by, message, "
                    + "previous_version, code_changes FROM rule_history WHERE domain_id = ? ORDER BY entry_id")) {
                s.setString(1, domain);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs, listed.getOrDefault(rs.getString(2), List.of())));
                    }
                }
            }
            return entries;
        });
    }

    private static HistoryEntry entry(ResultSet rs, List<HistoryEntry.HistoryFile> files) throws SQLException {
        List<String> codeChanges = texts(rs.getString(8));
        HistoryEntry entry = new HistoryEntry(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), !codeChanges.isEmpty(), codeChanges,
                List.copyOf(files), null, "history #" + rs.getLong(1), null);
        Map<String, String> hashes = new TreeMap<>();
        files.forEach(f -> hashes.put(f.path(), f.sha256()));
        if (!DomainBundle.versionOf(hashes).equals(entry.version())) {
            return new HistoryEntry(entry.version(), entry.at(), entry.action(), entry.publishedBy(), entry.message(),
                    entry.previousVersion(), entry.codeChanged(), codeChanges, entry.files(), null, entry.entry(),
                    "its version does not match the files it lists");
        }
        return entry;
    }

    @Override
    public DomainBundle bundle(String domain, HistoryEntry entry) {
        if (!entry.intact()) {
            throw new DamagedHistoryException(domain, entry, entry.damaged());
        }
        DomainBundle bundle = read("version " + entry.version() + " of " + domain,
                c -> DomainBundle.of(domain, files(c, domain, entry.version())));
        if (!bundle.version().equals(entry.version())) {
            throw new DamagedHistoryException(domain, entry, "its files hash to " + bundle.version());
        }
        return bundle;
    }

    @Override
    public Optional<GateRecord> gateRecord(String domain, String version) {
        return read("the gate record of " + version, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT at, scenarios, build FROM rule_gate "
                    + "WHERE domain_id = ? AND version = ? ORDER BY at DESC LIMIT 1")) {
                s.setString(1, domain);
                s.setString(2, version);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new GateRecord(version, rs.getObject(1, OffsetDateTime.class).toInstant(),
                            rs.getInt(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void recordGate(String domain, GateRecord gate) {
        write("the gate record of " + gate.version(), c -> {
            insertGate(c, domain, gate);
            return null;
        });
    }

    /**
     * One transaction: the blobs, the version and its file list (when new), the history entry, the gate
     * record, then the compare-and-set of the active version and the NOTIFY that is sent on commit.
     */
    @Override
    public HistoryEntry record(Publication publication) {
        String domain = publication.domain();
        String version = publication.version();
        DomainBundle bundle = publication.bundle();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the column keeps
        return write("version " + version + " of " + domain, c -> {
            for (Map.Entry<String, byte[]> file : new TreeMap<>(bundle.files()).entrySet()) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO rule_blob (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                    s.setString(1, bundle.hashes().get(file.getKey()));
                    s.setBytes(2, file.getValue());
                    s.executeUpdate();
                }
            }
            boolean newVersion;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO rule_version (domain_id, version) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, domain);
                s.setString(2, version);
                newVersion = s.executeUpdate() == 1;
            }
            List<HistoryEntry.HistoryFile> files = new ArrayList<>();
            bundle.files().forEach((path, bytes) -> files.add(new HistoryEntry.HistoryFile(path, bytes.length,
                    bundle.hashes().get(path))));
            if (newVersion) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_version_file "
                        + "(domain_id, version, path, size, sha256) VALUES (?, ?, ?, ?, ?)")) {
                    for (HistoryEntry.HistoryFile file : files) {
                        s.setString(1, domain);
                        s.setString(2, version);
                        s.setString(3, file.path());
                        s.setLong(4, file.size());
                        s.setString(5, file.sha256());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            long entryId;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_history (domain_id, version, at, action, "
                    + "published_by, message, previous_version, code_changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "RETURNING entry_id")) {
                s.setString(1, domain);
                s.setString(2, version);
                s.setObject(3, at.atOffset(ZoneOffset.UTC));
                s.setString(4, publication.action());
                s.setString(5, publication.publishedBy());
                s.setString(6, publication.message());
                s.setString(7, publication.base());
                s.setString(8, json(publication.codeChanges()));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    entryId = rs.getLong(1);
                }
            }
            if (publication.gate() != null) {
                insertGate(c, domain, publication.gate());
            }
            if (!swapActive(c, domain, publication.base(), version, entryId)) {
                c.rollback();
                Optional<String> now = activeIn(c, domain);
                throw new ConflictException("version " + version + " of " + domain + " replaces version "
                        + publication.base() + ", but version " + now.orElse("none") + " is active in the store now "
                        + "(published on another replica): nothing changed");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, CHANNEL);
                s.setString(2, domain + " " + version);
                s.execute();
            }
            return new HistoryEntry(version, at, publication.action(), publication.publishedBy(), publication.message(),
                    publication.base(), !publication.codeChanges().isEmpty(), List.copyOf(publication.codeChanges()),
                    List.copyOf(files), null, "history #" + entryId, null);
        });
    }

    /** The compare-and-set: true when the active version was {@code base} (none for null) and now is {@code version}. */
    private static boolean swapActive(Connection c, String domain, String base, String version, long entryId)
            throws SQLException {
        if (base == null) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_active (domain_id, version, entry_id) "
                    + "VALUES (?, ?, ?) ON CONFLICT (domain_id) DO NOTHING")) {
                s.setString(1, domain);
                s.setString(2, version);
                s.setLong(3, entryId);
                return s.executeUpdate() == 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE rule_active SET version = ?, entry_id = ? WHERE domain_id = ? AND version = ?")) {
            s.setString(1, version);
            s.setLong(2, entryId);
            s.setString(3, domain);
            s.setString(4, base);
            return s.executeUpdate() == 1;
        }
    }

    private static void insertGate(Connection c, String domain, GateRecord gate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO rule_gate (domain_id, version, at, scenarios, build) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, domain);
            s.setString(2, gate.version());
            s.setObject(3, gate.at().atOffset(ZoneOffset.UTC));
            s.setInt(4, gate.scenarios());
            s.setString(5, gate.build());
            s.executeUpdate();
        }
    }

    /** Nothing to finish: a transaction that did not commit left nothing behind. */
    @Override
    public void recover(Collection<String> domains) {
    }

    /** Every version whose files are missing or do not hash to its id, every blob that does not hash to its name. */
    @Override
    public List<String> check() {
        return read("the store", c -> {
            List<String> damage = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT sha256, content FROM rule_blob");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String actual = DomainBundle.sha256(rs.getBytes(2));
                    if (!actual.equals(rs.getString(1))) {
                        damage.add("blob " + rs.getString(1) + " is damaged: its bytes hash to " + actual);
                    }
                }
            }
            Map<String, Map<String, String>> versions = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT v.domain_id, v.version, f.path, f.sha256 "
                    + "FROM rule_version v LEFT JOIN rule_version_file f USING (domain_id, version) ORDER BY 1, 2");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> hashes = versions.computeIfAbsent(rs.getString(1) + " " + rs.getString(2),
                            k -> new TreeMap<>());
                    if (rs.getString(3) != null) {
                        hashes.put(rs.getString(3), rs.getString(4));
                    }
                }
            }
            versions.forEach((key, hashes) -> {
                String[] domainVersion = key.split(" ");
                if (!DomainBundle.versionOf(hashes).equals(domainVersion[1])) {
                    damage.add(domainVersion[0] + ": version " + domainVersion[1] + " lists files that hash to "
                            + DomainBundle.versionOf(hashes));
                }
            });
            return damage;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }

    // ---- statements

    private static Optional<String> activeIn(Connection c, String domain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM rule_active WHERE domain_id = ?")) {
            s.setString(1, domain);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Map<String, byte[]> files(Connection c, String domain, String version) throws SQLException {
        Map<String, byte[]> files = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.path, b.content FROM rule_version_file f "
                + "JOIN rule_blob b ON b.sha256 = f.sha256 WHERE f.domain_id = ? AND f.version = ?")) {
            s.setString(1, domain);
            s.setString(2, version);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getBytes(2));
                }
            }
        }
        return files;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            T result = work.run(c);
            reachable();
            return result;
        } catch (SQLException e) {
            throw unreachable(what, e);
        }
    }

    /** One transaction: committed when the work returns, rolled back when it throws. */
    <T> T write(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                reachable();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                if (e instanceof Failure f) {
                    reachable();
                    throw f;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw unreachable(what, e);
        }
    }

    /** The follower's own check: reachable again or not, for {@code /health}. */
    void reachable() {
        if (unavailable != null) {
            LOG.info("the rule store is reachable again");
        }
        unavailable = null;
    }

    StoreUnavailableException unreachable(String what, SQLException e) {
        String reason = e instanceof SQLTransientConnectionException ? "no connection to " + address.describe()
                : e.getMessage();
        if (unavailable == null) {
            LOG.warn("the rule store cannot be reached: {}", reason);
        }
        unavailable = reason;
        return new StoreUnavailableException(what + " cannot be read or written: the rule store is unavailable ("
                + reason + "); nothing changed", e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback: {}", e.getMessage());
        }
    }

    private static String json(List<String> texts) {
        try {
            return Json.mapper().writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(String json) {
        try {
            return Json.mapper().readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            return List.of("(unreadable: " + e.getOriginalMessage() + ")");
        }
    }
}
