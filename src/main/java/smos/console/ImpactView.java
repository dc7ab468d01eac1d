package smos.console;

import com.fasterxml.jackson.databind.JsonNode;
import smos.diff.CellChange;
import smos.impact.ImpactJob;
import smos.impact.ImpactReport;
import smos.impact.ImpactTally;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An impact run as its page shows it: the progress while it runs, then what the candidate would do to the
 * recorded decisions of its window (counts, each changed field with examples linking to their audit
 * page, the rows that fire more or less often, the changed cells and the changes no scenario tests).
 */
public record ImpactView(String domain, String id, String state, String caller, String startedAt, String window,
                         long elapsedMillis, long read, int limit, long decided, long unchanged, long changed,
                         long refused, Report report, String problem, boolean mayCancel, String csrf) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The finished run's findings; a cancelled run's hold what it reached. */
    public record Report(String activeVersion, String candidateVersion, List<Field> fields, List<Rule> rules,
                         List<CellChange> cells, List<ChangeView.Line> untested, List<ImpactTally.Refusal> refusals) {
    }

    public record Field(String field, long count, List<Example> examples) {
    }

    /** A decision the field changes in: its id (its audit page is {@code /console/audit/{id}}), before and after. */
    public record Example(String decisionId, String before, String after) {
        public String auditPage() {
            return Console.ROOT + "/audit/" + decisionId;
        }
    }

    /** A table row or DRL rule and how many of the decisions fired it under the serving version and the candidate. */
    public record Rule(String rule, String location, long before, long after) {
        public String difference() {
            long d = after - before;
            return d > 0 ? "+" + d : Long.toString(d);
        }
    }

    static ImpactView of(ImpactJob.Status status, boolean mayCancel, String csrf) {
        ImpactReport r = status.report();
        Report report = r == null ? null : new Report(r.activeVersion(), r.candidateVersion(),
                r.fields().stream().map(f -> new Field(f.field(), f.count(), f.examples().stream()
                        .map(e -> new Example(e.decisionId(), shown(e.before()), shown(e.after()))).toList())).toList(),
                r.rules().stream().map(c -> new Rule(c.rule(), c.location(), c.before(), c.after())).toList(),
                r.changedCells(), ChangePages.lines(r.untested()), r.refusals());
        // the report's counts are the run's last word; while it runs, the progress counts the chunks decided so far
        return new ImpactView(status.domain(), status.id(), status.state(), status.caller(), SHOWN.format(status.startedAt()),
                window(status.from(), status.to()), status.elapsedMillis(), status.read(), status.limit(),
                r == null ? status.decided() : r.decided(), r == null ? status.unchanged() : r.unchanged(),
                r == null ? status.changed() : r.changed(), r == null ? status.refused() : r.refused(), report,
                status.problem(), mayCancel, csrf);
    }

    /** How long the run took, or has run so far, as a person reads it. */
    public String elapsed() {
        return String.format(java.util.Locale.ROOT, "%.1f s", elapsedMillis / 1000.0);
    }

    /** The limit with its thousands apart: 100,000. */
    public String limitShown() {
        return String.format(java.util.Locale.ROOT, "%,d", limit);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** The run's own page, which its progress polls. */
    public String location() {
        return Console.ROOT + "/domains/" + domain + "/impact/" + id;
    }

    private static String window(Instant from, Instant to) {
        if (from == null && to == null) {
            return "every recorded decision";
        }
        return "decisions recorded" + (from == null ? "" : " from " + SHOWN.format(from))
                + (to == null ? "" : " until " + SHOWN.format(to));
    }

    /** A value as the decision reads: text without quotes, numbers as written, structures as JSON; absent as "(none)". */
    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "(none)";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
