package smos.cli;

import smos.engine.DecisionDomain;
import smos.mutation.DomainMutationResult;
import smos.mutation.MutantOutcome;
import smos.mutation.MutationTester;

import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code test --mutate [DOMAIN|PATH...]}: runs mutation testing and prints, per domain, what survived. */
final class MutationCommand {
    private final Path home;
    private final List<DecisionDomain<?, ?>> domains;

    MutationCommand(Path home, List<DecisionDomain<?, ?>> domains) {
        this.home = home;
        this.domains = domains;
    }

    /**
     * {@code requested}: domain ids (their tables against all their scenarios) and scenario files or
     * folders (their domain's tables against just those scenarios); none: every domain.
     */
    int run(List<String> requested) {
        Map<DecisionDomain<?, ?>, List<ScenarioFile>> chosen = new LinkedHashMap<>();
        for (String target : requested) {
            Optional<DecisionDomain<?, ?>> domain = domains.stream().filter(d -> d.id().equals(target)).findFirst();
            if (domain.isPresent()) {
                chosen.put(domain.get(), null);
            } else if (Files.exists(Path.of(target))) {
                for (Path file : ScenarioLoader.find(List.of(Path.of(target)))) {
                    ScenarioFile scenarios = ScenarioLoader.load(file, display(file));
                    DecisionDomain<?, ?> owner = domains.stream().filter(d -> d.id().equals(scenarios.domain()))
                            .findFirst().orElseThrow(() -> new IllegalArgumentException(file + ": unknown domain "
                                    + scenarios.domain()));
                    if (!chosen.containsKey(owner) || chosen.get(owner) != null) {
                        chosen.computeIfAbsent(owner, d -> new ArrayList<>()).add(scenarios);
                    }
                }
            } else {
                throw new IllegalArgumentException(target + " is neither a domain nor a scenario file or folder; domains: "
                        + domains.stream().map(DecisionDomain::id).toList());
            }
        }
        if (chosen.isEmpty()) {
            domains.forEach(d -> chosen.put(d, null));
        }
        MutationTester tester = new MutationTester(home, System.err);
        List<DomainMutationResult> results = new ArrayList<>();
        int survivors = 0;
        for (Map.Entry<DecisionDomain<?, ?>, List<ScenarioFile>> entry : chosen.entrySet()) {
            DecisionDomain<?, ?> domain = entry.getKey();
            try {
                DomainMutationResult result = entry.getValue() == null ? tester.run(domain)
                        : tester.run(domain, entry.getValue());
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

    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : file.toString();
    }
}
