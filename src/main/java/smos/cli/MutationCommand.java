package smos.cli;

import smos.engine.DecisionDomain;
import smos.mutation.DomainMutationResult;
import smos.mutation.MutantOutcome;
import smos.mutation.MutationTester;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code test --mutate [DOMAIN...]}: runs mutation testing and prints, per domain, what survived. */
final class MutationCommand {
    private final Path home;
    private final List<DecisionDomain<?, ?>> domains;

    MutationCommand(Path home, List<DecisionDomain<?, ?>> domains) {
        this.home = home;
        this.domains = domains;
    }

    int run(List<String> requested) {
        List<DecisionDomain<?, ?>> chosen = new ArrayList<>();
        for (String id : requested) {
            chosen.add(domains.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown domain " + id + "; known: "
                            + domains.stream().map(DecisionDomain::id).toList())));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(domains);
        }
        MutationTester tester = new MutationTester(home, System.err);
        List<DomainMutationResult> results = new ArrayList<>();
        int survivors = 0;
        for (DecisionDomain<?, ?> domain : chosen) {
            try {
                DomainMutationResult result = tester.run(domain);
                results.add(result);
                survivors += result.survivors().size();
            } catch (MutationTester.BaselineFailedException e) {
                System.out.println("ERROR " + e.getMessage());
                return 1;
            }
        }
        System.out.println("Mutation testing (each value cell changed in turn; a change no scenario notices survives)");
        for (DomainMutationResult result : results) {
            System.out.println("  " + result.summary());
            for (MutantOutcome survivor : result.survivors()) {
                System.out.println("      survived: " + survivor.mutant().describe());
            }
        }
        System.out.println(survivors + " surviving mutant(s); docs/coverage-and-mutation.md lists those that cannot matter");
        return 0;
    }
}
