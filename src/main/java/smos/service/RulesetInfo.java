package smos.service;

import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;

import java.time.Instant;
import java.util.List;

/**
 * The rule set a domain serves (version, where it came from, files, load time) and the last version
 * that was refused, with its rule-file problems or its failing scenarios.
 */
public record RulesetInfo(String domain, String status, String activeVersion, String servingFrom, List<String> files,
                          Instant loadedAt, Long buildMillis, LastRejection lastRejected) {

    public record LastRejection(String version, Instant at, String trigger, List<RuleProblem> problems,
                                List<ScenarioFailure> failures) {
    }
}
