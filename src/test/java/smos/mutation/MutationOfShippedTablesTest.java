package smos.mutation;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.testing.TestHomes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every value cell of the shipped tables is pinned down by a scenario, or its surviving change is
 * listed in docs/coverage-and-mutation.md with the reason it cannot matter; a listed change that no
 * longer survives must leave the list. {@code -Dsmos.mutation.domains=a,b} limits the domains run
 * ({@code none} skips them all).
 */
class MutationOfShippedTablesTest {
    private static final String DOC = "docs/coverage-and-mutation.md";
    private static final String SECTION = "### Surviving changes in the shipped tables";

    @TestFactory
    List<DynamicTest> everyShippedDomain() throws IOException {
        String all = Files.readString(TestHomes.REPO.resolve(DOC));
        if (!all.contains(SECTION)) {
            fail(DOC + " has no section '" + SECTION + "'");
        }
        String doc = all.substring(all.indexOf(SECTION));
        String only = System.getProperty("smos.mutation.domains", "").trim();
        List<String> chosen = only.isEmpty() ? List.of() : Arrays.asList(only.split("\\s*,\\s*"));
        return DomainRegistry.discover().stream()
                .filter(d -> chosen.isEmpty() || chosen.contains(d.id()))
                .map(d -> DynamicTest.dynamicTest(d.id(), () -> check(d, doc))).toList();
    }

    private static void check(DecisionDomain<?, ?> domain, String doc) {
        DomainMutationResult result = new MutationTester(TestHomes.REPO, new PrintStream(OutputStream.nullOutputStream()))
                .run(domain);
        List<String> survivors = result.survivors().stream().map(o -> row(domain.id(), o.mutant())).toList();
        List<String> undocumented = survivors.stream().filter(s -> !doc.contains(s)).toList();
        List<String> stale = doc.lines().filter(l -> l.startsWith("| " + domain.id() + " | "))
                .filter(l -> survivors.stream().noneMatch(l::startsWith)).toList();
        if (!undocumented.isEmpty() || !stale.isEmpty()) {
            fail(result.summary() + "\nchanges no scenario notices, not listed in " + DOC
                    + " (add a scenario that notices, or list the change with the reason it cannot matter):\n"
                    + String.join("\n", undocumented) + "\nlisted in " + DOC + " but no longer surviving:\n"
                    + stale.stream().collect(Collectors.joining("\n")));
        }
    }

    /** How the docs list a survivor: {@code | returns | Outcome!G24 | 30 -> 29 | ChangedMindAfterWindowIsDenied |}. */
    private static String row(String domain, CellMutant m) {
        return "| " + domain + " | " + m.cell() + " | " + m.change() + " | " + m.rule() + " |";
    }
}
