package smos.scenarios;

import smos.engine.ScenarioFailure;

import java.util.List;

/** A domain's scenarios run against one version over HTTP: counts, and every failure with its file and line. */
public record ScenarioReport(String domain, String rulesetVersion, int passed, int failed,
                             List<ScenarioFailure> failures) {
}
