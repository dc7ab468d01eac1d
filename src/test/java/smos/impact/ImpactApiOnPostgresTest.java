package smos.impact;

import smos.audit.AuditLogs;
import smos.audit.JdbcAuditLog;

/** The impact of a change over a decision log on a real PostgreSQL. */
class ImpactApiOnPostgresTest extends ImpactApiContract {
    @Override
    JdbcAuditLog openLog() {
        return AuditLogs.open(AuditLogs.Backend.POSTGRESQL);
    }
}
