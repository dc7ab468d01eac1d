package smos.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.common.RequestIds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded log's journal: what a crash leaves in it (acknowledged, not yet in the database) is in the
 * database after the next start, once, and a write cut short is skipped; a decision is readable as soon as
 * it is acknowledged; a log closed cleanly leaves no journal behind.
 */
class AuditJournalTest {

    private static AuditRecord decision(String customerId) {
        return new AuditRecord(RequestIds.next(), Instant.parse("2026-11-30T10:15:30.123456Z"), "retention", "v1", "crm",
                200, 42L, "{\"customer\": {\"customerId\": \"" + customerId + "\"}}", "{\"riskLevel\": \"LOW\"}",
                "[{\"rule\": \"LowRisk\"}]", null, null, null);
    }

    private static long segments(Path journal) throws Exception {
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(journal)) {
            return files.count();
        }
    }

    @Test
    void whatACrashLeftInTheJournalIsStoredAtTheNextStartOnceAndABrokenLineIsSkipped(@TempDir Path folder) throws Exception {
        AuditRecord alreadyStored = decision("CU-0");
        try (JdbcAuditLog log = JdbcAuditLog.h2(folder)) {
            log.append(alreadyStored).get(10, TimeUnit.SECONDS);
        }
        assertEquals(0, segments(folder.resolve("journal")), "a clean close leaves no journal");

        // A crash after the journal took three records, before the database did: the journal holds them (and the
        // record already stored, as a crash between the database's commit and the segment's deletion leaves it),
        // then a line cut short by the crash.
        List<AuditRecord> acknowledged = List.of(decision("CU-1"), decision("CU-2"), decision("CU-3"));
        try (AuditJournal journal = new AuditJournal(folder.resolve("journal"), false)) {
            List<AuditRecord> written = new ArrayList<>(acknowledged);
            written.add(0, alreadyStored);
            journal.append(written.stream().map(AuditJournal::line).toList());
        }
        Path segment;
        try (Stream<Path> files = Files.list(folder.resolve("journal"))) {
            segment = files.findFirst().orElseThrow();
        }
        Files.writeString(segment, "{\"decisionId\": \"0190", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (JdbcAuditLog log = JdbcAuditLog.h2(folder)) {
            for (AuditRecord record : acknowledged) {
                assertEquals(record, log.find(record.decisionId()).orElseThrow(), "every field of a recovered record");
            }
            AuditPage all = log.query(new AuditQuery(null, null, null, null, null, null, null, 100));
            assertEquals(4, all.records().size(), "the record that was in both is there once: " + all.records());
            assertEquals(0, segments(folder.resolve("journal")), "the journal is emptied once it is stored");
        }
    }

    /** A group larger than the buffer it is written through goes out in several writes, and reads back whole. */
    @Test
    void aGroupLargerThanItsWriteBufferIsReadBackWhole(@TempDir Path folder) throws Exception {
        List<AuditRecord> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // each line about a third of the buffer, so that lines straddle its end
            String pad = String.valueOf((char) ('a' + i)).repeat(AuditJournal.GROUP_BUFFER_BYTES / 3);
            written.add(new AuditRecord(RequestIds.next(), Instant.parse("2026-11-30T10:15:30.123456Z"), "retention",
                    "v1", "crm", 200, 1L, "{\"pad\": \"" + pad + "\"}", null, null, null, null, null));
        }
        written.add(decision("CU-after"));
        try (AuditJournal journal = new AuditJournal(folder, false)) {
            journal.append(written.stream().map(AuditJournal::line).toList());
            journal.append(List.of(AuditJournal.line(decision("CU-next-group"))));
        }
        try (AuditJournal journal = new AuditJournal(folder, false)) {
            List<AuditRecord> read = journal.leftOver();
            assertEquals(written.size() + 1, read.size());
            assertEquals(written, read.subList(0, written.size()));
            assertEquals("{\"customer\": {\"customerId\": \"CU-next-group\"}}", read.get(written.size()).request());
        }
    }

    @Test
    void aDecisionIsReadableAsSoonAsItIsAcknowledged(@TempDir Path folder) throws Exception {
        try (JdbcAuditLog log = JdbcAuditLog.h2(folder)) {
            List<CompletableFuture<Void>> answered = new ArrayList<>();
            List<AuditRecord> records = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                AuditRecord record = decision("CU-" + i);
                records.add(record);
                answered.add(log.append(record));
            }
            for (int i = 0; i < records.size(); i++) {
                answered.get(i).get(10, TimeUnit.SECONDS);
                // each lookup right after its acknowledgement: the database may still be behind the journal
                if (i % 97 == 0) {
                    assertTrue(log.find(records.get(i).decisionId()).isPresent(), "record " + i);
                }
            }
            int count = 0;
            String cursor = null;
            do {
                AuditPage page = log.query(new AuditQuery(null, null, null, null, null, null, cursor, 500));
                count += page.records().size();
                cursor = page.next();
            } while (cursor != null);
            assertEquals(records.size(), count);
        }
    }

    @Test
    void aLogThatCannotWriteItsJournalRefusesAndSaysWhy(@TempDir Path folder) throws Exception {
        try (JdbcAuditLog log = JdbcAuditLog.h2(folder)) {
            log.append(decision("CU-1")).get(10, TimeUnit.SECONDS);
            // the journal's folder turned into a file: a new segment cannot be made (as on a full or read-only disk)
            Path journal = folder.resolve("journal");
            try (Stream<Path> files = Files.list(journal)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(journal);
            Files.writeString(journal, "not a folder");
            fillSegment(log);
            CompletableFuture<Void> refused = log.append(decision("CU-2"));
            Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> refused.get(10, TimeUnit.SECONDS)).getCause();
            assertTrue(failure instanceof AuditUnavailableException, failure::toString);
            assertTrue(!log.health().ok() && log.health().reason().contains("journal"), log.health()::toString);
        }
    }

    /** Appends until the current segment is full, so that the next append must make a new one. */
    private static void fillSegment(JdbcAuditLog log) throws Exception {
        String big = "x".repeat(64 * 1024);
        long written = 0;
        while (written < AuditJournal.SEGMENT_BYTES) {
            AuditRecord record = new AuditRecord(RequestIds.next(), Instant.now(), "retention", "v1", "crm", 200, 1L,
                    "{\"pad\": \"" + big + "\"}", null, null, null, null, null);
            try {
                log.append(record).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                return;
            }
            written += big.length();
        }
    }
}
