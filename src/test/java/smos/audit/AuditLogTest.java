package smos.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import smos.common.RequestIds;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision log on H2 and on a real PostgreSQL: every field kept, filters, paging, erasure, retention. */
class AuditLogTest {

    static java.util.stream.Stream<AuditLogs.Backend> backends() {
        return AuditLogs.both();
    }

    private static AuditRecord decision(String domain, String version, String caller, Instant at, String customerId) {
        return new AuditRecord(RequestIds.at(at), at, domain, version, caller, 200, 42L,
                "{\"customer\": {\"customerId\": \"" + customerId + "\", \"segment\": \"SMB\"}}",
                "{\"riskLevel\": \"LOW\"}", "[{\"rule\": \"LowRisk\"}]", null, null, null);
    }

    private static void append(AuditLog log, AuditRecord record) throws Exception {
        log.append(record).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aRecordKeepsEveryField(AuditLogs.Backend backend) throws Exception {
        try (JdbcAuditLog log = AuditLogs.open(backend)) {
            Instant at = Instant.parse("2026-11-30T10:15:30.123456Z");
            AuditRecord decided = decision("retention", "abc123def456", "crm", at, "CU-1");
            AuditRecord refused = new AuditRecord(RequestIds.at(at), at, "returns", null, "anonymous", 400, null, null,
                    null, null, "{\"status\": 400}", "{\"claim\": 1", "ab".repeat(32));
            append(log, decided);
            append(log, refused);

            assertEquals(decided, log.find(decided.decisionId()).orElseThrow());
            assertEquals(refused, log.find(refused.decisionId()).orElseThrow());
            assertTrue(log.find(RequestIds.next()).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void searchFiltersAndPagesNewestFirst(AuditLogs.Backend backend) throws Exception {
        try (JdbcAuditLog log = AuditLogs.open(backend)) {
            Instant day = Instant.parse("2026-11-01T00:00:00Z");
            List<AuditRecord> all = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                AuditRecord r = decision(i % 2 == 0 ? "retention" : "returns", i < 100 ? "v1" : "v2",
                        i % 5 == 0 ? "crm" : "anonymous", day.plus(i, ChronoUnit.MINUTES), "CU-" + i);
                all.add(r);
                append(log, r);
            }

            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            String previous = null;
            do {
                AuditPage page = log.query(new AuditQuery(null, null, null, null, null, null, cursor, 100));
                for (AuditRecord r : page.records()) {
                    assertTrue(seen.add(r.decisionId()), "a record on two pages");
                    if (previous != null) {
                        assertTrue(r.decisionId().compareTo(previous) < 0, "newest first");
                    }
                    previous = r.decisionId();
                }
                cursor = page.next();
                pages++;
            } while (cursor != null);
            assertEquals(3, pages);
            assertEquals(250, seen.size());

            assertEquals(125, count(log, new AuditQuery("retention", null, null, null, null, null, null, 1000)));
            assertEquals(150, count(log, new AuditQuery(null, null, null, "v2", null, null, null, 1000)));
            assertEquals(50, count(log, new AuditQuery(null, null, null, null, "crm", null, null, 1000)));
            assertEquals(250, count(log, new AuditQuery(null, null, null, null, null, "ok", null, 1000)));
            assertEquals(0, count(log, new AuditQuery(null, null, null, null, null, "refused", null, 1000)));
            // minutes 60..119 inclusive of from, exclusive of to
            assertEquals(60, count(log, new AuditQuery(null, day.plus(60, ChronoUnit.MINUTES),
                    day.plus(120, ChronoUnit.MINUTES), null, null, null, null, 1000)));
            List<AuditRecord> exported = new ArrayList<>();
            log.export(new AuditQuery("returns", null, null, null, null, null, null, 1), exported::add);
            assertEquals(125, exported.size(), "the export is not limited to a page");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void erasureRemovesTheRecordsHoldingTheValueAndRecordsItselfWithoutTheValue(AuditLogs.Backend backend) throws Exception {
        try (JdbcAuditLog log = AuditLogs.open(backend)) {
            Instant now = Instant.now();
            AuditRecord first = decision("retention", "v1", "crm", now, "CU-7");
            AuditRecord second = decision("retention", "v1", "crm", now, "CU-7");
            AuditRecord other = decision("retention", "v1", "crm", now, "CU-77");
            AuditRecord mentionsElsewhere = new AuditRecord(RequestIds.at(now), now, "retention", "v1", "crm", 200, 1L,
                    "{\"customer\": {\"customerId\": \"CU-8\", \"segment\": \"CU-7\"}}", "{}", "[]", null, null, null);
            AuditRecord refused = new AuditRecord(RequestIds.at(now), now, "retention", null, "crm", 400, null, null,
                    null, null, "{}", "{\"customer\": {\"customerId\": \"CU-7\", \"npsScore\": 11", "00".repeat(32));
            for (AuditRecord r : List.of(first, second, other, mentionsElsewhere, refused)) {
                append(log, r);
            }

            Erasure erasure = log.erase("retention", "customer.customerId", "CU-7", "privacy-officer");

            assertEquals(3, erasure.records());
            assertTrue(log.find(first.decisionId()).isEmpty());
            assertTrue(log.find(second.decisionId()).isEmpty());
            assertTrue(log.find(refused.decisionId()).isEmpty());
            assertTrue(log.find(other.decisionId()).isPresent(), "CU-77 is another customer");
            assertTrue(log.find(mentionsElsewhere.decisionId()).isPresent(), "CU-7 at another field");
            Erasure recorded = log.erasures().get(0);
            assertEquals("privacy-officer", recorded.erasedBy());
            assertEquals("customer.customerId", recorded.field());
            assertEquals(3, recorded.records());
            assertFalse(recorded.toString().contains("CU-7\""), "the value is never recorded");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void retentionDeletesOlderRecordsInBatches(AuditLogs.Backend backend) throws Exception {
        try (JdbcAuditLog log = AuditLogs.open(backend)) {
            Instant now = Instant.parse("2026-11-30T12:00:00Z");
            List<AuditRecord> old = new ArrayList<>();
            for (int i = 0; i < AuditRetention.BATCH + 300; i++) {
                old.add(decision("returns", "v1", "a", now.minus(Duration.ofDays(401)).minusSeconds(i), "CU-" + i));
            }
            CompletableFuture.allOf(old.stream().map(log::append).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            AuditRecord kept = decision("returns", "v1", "a", now.minus(Duration.ofDays(399)), "CU-keep");
            append(log, kept);

            long deleted = AuditRetention.purge(log, Duration.ofDays(400), now);

            assertEquals(AuditRetention.BATCH + 300, deleted);
            assertTrue(log.find(kept.decisionId()).isPresent());
            assertNull(log.query(new AuditQuery(null, null, null, null, null, null, null, 10)).next());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void recordsArrivingTogetherAreCommittedTogether(AuditLogs.Backend backend) throws Exception {
        try (JdbcAuditLog log = AuditLogs.open(backend)) {
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                AuditRecord r = decision("returns", "v1", "a", Instant.now(), "CU-" + i);
                ids.add(r.decisionId());
                pending.add(log.append(r));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            List<AuditRecord> all = new ArrayList<>();
            log.export(new AuditQuery(null, null, null, null, null, null, null, 1), all::add);
            assertEquals(new HashSet<>(ids), new HashSet<>(all.stream().map(AuditRecord::decisionId).toList()));
            assertTrue(log.health().ok());
        }
    }

    private static int count(AuditLog log, AuditQuery query) {
        return log.query(query).records().size();
    }
}
