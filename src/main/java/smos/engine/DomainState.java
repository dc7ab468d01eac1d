package smos.engine;

/**
 * What a domain serves right now: the active rule set (null when none compiled), where it came from
 * ({@code disk}, {@code history}, {@code publish}, ...), and the last rejected version, if the newest
 * files were refused. Immutable; the registry swaps whole states atomically.
 */
public record DomainState(DecisionDomain<?, ?> domain, CompiledRuleSet active, String activeFrom,
                          Rejection lastRejection) {

    public DomainStatus status() {
        if (active == null) {
            return DomainStatus.FAILED;
        }
        return lastRejection == null ? DomainStatus.ACTIVE : DomainStatus.STALE;
    }
}
