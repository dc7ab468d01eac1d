package smos.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.common.RequestIds;
import smos.request.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The decision log in a relational database: an H2 file database by default, PostgreSQL as the option.
 * The schema comes from Flyway migrations ({@code db/audit}); the pool is HikariCP; the SQL is plain
 * JDBC, the same for both. Writes go through a {@link GroupCommit}; the embedded H2 log puts a journal
 * before it ({@link JournaledCommit}), since its commits are too dear to wait for on every answer.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final String COLUMNS = "decision_id, decided_at, domain_id, ruleset_version, caller, status, "
            + "duration_micros, request_json, decision_json, trace_json, problem_json, body_prefix, body_sha256";
    /** Ids per DELETE statement when erasing: keeps statements small on both databases. */
    private static final int DELETE_CHUNK = 500;
    private static final String INSERT = "INSERT INTO audit_decision (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Ids per lookup when the records a crash left in the journal are checked against the database. */
    private static final int LOOKUP_CHUNK = 500;

    private final HikariDataSource dataSource;
    private final RecordWriter writer;

    private JdbcAuditLog(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new GroupCommit(dataSource, INSERT, JdbcAuditLog::bind);
    }

    private JdbcAuditLog(HikariDataSource dataSource, AuditJournal journal) {
        this.dataSource = dataSource;
        GroupCommit database = new GroupCommit(dataSource, INSERT, JdbcAuditLog::bind, JournaledCommit.LINGER);
        this.writer = new JournaledCommit(journal, database);
    }

    /**
     * Opens (and creates or migrates) the log at {@code url}. The password, when the database needs
     * one, comes from the caller (a file or PGPASSWORD), never from the URL.
     */
    public static JdbcAuditLog open(String url, String user, String password) {
        return new JdbcAuditLog(migrated(url, user, password));
    }

    private static HikariDataSource migrated(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("smos-audit");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        // Opening (and creating) the database may take a while on a busy machine; once it is open, see below.
        config.setConnectionTimeout(60_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/audit")
                    .table("audit_schema_history")
                    // the store and the log may share one database, each with its own history: the other's tables
                    // make the schema non-empty, which Flyway accepts only from a baseline below our first version
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        // A request waits for the log: a database that goes away must be noticed in seconds, not Hikari's 30.
        dataSource.getHikariConfigMXBean().setConnectionTimeout(2_000);
        return dataSource;
    }

    /** The default: an H2 file database in {@code folder}, one per server, with its journal in {@code folder/journal}. */
    public static JdbcAuditLog h2(Path folder) {
        return h2(folder, false);
    }

    /**
     * @param sync whether the journal forces each group to the disk before it is acknowledged (survives a power
     *             loss, not only the server's crash)
     */
    public static JdbcAuditLog h2(Path folder, boolean sync) {
        // WRITE_DELAY=0: a commit is in the file when it returns, so the journal can be cleared behind it.
        // CACHE_SIZE=1024 (KB): H2 caches every page it writes, 32 MB of them in a 512 MB heap by default; a log is
        // written far more than it is read again, and each cached page outlived a young collection and was copied
        // into the old generation. Measured under wrk: 800-970 KB promoted per collection and pauses of 6 ms with
        // the default, 210-310 KB and 4 ms with 1 MB; 4 MB kept as much as the default. Reads of the log scan
        // pages in key order, which a larger cache would not hold anyway.
        HikariDataSource dataSource = migrated("jdbc:h2:file:" + folder.toAbsolutePath().resolve("audit")
                + ";WRITE_DELAY=0;CACHE_SIZE=1024", "smos", "");
        try {
            AuditJournal journal = new AuditJournal(folder.resolve("journal"), sync);
            recover(dataSource, journal);
            return new JdbcAuditLog(dataSource, journal);
        } catch (IOException | SQLException e) {
            dataSource.close();
            throw new AuditUnavailableException("the journal in " + folder + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Puts into the database what the last run acknowledged but had not stored when it stopped (a crash): the
     * journal's records whose id the database does not hold. Then the journal starts empty.
     */
    private static void recover(HikariDataSource dataSource, AuditJournal journal) throws IOException, SQLException {
        List<AuditRecord> left = journal.leftOver();
        if (left.isEmpty()) {
            journal.clear();
            return;
        }
        int added = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < left.size(); from += LOOKUP_CHUNK) {
                List<AuditRecord> chunk = left.subList(from, Math.min(left.size(), from + LOOKUP_CHUNK));
                java.util.Set<String> present = new java.util.HashSet<>();
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement s = c.prepareStatement("SELECT decision_id FROM audit_decision WHERE decision_id IN ("
                        + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i).decisionId());
                    }
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            present.add(rows.getString(1));
                        }
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (AuditRecord record : chunk) {
                        if (present.add(record.decisionId())) {
                            bind(insert, record);
                            insert.addBatch();
                            added++;
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
        }
        LOG.info("{} decisions of {} left in the journal by the last run were not yet in the database: stored now",
                added, left.size());
        journal.clear();
    }

    @Override
    public CompletableFuture<Void> appendOfGroup(AuditRecord record) {
        return writer.submitOfGroup(record);
    }

    @Override
    public CompletableFuture<Void> append(AuditRecord record) {
        return writer.submit(record);
    }

    @Override
    public AuditPage query(AuditQuery query) {
        writer.awaitReadable();
        List<AuditRecord> records = new ArrayList<>();
        select(query, query.limit() + 1, false, records::add);
        String next = null;
        if (records.size() > query.limit()) {
            records.remove(records.size() - 1);
            next = records.get(records.size() - 1).decisionId();
        }
        return new AuditPage(records, next);
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditRecord> sink) {
        writer.awaitReadable();
        select(query, 0, false, sink);
    }

    @Override
    public void replayInput(AuditQuery query, int max, Consumer<AuditRecord> sink) {
        writer.awaitReadable();
        select(query, max, true, sink);
    }

    /**
     * Newest first by decision id; or, {@code inTimeOrder}, oldest first. A decision id is a UUIDv7, given when
     * its request was taken, so the primary key is the log's time order: a window of time is a range of ids,
     * which both databases read in order along the key without sorting (a sort of a million rows before the
     * first one comes back is what an impact run must not wait for), and the log needs no index on time.
     */
    private void select(AuditQuery q, int limit, boolean inTimeOrder, Consumer<AuditRecord> sink) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_decision WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.domain() != null) {
            sql.append(" AND domain_id = ?");
            args.add(q.domain());
        }
        if (q.from() != null) {
            sql.append(" AND decision_id >= ?");
            args.add(RequestIds.floor(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND decision_id < ?");
            args.add(RequestIds.ceiling(q.to()));
        }
        if (q.version() != null) {
            sql.append(" AND ruleset_version = ?");
            args.add(q.version());
        }
        if (q.caller() != null) {
            sql.append(" AND caller = ?");
            args.add(q.caller());
        }
        if (q.status() != null) {
            switch (q.status()) {
                case "ok" -> sql.append(" AND status < 400");
                case "refused" -> sql.append(" AND status >= 400");
                default -> {
                    sql.append(" AND status = ?");
                    args.add(Integer.parseInt(q.status()));
                }
            }
        }
        if (q.before() != null) {
            sql.append(" AND decision_id < ?");
            args.add(q.before());
        }
        sql.append(inTimeOrder ? " ORDER BY decision_id" : " ORDER BY decision_id DESC");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL streams rows only inside a transaction with a fetch size.
            c.setAutoCommit(false);
            // H2 reads a whole result before it returns the first row unless its execution is lazy: for an impact
            // run of a million rows, minutes of waiting and a temporary file of the window. Only for this query:
            // the connection goes back to the pool as it came.
            boolean lazy = "H2".equals(c.getMetaData().getDatabaseProductName());
            if (lazy) {
                try (java.sql.Statement set = c.createStatement()) {
                    set.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                s.setFetchSize(500);
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(read(rows));
                    }
                }
            } finally {
                c.rollback();
                if (lazy) {
                    try (java.sql.Statement set = c.createStatement()) {
                        set.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    }
                }
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException(e.getMessage());
        }
    }

    @Override
    public Optional<AuditRecord> find(String decisionId) {
        writer.awaitReadable();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_decision WHERE decision_id = ?")) {
            s.setString(1, decisionId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException(e.getMessage());
        }
    }

    @Override
    public Erasure erase(String domain, String field, String value, String erasedBy) {
        writer.awaitReadable();
        String like = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = "SELECT decision_id, request_json, body_prefix FROM audit_decision WHERE "
                + (domain == null ? "" : "domain_id = ? AND ")
                + "(request_json LIKE ? ESCAPE '\\' OR body_prefix LIKE ? ESCAPE '\\')";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    if (domain != null) {
                        s.setString(i++, domain);
                    }
                    s.setString(i++, like);
                    s.setString(i, like);
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            String request = rows.getString(2);
                            boolean holds = request != null ? FieldValues.holds(Json.mapper().readTree(request), field, value)
                                    : rows.getString(3) != null;
                            if (holds) {
                                ids.add(rows.getString(1));
                            }
                        }
                    }
                }
                for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
                    String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                    try (PreparedStatement d = c.prepareStatement("DELETE FROM audit_decision WHERE decision_id IN (" + marks + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            d.setString(i + 1, chunk.get(i));
                        }
                        d.executeUpdate();
                    }
                }
                Erasure erasure = new Erasure(RequestIds.next(), Instant.now(), erasedBy, domain, field, ids.size());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_erasure (erasure_id, erased_at, "
                        + "erased_by, domain_id, field_path, records) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, erasure.erasureId());
                    s.setObject(2, erasure.erasedAt().atOffset(ZoneOffset.UTC));
                    s.setString(3, erasedBy);
                    s.setString(4, domain);
                    s.setString(5, field);
                    s.setInt(6, erasure.records());
                    s.executeUpdate();
                }
                c.commit();
                return erasure;
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | java.io.IOException e) {
            throw new AuditUnavailableException(e.getMessage());
        }
    }

    @Override
    public List<Erasure> erasures() {
        List<Erasure> erasures = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT erasure_id, erased_at, erased_by, domain_id, field_path, "
                     + "records FROM audit_erasure ORDER BY erasure_id DESC");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                erasures.add(new Erasure(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getInt(6)));
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException(e.getMessage());
        }
        return erasures;
    }

    @Override
    public int deleteBefore(Instant cutoff, int batch) {
        writer.awaitReadable();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM audit_decision WHERE decision_id IN (SELECT decision_id "
                     + "FROM audit_decision WHERE decision_id < ? ORDER BY decision_id LIMIT " + batch + ")")) {
            s.setString(1, RequestIds.ceiling(cutoff));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new AuditUnavailableException(e.getMessage());
        }
    }

    @Override
    public AuditHealth health() {
        return writer.health();
    }

    /** A pooled connection checked by the driver: within the pool's connection timeout (2 s) when the database is away. */
    @Override
    public AuditHealth probe() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1) ? AuditHealth.OK : new AuditHealth(false, "the database does not answer");
        } catch (SQLException e) {
            return new AuditHealth(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @Override
    public void close() {
        writer.close();
        dataSource.close();
    }

    private static void bind(PreparedStatement s, AuditRecord r) throws SQLException {
        s.setString(1, r.decisionId());
        s.setObject(2, r.decidedAt().atOffset(ZoneOffset.UTC));
        s.setString(3, r.domain());
        s.setString(4, r.rulesetVersion());
        s.setString(5, r.caller());
        s.setInt(6, r.status());
        if (r.durationMicros() == null) {
            s.setNull(7, Types.BIGINT);
        } else {
            s.setLong(7, r.durationMicros());
        }
        s.setString(8, r.request());
        s.setString(9, r.decision());
        s.setString(10, r.trace());
        s.setString(11, r.problem());
        s.setString(12, r.bodyPrefix());
        s.setString(13, r.bodySha256());
    }

    private static AuditRecord read(ResultSet rows) throws SQLException {
        long duration = rows.getLong(7);
        Long durationMicros = rows.wasNull() ? null : duration;
        return new AuditRecord(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getInt(6), durationMicros, rows.getString(8),
                rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13));
    }

    /** Reads a field path ({@code customer.customerId}, through arrays: any element) of a request. */
    static final class FieldValues {
        private FieldValues() {
        }

        static boolean holds(JsonNode node, String path, String value) {
            return holds(node, path.split("\\."), 0, value);
        }

        private static boolean holds(JsonNode node, String[] names, int at, String value) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return false;
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (holds(element, names, at, value)) {
                        return true;
                    }
                }
                return false;
            }
            if (at == names.length) {
                return node.isValueNode() && node.asText().equals(value);
            }
            return holds(node.get(names[at]), names, at + 1, value);
        }
    }

    static Logger log() {
        return LOG;
    }
}
