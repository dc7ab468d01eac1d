package smos.audit;

/** The decision log's HTTP contract on a real PostgreSQL. */
class AuditApiOnPostgresTest extends AuditApiContract {
    @Override
    JdbcAuditLog openLog() {
        return AuditLogs.open(AuditLogs.Backend.POSTGRESQL);
    }
}
