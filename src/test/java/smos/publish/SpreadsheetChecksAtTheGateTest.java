package smos.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainRegistry;
import smos.service.DecisionService;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publishing gate runs the spreadsheet checks: errors refuse a version, warnings are reported with it. */
class SpreadsheetChecksAtTheGateTest {
    private static final String POLICY = "decision-tables/returns/returns-policy.xlsx";

    @TempDir
    Path dir;

    private Path home;
    private RuleSetManager manager;
    private DomainRegistry registry;

    @BeforeEach
    void start() {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        registry = new DomainRegistry(home, DomainRegistry.discover());
        DecisionService service = new DecisionService(registry, Map::of);
        manager = new RuleSetManager(registry, new Gate(registry, service), new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
    }

    @Test
    void aRuleBelowABlankRowRefusesTheVersionThoughItCompilesAndTheScenariosPass() throws Exception {
        Path edited = dir.resolve("edited.xlsx");
        Files.copy(home.resolve(POLICY), edited);
        // a new rule typed one row too low: row 31 stays blank, so Drools would silently drop row 32
        Workbooks.set(edited, "Outcome", "B32", "DefectiveBoughtFromDistributorIsDenied");
        Workbooks.set(edited, "Outcome", "C32", "DEFECTIVE");
        Workbooks.set(edited, "Outcome", "D32", "DISTRIBUTOR");
        Workbooks.set(edited, "Outcome", "K32", "DENY");
        byte[] before = Files.readAllBytes(home.resolve(POLICY));
        String serving = registry.state("returns").orElseThrow().active().version();

        ChangeRejectedException refused = assertThrows(ChangeRejectedException.class, () -> manager.publish("returns",
                new ChangeSet().put("returns-policy.xlsx", Files.readAllBytes(edited)), "rita"));

        assertEquals(1, refused.problems().size(), refused.problems()::toString);
        assertEquals("Outcome", refused.problems().get(0).sheet());
        assertEquals("B32", refused.problems().get(0).cell());
        assertTrue(refused.problems().get(0).message().contains("comes after the blank row 31"), refused.problems()::toString);
        assertEquals(0, refused.failures().size(), refused.failures()::toString);
        assertTrue(Arrays.equals(before, Files.readAllBytes(home.resolve(POLICY))), "a refused publish changed the file");
        assertEquals(serving, registry.state("returns").orElseThrow().active().version());
    }

    @Test
    void aHiddenRowIsPublishedWithAWarning() throws Exception {
        Path edited = dir.resolve("edited.xlsx");
        Files.copy(home.resolve(POLICY), edited);
        Workbooks.withSheet(edited, "Outcome", true, sheet -> sheet.getRow(22).setZeroHeight(true));

        PublishResult published = manager.publish("returns", new ChangeSet().put("returns-policy.xlsx",
                Files.readAllBytes(edited)), "rita");

        assertEquals(published.version(), registry.state("returns").orElseThrow().active().version());
        assertEquals(1, published.warnings().size(), published.warnings()::toString);
        assertEquals("B23", published.warnings().get(0).cell());
        assertTrue(published.warnings().get(0).message().contains("row 23 is hidden"), published.warnings()::toString);
    }
}
