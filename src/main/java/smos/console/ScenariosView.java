package smos.console;

import smos.coverage.DomainCoverage;
import smos.coverage.RuleCoverage;
import smos.engine.ScenarioFailure;
import smos.scenarios.DomainScenarios;

import java.util.List;

/**
 * The scenarios page of a domain: its scenario files run against the version it serves, the counts,
 * each failure with its file and line, scenario, field, expected and actual; and the rules no scenario
 * fired, each table row linked to that row, highlighted, on the workbook page.
 */
public record ScenariosView(String domain, String version, int passed, int failed, long millis,
                            List<ScenarioFailure> failures, long rules, long rulesFired, long tableRows,
                            long tableRowsFired, List<Uncovered> notFired, String error) {

    /** A rule no scenario fired; {@code link} is empty for a DRL rule (it has no row to show). */
    public record Uncovered(String rule, String source, String location, String kind, String link) {
        static Uncovered of(String domain, RuleCoverage rule) {
            return new Uncovered(rule.rule(), rule.source(), rule.location(), rule.kind(),
                    rule.tableRow() ? WorkbookView.rowLink(domain, rule.location()) : "");
        }
    }

    static ScenariosView of(String domain, DomainScenarios.ServingRun run, DomainCoverage coverage, long millis) {
        return new ScenariosView(domain, run.version().version(), run.report().passed(), run.report().failed(), millis,
                run.report().failures(), coverage.rules().size(), coverage.fired(), coverage.tableRows(),
                coverage.tableRowsFired(), coverage.notFired().stream().map(r -> Uncovered.of(domain, r)).toList(), null);
    }

    /** The domain serves no version, so there is nothing to run the scenarios against. */
    static ScenariosView unavailable(String domain, String why) {
        return new ScenariosView(domain, null, 0, 0, 0, List.of(), 0, 0, 0, 0, List.of(), why);
    }

    public String shortVersion() {
        return version == null ? "none" : version.substring(0, Math.min(12, version.length()));
    }
}
