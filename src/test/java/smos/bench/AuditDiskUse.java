package smos.bench;

import smos.audit.AuditQuery;
import smos.audit.DecisionRecorder;
import smos.audit.JdbcAuditLog;
import smos.service.BatchDecisions;
import smos.service.BatchItems;
import smos.service.BatchResults;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.Services;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Bytes on disk per recorded returns decision: records N returns decisions (the scenario mix, through
 * the batch path the server uses, trace included) in a new H2 file database, and divides the growth of
 * its files by N. The empty database (schema only) is measured first, opened and closed the same way.
 * Also prints what the records hold as text (request, decision, trace, ids), to show H2's overhead.
 *
 * <p>Run: {@code java ... smos.bench.AuditDiskUse DECISIONS OUT}
 */
public final class AuditDiskUse {
    private AuditDiskUse() {
    }

    public static void main(String[] args) throws Exception {
        int decisions = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Path folder = Files.createTempDirectory("smos-audit-disk-");
        try {
            JdbcAuditLog.h2(folder).close();
            long empty = size(folder);

            DecisionService service = Services.shipped();
            Metrics metrics = new Metrics();
            int threads = Runtime.getRuntime().availableProcessors();
            ExecutorService workers = BatchDecisions.workerPool(threads);
            long open;
            long text;
            try (JdbcAuditLog log = JdbcAuditLog.h2(folder)) {
                DecisionRecorder recorder = new DecisionRecorder(log, true, Set.of(), metrics);
                BatchDecisions.Summary summary = new BatchDecisions(service, metrics, workers, threads).run("returns",
                        BatchItems.ndjson(new ByteArrayInputStream(returnsNdjson(decisions)), Long.MAX_VALUE),
                        BatchResults.asNdjson(OutputStream.nullOutputStream()), BatchDecisions.Options.unlimited(false),
                        BatchDecisions.Progress.NONE, recorder.forBatch("bench"));
                if (summary.errors() != 0 || summary.items() != decisions) {
                    throw new IllegalStateException("expected " + decisions + " decisions, got " + summary);
                }
                open = size(folder);
                LongAdder chars = new LongAdder();
                log.export(new AuditQuery("returns", null, null, null, null, null, null, 0), r -> chars.add(
                        r.decisionId().length() + r.rulesetVersion().length() + r.caller().length() + r.domain().length()
                                + r.request().length() + r.decision().length() + r.trace().length()));
                text = chars.sum();
            } finally {
                workers.shutdown();
            }
            long closed = size(folder);
            String report = String.format(Locale.ROOT, "decisions %d%nempty-database-bytes %d%nfile-bytes-open %d%n"
                            + "file-bytes-closed %d%nbytes-per-decision %.0f%ntext-chars-per-decision %.0f%n",
                    decisions, empty, open, closed, (closed - empty) / (double) decisions, text / (double) decisions);
            System.out.print(report);
            Files.writeString(out, report, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static byte[] returnsNdjson(int count) throws IOException {
        List<byte[]> mix = BenchRequests.json("returns");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            bytes.write(mix.get(i % mix.size()));
            bytes.write('\n');
        }
        return bytes.toByteArray();
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
