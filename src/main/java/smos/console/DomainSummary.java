package smos.console;

import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;

import java.time.Instant;
import java.util.List;

/**
 * One line of the domains page: what a domain serves, where it came from, its last change, how many
 * warnings its workbooks raise and how many scenarios vouch for it, and its last refused version.
 */
public record DomainSummary(String id, String description, String status, String activeVersion, String servingFrom,
                            LastChange lastChange, int warnings, int scenarios, Refusal lastRefusal) {

    /** The newest history entry: who brought the version in, when, how and why. */
    public record LastChange(String who, Instant at, String action, String message) {
    }

    /** The last version refused, said in plain words: when, on what, and each problem with its place. */
    public record Refusal(String version, Instant at, String trigger, List<RuleProblem> problems,
                          List<ScenarioFailure> failures) {

        /** Where a problem is, as a business user finds it in the workbook: file, sheet and cell. */
        public static String place(RuleProblem problem) {
            StringBuilder place = new StringBuilder(problem.file() == null ? "" : problem.file());
            if (problem.sheet() != null) {
                place.append(", sheet ").append(problem.sheet());
            }
            if (problem.cell() != null) {
                place.append(", cell ").append(problem.cell());
            }
            if (problem.line() != null) {
                place.append(", line ").append(problem.line());
            }
            return place.toString();
        }
    }

    public String shortVersion() {
        return activeVersion == null ? "none" : activeVersion.substring(0, Math.min(12, activeVersion.length()));
    }
}
