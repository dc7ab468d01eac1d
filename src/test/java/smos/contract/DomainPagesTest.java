package smos.contract;

import org.junit.jupiter.api.Test;
import smos.api.ContractRoutes;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each domain page lists the fields its schemas hold: the generated section is in step with the document. */
class DomainPagesTest {
    private static final Path PAGES = Path.of("docs/domains");

    @Test
    void everyDomainPageIsInStepWithTheSchema() throws IOException {
        List<DecisionDomain<?, ?>> domains = DomainRegistry.discover();
        DomainPages pages = new DomainPages(ContractRoutes.document(domains));
        List<String> stale = new ArrayList<>();
        for (DecisionDomain<?, ?> domain : domains) {
            Path page = PAGES.resolve(domain.id() + ".md");
            String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
            if (!text.contains(DomainPages.BEGIN) || !pages.update(text, domain.id()).equals(text)) {
                stale.add(page.toString());
            }
        }
        assertEquals(List.of(), stale, "these pages are out of step with the OpenAPI document; regenerate them with "
                + "./smos openapi --domain-docs docs/domains");
    }

    @Test
    void aPageListsEveryRequestFieldWithItsBounds() {
        String section = new DomainPages(ContractRoutes.document(DomainRegistry.discover())).section("returns");
        assertTrue(section.contains("| `claim.purchasePrice` | decimal number | required | >= 0 |"), section);
        assertTrue(section.contains("| `claim.registrationDate` | date (yyyy-MM-dd) | optional |"), section);
        assertTrue(section.contains("`CHANGED_MIND`"), section);
        assertTrue(section.contains("| `outcome` | one of | may be null | `REFUND`"), section);
    }

    @Test
    void theSectionIsReplacedAndTheProseAroundItKept() {
        DomainPages pages = new DomainPages(ContractRoutes.document(DomainRegistry.discover()));
        String page = "# returns\n\nprose before\n\n" + DomainPages.BEGIN + "\nold tables\n" + DomainPages.END
                + "\n\nprose after\n";
        String updated = pages.update(page, "returns");
        assertTrue(updated.startsWith("# returns\n\nprose before\n\n" + DomainPages.BEGIN + "\n## Contract"), updated);
        assertTrue(updated.endsWith(DomainPages.END + "\n\nprose after\n"), updated);
        assertTrue(!updated.contains("old tables"));
        assertEquals(updated, pages.update(updated, "returns"));
    }
}
