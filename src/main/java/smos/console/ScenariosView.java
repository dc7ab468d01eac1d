package smos.console;

import smos.coverage.DomainCoverage;
import smos.coverage.RuleCoverage;
import smos.engine.ScenarioFailure;
import smos.scenarios.DomainScenarios;

import java.time.Instant;
import java.util.List;

/**
 * The scenarios page of a domain: scenarios run against the version it serves (its own files, or the file
 * a tester uploaded: {@code posted} names it), the counts, each failure with its file and line, scenario,
 * field, expected and actual; and the rules the run did not fire, each table row linked to that row,
 * highlighted, on the workbook page: when it ran and how long it took. {@code error} says why nothing ran.
 */
public record ScenariosView(String domain, String posted, String version, int passed, int failed, Instant at, long millis,
                            List<ScenarioFailure> failures, long rules, long rulesFired, long tableRows,
                            long tableRowsFired, List<Uncovered> notFired, String error, int status) {

    /** A rule no scenario fired; {@code link} is empty for a DRL rule (it has no row to show). */
    public record Uncovered(String rule, String source, String location, String kind, String link) {
        static Uncovered of(String domain, RuleCoverage rule) {
            return new Uncovered(rule.rule(), rule.source(), rule.location(), rule.kind(),
                    rule.tableRow() ? WorkbookView.rowLink(domain, rule.location()) : "");
        }
    }

    static ScenariosView of(String domain, String posted, DomainScenarios.ServingRun run, DomainCoverage coverage,
                            Instant at, long millis) {
        return new ScenariosView(domain, posted, run.version().version(), run.report().passed(), run.report().failed(),
                at, millis, run.report().failures(), coverage.rules().size(), coverage.fired(), coverage.tableRows(),
                coverage.tableRowsFired(), coverage.notFired().stream().map(r -> Uncovered.of(domain, r)).toList(),
                null, 200);
    }

    /** Nothing ran, and why: no version to run against, or an upload that is not a scenario file. */
    static ScenariosView refused(String domain, String why) {
        return new ScenariosView(domain, null, null, 0, 0, null, 0, List.of(), 0, 0, 0, 0, List.of(), why, 400);
    }

    ScenariosView withStatus(int status) {
        return new ScenariosView(domain, posted, version, passed, failed, at, millis, failures, rules, rulesFired, tableRows,
                tableRowsFired, notFired, error, status);
    }

    public boolean ran() {
        return error == null;
    }

    /** When the run was, to the second, as the other pages show a time. */
    public String ranAt() {
        return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    public String shortVersion() {
        return version == null ? "none" : version.substring(0, Math.min(12, version.length()));
    }
}
