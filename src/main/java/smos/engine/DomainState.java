package smos.engine;

/**
 * What a domain serves right now: the active rule set (null when none compiled) and the last failed
 * load, if the newest files did not compile. Immutable; the registry swaps whole states atomically.
 */
public record DomainState(DecisionDomain<?, ?> domain, CompiledRuleSet active, LoadFailure lastFailure) {

    public DomainStatus status() {
        return active != null ? DomainStatus.ACTIVE : DomainStatus.FAILED;
    }
}
