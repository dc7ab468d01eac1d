package smos.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two bundles of the shipped returns domain compared: a candidate not yet in any history. */
class VersionDiffTest {

    @Test
    void aChangedFeeIsOneCellWithItsRuleAndLabelAndTheScenariosItChanged(@TempDir Path work) {
        DomainBundle shipped = DomainLayout.read(TestHomes.REPO, "returns");
        DomainBundle candidate = shipped.with(Map.of(ReturnsChanges.POLICY, ReturnsChanges.policyWithFee(work, 0.2),
                ReturnsChanges.CHANGE_OF_MIND, ReturnsChanges.scenariosForTwentyPercent()), Set.of());

        VersionChanges changes = VersionDiff.between(shipped, candidate);

        // the fee of an opened unit: the rule ChangedMindOpenedIsRefundedLessFee, column "Restocking fee rate ..."
        String cell = Workbooks.cellOf(TestHomes.REPO.resolve(ReturnsChanges.POLICY), "Outcome",
                "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        assertEquals(1, changes.cells().size(), changes.cells().toString());
        CellChange fee = changes.cells().get(0);
        assertEquals(new CellChange(ReturnsChanges.POLICY, "Outcome", cell, "ChangedMindOpenedIsRefundedLessFee",
                "Restocking fee rate (0.15 = 15% of the price; refunds only)", "0.15", "0.2", Change.CHANGED, true), fee);
        assertEquals(List.of(fee), changes.valueCells());
        assertEquals("Outcome!" + cell + " 0.15 -> 0.2", fee.summary());
        assertEquals(List.of(), changes.rows());
        assertEquals(List.of(), changes.lines());
        // scenariosForTwentyPercent rewrites three opened-unit scenarios, but on the 0.10 unit only a comment
        // changes (0.10 x 0.20 = 0.02 rounds to the same fee as 0.10 x 0.15): two scenarios expect something else
        assertEquals(2, changes.scenarios().size(), changes.scenarios().toString());
        assertTrue(changes.scenarios().stream().allMatch(s -> s.change() == Change.CHANGED
                && s.file().equals(ReturnsChanges.CHANGE_OF_MIND)));
        assertEquals(List.of(new FileChange(ReturnsChanges.POLICY, Change.CHANGED),
                new FileChange(ReturnsChanges.CHANGE_OF_MIND, Change.CHANGED)), changes.files());
        assertEquals(shipped.version(), changes.from());
        assertEquals(candidate.version(), changes.to());
    }

    @Test
    void sameContentIsNoChange() {
        DomainBundle shipped = DomainLayout.read(TestHomes.REPO, "returns");
        assertTrue(VersionDiff.between(shipped, shipped).isEmpty());
    }

    @Test
    void scenarioFilesAddedAndRemovedListTheirScenarios() {
        DomainBundle shipped = DomainLayout.read(TestHomes.REPO, "returns");
        String added = "scenarios/returns/extra.yaml";
        byte[] one = ("domain: returns\nscenarios:\n  - name: only one\n    given: {}\n    expect: {}\n")
                .getBytes(StandardCharsets.UTF_8);
        DomainBundle candidate = shipped.with(Map.of(added, one), Set.of("scenarios/returns/damage.yaml"));

        VersionChanges changes = VersionDiff.between(shipped, candidate);

        assertTrue(changes.scenarios().contains(new ScenarioChange(added, "only one", Change.ADDED)), changes.toString());
        assertTrue(changes.scenarios().stream().filter(s -> s.file().endsWith("damage.yaml"))
                .allMatch(s -> s.change() == Change.REMOVED));
        assertTrue(changes.files().contains(new FileChange("scenarios/returns/damage.yaml", Change.REMOVED)));
        assertTrue(changes.summaries().contains("scenarios/returns/damage.yaml removed"));
    }
}
