package smos.service;

import smos.engine.FiredRule;

import java.util.List;

/**
 * The answer to one decision request. {@code decisionId} names this decision for good: the request id
 * of its HTTP answer and the key of its audit record.
 */
public record DecisionResponse(String decisionId, String domain, String rulesetVersion, Object decision, List<FiredRule> trace,
                               long durationMicros) {
}
