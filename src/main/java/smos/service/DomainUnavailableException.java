package smos.service;

import smos.engine.RuleProblem;

import java.util.List;

/** The domain has no compiled version to serve. Becomes a 503 listing the rule-file problems. */
public class DomainUnavailableException extends smos.failure.Failure {
    private final transient List<RuleProblem> problems;

    public DomainUnavailableException(String domain, List<RuleProblem> problems) {
        super(smos.failure.FailureKind.DOMAIN_UNAVAILABLE, "domain '" + domain + "' has no rule set that compiles; fix its rule files");
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
