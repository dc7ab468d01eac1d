package smos.service;

import smos.engine.FiredRule;

import java.util.List;

/** The answer to one decision request (DESIGN.md, HTTP contract). */
public record DecisionResponse(String domain, String rulesetVersion, Object decision, List<FiredRule> trace,
                               long durationMicros) {
}
