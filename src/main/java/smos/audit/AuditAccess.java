package smos.audit;

import smos.publish.AccessRole;

/**
 * Who may read the decision log: the one rule the API's audit routes and the console's audit pages both
 * apply. Reading always needs a named token's holder (never anonymous, whatever {@code --protect-reads}
 * says): the log holds customers' requests. Any role reads it; replay is a read too (it changes nothing).
 */
public final class AuditAccess {
    /** The role that reads the log, and replays a record. */
    public static final AccessRole READER = AccessRole.VIEWER;
    /** What a refusal says the caller may not do. */
    public static final String READING = "read the decision log";
    /** Why the log cannot be read when it is off. */
    public static final String OFF = "the decision log is off on this server (serve --audit off)";
    /** Why a record cannot be replayed on a server without rule history. */
    public static final String NO_HISTORY = "this server has no rule history to replay from";

    private AuditAccess() {
    }
}
