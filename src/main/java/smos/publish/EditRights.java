package smos.publish;

import smos.engine.DomainSources;
import smos.engine.RuleProblem;
import smos.failure.ForbiddenException;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a caller's role allows a change, decided before the gate runs anything: an editor may
 * change values of tables and scenario files; code cells, DRL, rule files added or removed, deletions
 * and rollbacks need a publisher. {@link CodeRows} tells values from code, as it does for a reload.
 */
final class EditRights {
    private EditRights() {
    }

    /** Refuses the change (403) unless the caller's role covers it; {@code before} is what serves now. */
    static void checkPublish(Caller caller, String domain, DomainSources before, DomainSources proposed,
                             Collection<String> deletes) {
        if (caller.role().allows(AccessRole.PUBLISHER)) {
            return;
        }
        if (!caller.role().allows(AccessRole.EDITOR)) {
            throw new ForbiddenException(denied(caller, "change the rules of " + domain));
        }
        if (!deletes.isEmpty()) {
            throw new ForbiddenException(denied(caller, "delete files (" + String.join(", ", deletes) + ")"));
        }
        List<RuleProblem> code = CodeRows.changes(before, proposed);
        if (!code.isEmpty()) {
            throw new CodeChangeForbiddenException(caller.name() + " has the role editor, which changes values only; "
                    + "this change touches code, which needs a publisher: "
                    + code.stream().map(EditRights::where).collect(Collectors.joining("; ")) + ". Nothing changed.",
                    code);
        }
    }

    static void checkRollback(Caller caller, String domain) {
        if (!caller.role().allows(AccessRole.PUBLISHER)) {
            throw new ForbiddenException(denied(caller, "roll back " + domain));
        }
    }

    private static String denied(Caller caller, String what) {
        return caller.name() + " has the role " + caller.role().label() + ", which may not " + what
                + "; that needs a publisher. Nothing changed.";
    }

    /** {@code decision-tables/returns/returns-policy.xlsx, sheet Outcome, cell D14}: the place, without the message. */
    private static String where(RuleProblem problem) {
        StringBuilder s = new StringBuilder(problem.file());
        if (problem.sheet() != null) {
            s.append(", sheet ").append(problem.sheet());
        }
        if (problem.cell() != null) {
            s.append(", cell ").append(problem.cell());
        }
        if (problem.sheet() == null && problem.cell() == null) {
            s.append(problem.file().toLowerCase(Locale.ROOT).endsWith(".drl") ? " (DRL is code)" : " (a rule file added or removed)");
        }
        return s.toString();
    }
}
