package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue reproduction 7: the history lives on a disk that is full. A publish is refused with 507 and
 * changes nothing (what serves, the files, the history); once there is room again it goes through and
 * is recorded. The disk is a 2 MB tmpfs mounted for the test (the suite runs as root here); a test
 * that cannot mount it fails and says so, it is never skipped.
 */
class FullDiskIT {
    @TempDir
    Path work;

    @Test
    void aFullHistoryDiskRefusesThePublishWith507AndChangesNothing() throws Exception {
        Path mount = Files.createTempDirectory(Path.of("/tmp"), "smos-full-");
        run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        try (StoreProcess server = new StoreProcess(work, mount.resolve("history"))) {
            server.smos.start();
            String before = server.ruleset().path("activeVersion").asText();
            JsonNode historyBefore = server.history();
            byte[] damageBefore = Files.readAllBytes(server.home.resolve(StoreProcess.DAMAGE));
            byte[] changed = (new String(damageBefore, StandardCharsets.UTF_8) + "\n# full disk\n").getBytes(StandardCharsets.UTF_8);

            Path filler = mount.resolve("filler");
            fill(filler);
            StoreProcess.Reply refused = server.send(server.put("damage.yaml", changed));

            assertEquals(507, refused.status(), () -> String.valueOf(refused.body()));
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertEquals("/problems/insufficient-storage", refused.body().path("type").asText());
            assertEquals(before, server.ruleset().path("activeVersion").asText(), "the refused version serves");
            assertEquals(before, server.decide().body().path("rulesetVersion").asText());
            assertArrayEquals(damageBefore, Files.readAllBytes(server.home.resolve(StoreProcess.DAMAGE)), "the file changed");
            assertEquals(historyBefore, server.history(), "the history changed");
            assertEquals(List.of(), leftovers(server.home, mount));

            Files.delete(filler);
            StoreProcess.Reply published = server.send(server.put("damage.yaml", changed));
            assertEquals(200, published.status(), () -> String.valueOf(published.body()));
            String after = published.body().path("version").asText();
            assertEquals(after, server.history().get(0).path("version").asText(), "the publish was not recorded");
            assertEquals(after, server.decide().body().path("rulesetVersion").asText());
        } finally {
            run("umount", mount.toString());
            Files.deleteIfExists(mount);
        }
    }

    /** Writes until the disk is full. */
    private static void fill(Path filler) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 10_000; i++) {
                out.write(chunk);
                out.flush();
            }
            fail("a 2 MB tmpfs took 640 MB");
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space"), full.toString());
        }
    }

    /** Temporary files left in the domain folders or the history's staging folder. */
    private static List<Path> leftovers(Path home, Path mount) throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (String folder : DomainLayout.FOLDERS) {
            try (Stream<Path> files = Files.walk(home.resolve(folder))) {
                files.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(found::add);
            }
        }
        Path staging = mount.resolve("history/.staging");
        if (Files.isDirectory(staging)) {
            try (Stream<Path> files = Files.list(staging)) {
                files.forEach(found::add);
            }
        }
        return found;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (the test needs root to mount a small tmpfs): " + output);
        }
    }
}
