package smos.mutation;

import java.time.Duration;
import java.util.List;

/** The outcome of every mutant of one domain, and how long the run took. */
public record DomainMutationResult(String domain, List<MutantOutcome> outcomes, Duration took) {

    public DomainMutationResult {
        outcomes = List.copyOf(outcomes);
    }

    public List<MutantOutcome> survivors() {
        return with(MutantOutcome.Status.SURVIVED);
    }

    public List<MutantOutcome> with(MutantOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    /** {@code returns: 112 mutants, 108 killed by scenarios, 0 refused, 4 survived (41.2 s)}. */
    public String summary() {
        return String.format("%s: %d mutants, %d killed by scenarios, %d refused by the compiler or checks, %d survived (%.1f s)",
                domain, outcomes.size(), with(MutantOutcome.Status.KILLED).size(), with(MutantOutcome.Status.REFUSED).size(),
                survivors().size(), took.toMillis() / 1000.0);
    }
}
