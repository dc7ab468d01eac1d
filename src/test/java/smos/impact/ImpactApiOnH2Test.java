package smos.impact;

import smos.audit.AuditLogs;
import smos.audit.JdbcAuditLog;

/** The impact of a change over a decision log on the default, an H2 file database. */
class ImpactApiOnH2Test extends ImpactApiContract {
    @Override
    JdbcAuditLog openLog() {
        return AuditLogs.open(AuditLogs.Backend.H2);
    }
}
