package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.cli.Main;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.request.Json;
import smos.testing.TestHomes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue reproductions 5 and 6: torn history lines, flipped bytes in stored files and entries, invalid
 * UTF-8, a last line without its newline. Each is reported by name and skipped, never a 500; start-up
 * falls back to the newest intact version; {@code smos history check} finds every one.
 */
class DamagedHistoryTest {
    private static final String SCENARIOS = "scenarios/returns/damage.yaml";

    @TempDir
    Path dir;

    private Path home() {
        Path home = dir.resolve("home");
        return Files.isDirectory(home) ? home : TestHomes.copyOfShipped(home);
    }

    private Path history() {
        return dir.resolve("history");
    }

    private ReturnsOnlyServer start() {
        return new ReturnsOnlyServer(home(), history(), g -> { });
    }

    /** The shipped damage scenarios with a comment line: a new version whose only change is this file. */
    private static byte[] scenariosWithNote(String note) throws IOException {
        return (Files.readString(TestHomes.REPO.resolve(SCENARIOS)) + "\n# " + note + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void flipByte(Path file, int at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= 0x20;
        Files.write(file, bytes);
    }

    private static JsonNode entryOf(JsonNode history, String version) {
        for (JsonNode entry : history) {
            if (entry.path("version").asText().equals(version)) {
                return entry;
            }
        }
        throw new AssertionError("no entry of " + version + " in " + history);
    }

    private record Run(int exit, String out) {
    }

    private Run historyCheck() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run("history", "check", "--home", home().toString(), "--history", history().toString());
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void aFlippedByteInAStoredFileIsNamedInTheHistoryAndRefusesItsRollback() throws Exception {
        Path scenarios = home().resolve(SCENARIOS);
        Files.setPosixFilePermissions(scenarios, PosixFilePermissions.fromString("rw-r-----"));
        String v0;
        String v1;
        byte[] one = scenariosWithNote("one");
        String sha = DomainBundle.sha256(one);
        try (ReturnsOnlyServer smos = start()) {
            v0 = smos.activeVersion();
            ReturnsOnlyServer.Reply published = smos.put("damage.yaml", one);
            assertEquals(200, published.status(), published.body()::toString);
            v1 = published.body().path("version").asText();
            assertEquals(200, smos.put("damage.yaml", scenariosWithNote("two")).status());
            assertEquals(0, historyCheck().exit(), "an intact history is reported as damaged");

            // the published file kept its mode; a new one is readable by all; no temporary file is left
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(scenarios)));
            assertEquals(200, smos.put("more-damage.yaml", one).status());
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    home().resolve("scenarios/returns/more-damage.yaml"))));
            assertEquals(List.of(), temporaryFilesIn(home()));

            flipByte(history().resolve("returns/blobs/" + sha), 10);

            ReturnsOnlyServer.Reply history = smos.get("/api/v1/domains/returns/history");
            assertEquals(200, history.status());
            String damage = entryOf(history.body(), v1).path("damaged").asText();
            assertTrue(damage.contains(sha) && damage.contains("damaged"), damage);
            assertTrue(entryOf(history.body(), v0).path("damaged").isMissingNode(), history.body().toString());

            ReturnsOnlyServer.Reply refused = smos.rollback(v1);
            assertEquals(409, refused.status(), refused.body()::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            String detail = refused.body().path("detail").asText();
            assertTrue(detail.contains(v1) && detail.contains("entries/00000002-" + v1 + ".json") && detail.contains(sha),
                    detail);

            Run check = historyCheck();
            assertEquals(1, check.exit(), check.out());
            assertTrue(check.out().contains("blobs/" + sha + " is damaged"), check.out());
            assertTrue(check.out().contains("entries/00000002-" + v1 + ".json"), check.out());

            ReturnsOnlyServer.Reply rolledBack = smos.rollback(v0);
            assertEquals(200, rolledBack.status(), rolledBack.body()::toString);
            assertEquals(v0, smos.activeVersion());
        }
        // the rollback stored the files it replaced, more-damage.yaml among them: the damaged blob is whole again
        assertEquals(0, historyCheck().exit());
    }

    @Test
    void startUpSkipsDamagedEntriesAndServesTheNewestIntactVersion() throws Exception {
        String v1;
        String v2;
        try (ReturnsOnlyServer smos = start()) {
            v1 = smos.put("damage.yaml", scenariosWithNote("one")).body().path("version").asText();
            v2 = smos.put("damage.yaml", scenariosWithNote("two")).body().path("version").asText();
        }
        flipByte(history().resolve("returns/entries/00000003-" + v2 + ".json"), 120);
        // the files on disk no longer compile: start-up must fall back to the history
        Files.writeString(home().resolve("decision-tables/returns/returns-policy.xlsx"), "not a workbook");

        try (ReturnsOnlyServer smos = start()) {
            assertEquals(v1, smos.activeVersion(), "the newest intact version does not serve");
            assertEquals("history", smos.servingFrom());
            ReturnsOnlyServer.Reply history = smos.get("/api/v1/domains/returns/history");
            assertEquals(200, history.status());
            JsonNode damaged = entryOf(history.body(), v2);
            assertTrue(damaged.path("damaged").asText().contains("checksum"), damaged.toString());
            assertEquals("entries/00000003-" + v2 + ".json", damaged.path("entry").asText());
            assertEquals(409, smos.rollback(v2).status());
        }
        Run check = historyCheck();
        assertEquals(1, check.exit());
        assertTrue(check.out().contains("entries/00000003-" + v2 + ".json"), check.out());
    }

    @Test
    void historyOfEarlierReleasesIsReadWithItsDamageAndNewEntriesAreNeverLost() throws Exception {
        String v0;
        try (ReturnsOnlyServer smos = start()) {
            v0 = smos.activeVersion();
        }
        // what an earlier release left: versions.jsonl with an intact line under the old id (it covered the
        // rule files only), a line with invalid UTF-8, and an 83 KB entry torn at 8 KB (no newline)
        Path entries = history().resolve("returns/entries");
        JsonNode recorded = Json.mapper().readTree(Framed.decode("entry",
                Files.readAllBytes(Files.list(entries).findFirst().orElseThrow())));
        deleteTree(entries);
        String oldId = "0123456789ab";
        String intact = recorded.toString().replace("\"" + v0 + "\"", "\"" + oldId + "\"");
        String invalidUtf8Line = intact.replace("start-up", "start-up\u0001");
        byte[] bad = invalidUtf8Line.getBytes(StandardCharsets.UTF_8);
        int marker = invalidUtf8Line.indexOf('\u0001');
        bad[marker] = (byte) 0xc0; // an overlong encoding: never valid UTF-8
        String big = ((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(intact))
                .put("message", "x".repeat(83_000)).toString();
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        legacy.write((intact + "\n").getBytes(StandardCharsets.UTF_8));
        legacy.write(bad);
        legacy.write('\n');
        legacy.write(big.getBytes(StandardCharsets.UTF_8), 0, 8192);
        Files.write(history().resolve("returns/versions.jsonl"), legacy.toByteArray());
        // and an entry file cut short by a crash of a writer that did not rename (8 KB of it)
        Files.createDirectories(entries);
        byte[] whole = Framed.encode("entry", big.getBytes(StandardCharsets.UTF_8));
        Files.write(entries.resolve("00000009-aaaaaaaaaaaa.json"), java.util.Arrays.copyOf(whole, 8192));

        try (ReturnsOnlyServer smos = start()) {
            assertEquals(v0, smos.activeVersion());
            ReturnsOnlyServer.Reply history = smos.get("/api/v1/domains/returns/history");
            assertEquals(200, history.status(), history.body()::toString);
            List<String> reasons = new ArrayList<>();
            history.body().forEach(e -> reasons.add(e.path("entry").asText() + ": " + e.path("damaged").asText("intact")));
            assertEquals(4, reasons.size(), reasons::toString);
            assertTrue(reasons.get(0).startsWith("entries/00000009-aaaaaaaaaaaa.json: holds ")
                    && reasons.get(0).endsWith("where its header says " + big.length() + " (cut short or appended to)"),
                    reasons::toString);
            assertEquals(List.of(
                    "versions.jsonl line 3: torn: the last line ends without a newline and is not a whole entry",
                    "versions.jsonl line 2: invalid UTF-8",
                    "versions.jsonl line 1: intact"), reasons.subList(1, 4));
            JsonNode migrated = history.body().get(3);
            assertEquals(v0, migrated.path("version").asText(), "the id is recomputed over every file");
            assertEquals(oldId, migrated.path("formerVersion").asText());

            ReturnsOnlyServer.Reply published = smos.put("damage.yaml", scenariosWithNote("after the damage"));
            assertEquals(200, published.status(), published.body()::toString);
            String v1 = published.body().path("version").asText();
            JsonNode newest = smos.get("/api/v1/domains/returns/history").body().get(0);
            assertEquals(v1, newest.path("version").asText(), "the publish after the damage was not recorded");
            assertEquals("entries/00000010-" + v1 + ".json", newest.path("entry").asText());
            assertTrue(newest.path("damaged").isMissingNode());

            ReturnsOnlyServer.Reply byOldId = smos.rollback(oldId);
            assertEquals(200, byOldId.status(), byOldId.body()::toString);
            assertEquals(v0, smos.activeVersion());
        }
        assertNotEquals(0, historyCheck().exit());
    }

    private static List<Path> temporaryFilesIn(Path home) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String folder : DomainLayout.FOLDERS) {
            try (Stream<Path> files = Files.walk(home.resolve(folder))) {
                files.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(found::add);
            }
        }
        return found;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(Files.exists(dir));
    }
}
