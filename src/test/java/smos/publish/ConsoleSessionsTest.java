package smos.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Console sessions kept by the local rule store: on disk, so a restart (a new store on the same folders) keeps them. */
class ConsoleSessionsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path home;

    private ConsoleSessions store() {
        return new LocalRuleStore(home, null).consoleSessions();
    }

    @Test
    void aSessionSurvivesARestartOfTheStore() {
        ConsoleSession session = new ConsoleSession("id-of-ana", "ana", AccessRole.EDITOR, "csrf-of-ana", NOW.plusSeconds(3600));
        store().save(session);
        assertEquals(session, store().find("id-of-ana", NOW).orElseThrow());
        assertTrue(store().find("id-of-somebody-else", NOW).isEmpty());
    }

    @Test
    void anExpiredSessionIsGoneAndItsFileRemoved() throws Exception {
        store().save(new ConsoleSession("id-of-vic", "vic", AccessRole.VIEWER, "csrf", NOW.plusSeconds(60)));
        assertTrue(store().find("id-of-vic", NOW.plusSeconds(59)).isPresent());
        assertTrue(store().find("id-of-vic", NOW.plusSeconds(60)).isEmpty());
        assertEquals(0, sessionFiles());
    }

    @Test
    void sessionsNobodyCameBackForAreRemovedAndTheOthersKept() throws Exception {
        store().save(new ConsoleSession("id-of-gone", "gus", AccessRole.VIEWER, "csrf", NOW.plusSeconds(60)));
        store().save(new ConsoleSession("id-of-ana", "ana", AccessRole.EDITOR, "csrf", NOW.plusSeconds(3600)));
        store().removeExpired(NOW.plusSeconds(60));
        assertEquals(1, sessionFiles());
        assertTrue(store().find("id-of-ana", NOW.plusSeconds(60)).isPresent());
    }

    @Test
    void signingOutRemovesTheSessionAndNoFileNamesTheCookie() throws Exception {
        store().save(new ConsoleSession("secret-cookie-value", "ana", AccessRole.PUBLISHER, "csrf", NOW.plusSeconds(60)));
        try (Stream<Path> files = Files.walk(home)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains("secret-cookie-value")));
        }
        store().remove("secret-cookie-value");
        assertTrue(store().find("secret-cookie-value", NOW).isEmpty());
    }

    @Test
    void aDamagedSessionFileMeansSigningInAgain() throws Exception {
        store().save(new ConsoleSession("id", "ana", AccessRole.PUBLISHER, "csrf", NOW.plusSeconds(60)));
        try (Stream<Path> files = Files.walk(home.resolve(".smos/history/.console-sessions"))) {
            Path file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            Files.writeString(file, "ana\nking\ncsrf\n1\n");
        }
        assertTrue(store().find("id", NOW).isEmpty());
    }

    private long sessionFiles() throws Exception {
        Path folder = home.resolve(".smos/history/.console-sessions");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
