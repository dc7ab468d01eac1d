package smos.engine;

import java.util.List;

/** A decision, the rule-set version that made it, and the rules that fired, in firing order. */
public record Decided<D>(D decision, String rulesetVersion, List<FiredRule> trace) {
}
