package smos.audit;

/** The decision log's HTTP contract on the default, an H2 file database. */
class AuditApiOnH2Test extends AuditApiContract {
    @Override
    JdbcAuditLog openLog() {
        return AuditLogs.open(AuditLogs.Backend.H2);
    }
}
