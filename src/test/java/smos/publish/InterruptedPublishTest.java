package smos.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.request.Json;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue reproduction 4: a crash after a publish replaced the table but not its scenarios. What serves
 * after the restart is the old version or the new one that passed the gate, never the mix; a mix left
 * by an earlier release (no intent record) is gated and refused; its temporary files are removed.
 */
class InterruptedPublishTest {
    private static final String POLICY = "decision-tables/returns/returns-policy.xlsx";
    private static final String CHANGE_OF_MIND = "scenarios/returns/change-of-mind.yaml";

    @TempDir
    Path dir;

    private Path home;

    private ReturnsOnlyServer start() {
        return new ReturnsOnlyServer(home, dir.resolve("history"), g -> { });
    }

    /** The shipped workbook with the opened-unit restocking fee rate at 20% (the scenarios expect 15%). */
    private byte[] policyAtTwentyPercent() throws Exception {
        Path copy = dir.resolve("policy-20.xlsx");
        Files.copy(TestHomes.REPO.resolve(POLICY), copy, StandardCopyOption.REPLACE_EXISTING);
        String cell = Workbooks.cellOf(copy, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(copy, "Outcome", cell, 0.2);
        return Files.readAllBytes(copy);
    }

    /** The change-of-mind scenarios with the opened-unit expectations of a 20% fee, worked out by hand. */
    private static byte[] scenariosAtTwentyPercent() throws Exception {
        String text = Files.readString(TestHomes.REPO.resolve(CHANGE_OF_MIND));
        text = text.replace("restockingFee: 30.00          # 199.99 x 0.15 = 29.9985, rounded half up to cents\n      refundAmount: 169.99",
                "restockingFee: 40.00          # 199.99 x 0.20 = 39.998\n      refundAmount: 159.99");
        text = text.replace("restockingFee: 37.35          # 249.00 x 0.15\n      refundAmount: 211.65",
                "restockingFee: 49.80          # 249.00 x 0.20\n      refundAmount: 199.20");
        text = text.replace("restockingFee: 0.02           # 0.10 x 0.15 = 0.015\n      refundAmount: 0.08",
                "restockingFee: 0.02           # 0.10 x 0.20 = 0.020\n      refundAmount: 0.08");
        assertTrue(text.contains("159.99") && text.contains("199.20"), "the scenario text changed; update this test");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The state a kill leaves between the two renames of a publish of {table, scenarios}: the blobs and
     * the intent written, the new table in place, the old scenarios, and the entry written or not.
     */
    private String crashBetweenTheRenames(boolean entryWritten) throws Exception {
        DomainBundle before = DomainLayout.read(home, "returns");
        DomainBundle after = before.with(Map.of(POLICY, policyAtTwentyPercent(), CHANGE_OF_MIND, scenariosAtTwentyPercent()),
                java.util.Set.of());
        LocalRuleStore store = new LocalRuleStore(home, dir.resolve("history"));
        String entryName = "00000002-" + after.version() + ".json";
        if (entryWritten) {
            // the store's own record, then the crash: simplest by recording it and putting the old scenarios back
            store.record(new Publication(after, before.version(), "publish", "rita", null, List.of(), null, true));
            Files.write(home.resolve(CHANGE_OF_MIND), before.files().get(CHANGE_OF_MIND));
        } else {
            after.files().forEach((path, bytes) -> writeBlob(after.hashes().get(path), bytes));
            Files.write(home.resolve(POLICY), after.files().get(POLICY));
        }
        Path intent = home.resolve(".smos/intents/returns.json");
        Files.createDirectories(intent.getParent());
        Files.write(intent, Framed.encode("intent", Json.mapper().writeValueAsBytes(new LocalRuleStore.Intent("returns",
                before.version(), after.version(), entryName, before.hashes(), after.hashes(), Instant.now()))));
        Files.writeString(home.resolve("decision-tables/returns/.smos-4711.tmp"), "half a workbook");
        return after.version();
    }

    private void writeBlob(String sha, byte[] bytes) {
        try {
            Path blob = dir.resolve("history/returns/blobs").resolve(sha);
            Files.createDirectories(blob.getParent());
            Files.write(blob, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUnrecordedPublishIsRolledBackToTheOldFiles() throws Exception {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        String old;
        try (ReturnsOnlyServer smos = start()) {
            old = smos.activeVersion();
        }
        String interrupted = crashBetweenTheRenames(false);

        try (ReturnsOnlyServer smos = start()) {
            assertEquals(old, smos.activeVersion());
            assertEquals("disk", smos.servingFrom());
            assertEquals(old, DomainLayout.read(home, "returns").version(), "the old files were not put back");
            assertTrue(smos.manager.history("returns").stream().noneMatch(e -> interrupted.equals(e.version())));
        }
        assertLeftNothingBehind();
    }

    @Test
    void aRecordedPublishIsCompleted() throws Exception {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        try (ReturnsOnlyServer smos = start()) {
            smos.activeVersion();
        }
        String published = crashBetweenTheRenames(true);
        assertTrue(new LocalRuleStore(home, dir.resolve("history")).gateRecord("returns", published).isEmpty(),
                "the crash came before the gate record");

        try (ReturnsOnlyServer smos = start()) {
            assertEquals(published, smos.activeVersion());
            assertEquals(published, DomainLayout.read(home, "returns").version(), "the new scenarios were not completed");
        }
        // gated again at that start, and the record kept: the next start trusts it
        assertTrue(new LocalRuleStore(home, dir.resolve("history")).gateRecord("returns", published).isPresent());
        assertLeftNothingBehind();
    }

    @Test
    void aMixLeftByAnEarlierReleaseIsGatedAndRefused() throws Exception {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        String old;
        try (ReturnsOnlyServer smos = start()) {
            old = smos.activeVersion();
        }
        // what the earlier release left: the new table over the old one, the old scenarios, no intent record
        Files.write(home.resolve(POLICY), policyAtTwentyPercent());
        Files.writeString(home.resolve("decision-tables/returns/.smos-4711.tmp"), "half a workbook");
        String mix = DomainLayout.read(home, "returns").version();

        try (ReturnsOnlyServer smos = start()) {
            assertEquals(old, smos.activeVersion(), "the mix serves");
            assertEquals("history", smos.servingFrom());
            var rejected = smos.registry.state("returns").orElseThrow().lastRejection();
            assertEquals(mix, rejected.version());
            assertEquals(2, rejected.failures().stream().map(f -> f.scenario()).distinct().count(), rejected.failures()::toString);
            assertNotEquals("UP", smos.get("/health").body().path("status").asText());
        }
        assertLeftNothingBehind();
    }

    private void assertLeftNothingBehind() throws Exception {
        assertFalse(Files.exists(home.resolve(".smos/intents/returns.json")), "the intent record stayed");
        for (String folder : DomainLayout.FOLDERS) {
            try (Stream<Path> files = Files.walk(home.resolve(folder))) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
            }
        }
    }
}
