package smos.workbooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.Rejection;
import smos.publish.CodeRows;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.returns.ReturnsDomain;
import smos.service.DecisionService;
import smos.tabletext.WorkbookText;
import smos.testing.OtherWriters;
import smos.testing.TestHomes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A business user changes the restocking fee (sheet Outcome, cell L23, 0.15 to 0.2) and saves with
 * openpyxl or LibreOffice. The reload takes it as the value change it is (no code cell "emptied", although
 * openpyxl leaves out the merged pattern's covered cells and LibreOffice writes booleans as formulas):
 * it compiles, and only the scenarios that pin the 15% fee fail, with the 20% fee; table dump differs
 * in that one line.
 */
class ReSavedValueEditTest {
    private static final String POLICY = "decision-tables/returns/returns-policy.xlsx";

    @TempDir
    Path dir;

    private Path home;
    private RuleSetManager manager;
    private DomainRegistry registry;
    private byte[] before;

    @BeforeEach
    void start() throws Exception {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        registry = new DomainRegistry(home, List.of(new ReturnsDomain()));
        manager = new RuleSetManager(registry, new Gate(registry, new DecisionService(registry, Map::of)),
                new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        before = Files.readAllBytes(home.resolve(POLICY));
    }

    @Test
    void aFeeEditSavedByOpenpyxlIsReloadedAsAValueChange() throws Exception {
        OtherWriters.openpyxl(home.resolve(POLICY), home.resolve(POLICY), Map.of("Outcome!L23", 0.2));
        assertTakenAsTheFeeChange();
    }

    @Test
    void aFeeEditSavedByLibreOfficeIsReloadedAsAValueChange() throws Exception {
        Files.copy(OtherWriters.libreOffice("edited/returns-fee-edit.xlsx"), home.resolve(POLICY),
                StandardCopyOption.REPLACE_EXISTING);
        assertTakenAsTheFeeChange();
    }

    private void assertTakenAsTheFeeChange() throws Exception {
        DomainSources old = registry.state("returns").orElseThrow().active().sources();
        DomainSources now = DomainSources.scan(home, "returns");
        assertEquals(List.of(), CodeRows.changes(old, now), "only a value changed");

        manager.reloadFromDisk("returns");

        // compiled and decided with the new fee: the scenarios pinning 15% now see 20% of 199.99
        Rejection refused = registry.state("returns").orElseThrow().lastRejection();
        assertEquals(now.version(), refused.version());
        assertEquals(List.of(), refused.problems(), "no code cell changed, nothing failed to compile");
        assertTrue(refused.failures().stream().anyMatch(f -> f.toString().contains("restockingFee: expected 30.00, actual 40.00")),
                refused.failures()::toString);
        assertTrue(refused.failures().stream().allMatch(f -> f.toString().contains("restocking fee")
                || f.toString().contains("less the fee")), refused.failures()::toString);

        List<String[]> changed = changedLines(WorkbookText.of(before), WorkbookText.of(Files.readAllBytes(home.resolve(POLICY))));
        assertEquals(1, changed.size(), () -> "table dump differs in more than the edited line: "
                + changed.stream().map(p -> "\n- " + p[0] + "\n+ " + p[1]).toList());
        assertTrue(changed.get(0)[0].startsWith("   23") && changed.get(0)[0].contains("| 0.15 "), changed.get(0)[0]);
        assertTrue(changed.get(0)[1].startsWith("   23") && changed.get(0)[1].contains("| 0.2 "), changed.get(0)[1]);
    }

    /** Pairs of lines that differ, the dumps being of the same rows. */
    private static List<String[]> changedLines(String a, String b) {
        String[] left = a.split("\n");
        String[] right = b.split("\n");
        assertEquals(left.length, right.length, () -> "the dumps have different rows:\n" + a + "\n----\n" + b);
        List<String[]> changed = new ArrayList<>();
        for (int i = 0; i < left.length; i++) {
            if (!left[i].equals(right[i])) {
                changed.add(new String[] {left[i], right[i]});
            }
        }
        return changed;
    }
}
