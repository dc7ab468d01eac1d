package smos.service;

import smos.engine.RuleProblem;

import java.time.Instant;
import java.util.List;

/** The rule set a domain serves, and the problems of its last failed load. */
public record RulesetInfo(String domain, String status, String activeVersion, List<String> files, Instant loadedAt,
                          Long buildMillis, LastFailure lastFailedLoad) {

    public record LastFailure(String version, Instant at, List<RuleProblem> problems) {
    }
}
