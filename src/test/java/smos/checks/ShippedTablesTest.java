package smos.checks;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.testing.TestHomes;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every shipped table passes the spreadsheet checks: no error, and every warning left is explained
 * in docs/spreadsheet-checks.md, section "Warnings left in the shipped tables", by its file, sheet
 * and cell.
 */
class ShippedTablesTest {
    private static final String DOC = "docs/spreadsheet-checks.md";
    private static final String SECTION = "## Warnings left in the shipped tables";

    @TestFactory
    List<DynamicTest> everyShippedDomain() throws IOException {
        String doc = Files.readString(TestHomes.REPO.resolve(DOC));
        int at = doc.indexOf(SECTION);
        assertFalse(at < 0, DOC + " has no section '" + SECTION + "'");
        String explained = doc.substring(at);
        List<DecisionDomain<?, ?>> domains = DomainRegistry.discover();
        assertFalse(domains.isEmpty());
        return domains.stream().map(domain -> DynamicTest.dynamicTest(domain.id(), () -> {
            List<Finding> findings = new SpreadsheetChecks().check(DomainSources.scan(TestHomes.REPO, domain.id()));
            List<Finding> wrong = findings.stream().filter(f -> f.severity() == Severity.ERROR
                    || f.severity() == Severity.WARNING && !explained.contains(location(f))).toList();
            if (!wrong.isEmpty()) {
                fail("errors, or warnings not explained in " + DOC + ":\n"
                        + wrong.stream().map(Finding::toString).collect(Collectors.joining("\n")));
            }
        })).toList();
    }

    /** How the docs name a warning: {@code decision-tables/x.xlsx, sheet Outcome, cell B23}. */
    static String location(Finding f) {
        return f.file() + ", sheet " + f.sheet() + ", cell " + f.cell();
    }
}
