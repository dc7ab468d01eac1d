package smos.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainLayout;
import smos.testing.TestHomes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way rules arrive (the folder at start-up, a saved edit seen by the watcher, a publish, a
 * rollback, the history when the folder does not pass at start-up) hands a domain bundle to the same
 * gate, and what serves afterwards is exactly the bundle the gate was handed.
 */
class EveryWayRulesArriveTest {
    private static final String SCENARIOS = "scenarios/returns/damage.yaml";

    @TempDir
    Path dir;

    private final List<String> handed = new CopyOnWriteArrayList<>();

    private ReturnsOnlyServer start(Path home) {
        return new ReturnsOnlyServer(home, dir.resolve("history"),
                gate -> gate.onInspection((trigger, bundle) -> handed.add(trigger + " " + bundle.version())));
    }

    @Test
    void startUpASavedEditAPublishARollbackAndTheHistoryFallbackAllGoThroughTheGate() throws Exception {
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        String onDisk = DomainLayout.read(home, "returns").version();
        String saved;
        String published;
        try (ReturnsOnlyServer smos = start(home)) {
            assertEquals(List.of("start-up " + onDisk), handed);
            assertEquals(onDisk, smos.activeVersion());

            // a business user saves an edit: the watcher picks it up
            try (RuleWatcher watcher = new RuleWatcher(home, List.of("returns"), Duration.ofMillis(100),
                    smos.manager::reloadFromDisk)) {
                Path target = home.resolve(SCENARIOS);
                Path temp = target.resolveSibling("~edit");
                Files.writeString(temp, Files.readString(target) + "\n# reviewed\n");
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                saved = DomainLayout.read(home, "returns").version();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!saved.equals(smos.activeVersion()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertNotEquals(onDisk, saved);
            assertEquals(saved, smos.activeVersion(), "the saved edit did not go live");
            assertEquals("file change " + saved, handed.get(1));

            ReturnsOnlyServer.Reply reply = smos.put("damage.yaml", (Files.readString(home.resolve(SCENARIOS))
                    + "# published\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, reply.status(), reply.body()::toString);
            published = reply.body().path("version").asText();
            assertEquals("publish " + published, handed.get(2));
            assertEquals(published, smos.activeVersion());

            // a change naming a base that no longer serves is refused whole, before the gate sees it
            int seen = handed.size();
            assertThrows(smos.failure.ConflictException.class, () -> smos.manager.publish("returns",
                    new ChangeSet().put("damage.yaml", "stale".getBytes(StandardCharsets.UTF_8)), Caller.publisher("rita"), saved));
            assertThrows(smos.failure.ConflictException.class, () -> smos.manager.rollback("returns", onDisk, Caller.publisher("rita"), saved));
            assertEquals(seen, handed.size());
            assertEquals(published, smos.activeVersion());

            assertEquals(200, smos.rollback(onDisk).status());
            assertEquals("rollback " + onDisk, handed.get(3));
            assertEquals(onDisk, smos.activeVersion());
        }

        // the folder no longer compiles: the next start serves the newest version of the history
        Files.writeString(home.resolve("decision-tables/returns/returns-policy.xlsx"), "not a workbook");
        String broken = DomainLayout.read(home, "returns").version();
        handed.clear();
        try (ReturnsOnlyServer smos = start(home)) {
            assertEquals(List.of("start-up " + broken, "history " + onDisk), handed);
            assertEquals(onDisk, smos.activeVersion());
            assertEquals("history", smos.servingFrom());
        }
        assertTrue(Files.isDirectory(dir.resolve("history/returns/entries")));
    }
}
