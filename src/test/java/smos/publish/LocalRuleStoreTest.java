package smos.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainBundle;
import smos.failure.ConflictException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local store's compare-and-set on the active version, and the version covering every file. */
class LocalRuleStoreTest {
    @TempDir
    Path dir;

    private static DomainBundle bundle(String scenario) {
        return DomainBundle.of("d", Map.of("decision-tables/d/a.xlsx", new byte[] {1, 2, 3},
                "scenarios/d/s.yaml", scenario.getBytes(StandardCharsets.UTF_8)));
    }

    private static Publication publication(DomainBundle bundle, String base) {
        return new Publication(bundle, base, "publish", "rita", null, List.of(), null, true);
    }

    @Test
    void aRecordMustNameTheActiveVersionAsItsBase() throws Exception {
        LocalRuleStore store = new LocalRuleStore(dir.resolve("home"), null);
        DomainBundle first = bundle("one");
        DomainBundle second = bundle("two");
        store.record(publication(first, null));
        assertEquals(Optional.of(first.version()), store.active("d"));

        assertThrows(ConflictException.class, () -> store.record(publication(second, null)));
        assertThrows(ConflictException.class, () -> store.record(publication(second, "000000000000")));
        assertEquals(Optional.of(first.version()), store.active("d"));
        assertEquals(1, store.history("d").size());

        store.record(publication(second, first.version()));
        assertEquals(Optional.of(second.version()), new LocalRuleStore(dir.resolve("home"), null).active("d"));
        assertEquals("two", Files.readString(dir.resolve("home/scenarios/d/s.yaml")));
        assertTrue(Files.isDirectory(dir.resolve("home/.smos/history/d/entries")), "the history is not under .smos/");
        assertEquals(List.of(), store.check());
    }

    @Test
    void theVersionCoversTheScenariosAndIsRecomputedFromTheListedHashes() {
        DomainBundle one = bundle("one");
        assertNotEquals(one.version(), bundle("two").version(), "a scenario change must make a new version");
        assertEquals(12, one.version().length());
        assertEquals(one.version(), DomainBundle.versionOf(one.hashes()));
    }
}
