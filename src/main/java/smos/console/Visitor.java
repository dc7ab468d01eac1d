package smos.console;

import smos.publish.AccessRole;
import smos.publish.ConsoleSession;

/**
 * Who is looking at a console page: a signed-in person (name, role, the CSRF token their forms carry)
 * or, where reads are open, nobody in particular. Templates ask it what to show.
 */
public record Visitor(ConsoleSession session) {
    public static final Visitor ANONYMOUS = new Visitor(null);

    public boolean signedIn() {
        return session != null;
    }

    public String name() {
        return session == null ? "" : session.name();
    }

    public String role() {
        return session == null ? "" : session.role().label();
    }

    public String csrf() {
        return session == null ? "" : session.csrf();
    }

    /** Whether the role covers {@code needed}: the same rule the publishing API applies. */
    public boolean may(AccessRole needed) {
        return session != null && session.role().allows(needed);
    }

    public boolean mayPublish() {
        return may(AccessRole.PUBLISHER);
    }
}
