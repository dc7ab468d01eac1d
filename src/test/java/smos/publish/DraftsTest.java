package smos.publish;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smos.store.PostgresRuleStore;
import smos.store.StoreAddress;
import smos.testing.PostgresCluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drafts kept by both rule stores: saved whole, found by domain and id, listed oldest first, removed. */
class DraftsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static PostgresRuleStore postgres;

    @TempDir
    Path home;

    @AfterAll
    static void close() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private Drafts drafts(String store) {
        if (store.equals("local")) {
            return new LocalRuleStore(home, null).drafts(); // a new store each time: what a restart reads
        }
        if (postgres == null) {
            postgres = PostgresRuleStore.open(new StoreAddress(PostgresCluster.shared().createDatabase("drafts_test"),
                    PostgresCluster.USER, null));
        }
        return postgres.drafts();
    }

    private static Map<String, byte[]> files(String... namesAndTexts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            files.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "postgres"})
    void aDraftIsKeptWholeListedOldestFirstAndRemoved(String store) {
        String domain = "returns-" + store.charAt(0); // the PostgreSQL store is shared by both runs of other tests
        Draft older = Draft.of(domain, "base-1", "ana", NOW, files("z-last.yaml", "first upload", "a.xlsx", "second"));
        Draft newer = Draft.of(domain, "base-2", "ben", NOW.plusSeconds(90), files("b.yaml", "x"));
        Draft elsewhere = Draft.of("quota-" + store.charAt(0), "base-3", "cy", NOW, files("c.yaml", "y"));
        drafts(store).save(newer);
        drafts(store).save(older);
        drafts(store).save(elsewhere);

        Draft found = drafts(store).find(domain, older.id()).orElseThrow();
        assertEquals(List.of("z-last.yaml", "a.xlsx"), List.copyOf(found.files().keySet()), "upload order kept");
        assertArrayEquals("first upload".getBytes(StandardCharsets.UTF_8), found.files().get("z-last.yaml"));
        assertEquals(List.of("base-1", "ana", NOW), List.of(found.base(), found.author(), found.created()));
        assertEquals(List.of(older.id(), newer.id()), drafts(store).list(domain).stream().map(Draft::id).toList());
        assertTrue(drafts(store).find(domain, elsewhere.id()).isEmpty(), "a draft is found under its own domain only");

        drafts(store).remove(domain, older.id());
        assertTrue(drafts(store).find(domain, older.id()).isEmpty());
        assertEquals(List.of(newer.id()), drafts(store).list(domain).stream().map(Draft::id).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "postgres"})
    void anIdThatIsNoDraftIdFindsNothing(String store) {
        drafts(store).save(Draft.of("returns", "base", "ana", NOW, files("a.yaml", "x")));
        for (String id : new String[] {null, "", "../../returns", "..", "not-a-uuid"}) {
            assertTrue(drafts(store).find("returns", id).isEmpty(), String.valueOf(id));
        }
    }

    @org.junit.jupiter.api.Test
    void aDamagedDraftFileIsLeftOutOfTheList() throws Exception {
        Drafts local = drafts("local");
        Draft kept = Draft.of("returns", "base", "ana", NOW, files("a.yaml", "x"));
        Draft damaged = Draft.of("returns", "base", "ben", NOW.plusSeconds(1), files("b.yaml", "y"));
        local.save(kept);
        local.save(damaged);
        Path file = home.resolve(".smos/history/.console-drafts/returns/" + damaged.id() + ".json");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short
        assertEquals(List.of(kept.id()), drafts("local").list("returns").stream().map(Draft::id).toList());
        try (Stream<Path> staging = Files.list(home.resolve(".smos/history/.staging"))) {
            assertEquals(0, staging.count(), "nothing left half-written");
        }
    }
}
