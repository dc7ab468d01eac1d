package smos.bench;

import smos.audit.AuditQuery;
import smos.audit.AuditRecord;
import smos.audit.DecisionRecorder;
import smos.audit.JdbcAuditLog;
import smos.common.RequestIds;
import smos.request.Json;
import smos.service.BatchDecisions;
import smos.service.BatchItems;
import smos.service.BatchResults;
import smos.service.DecisionResponse;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.Services;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Where the decision log's time goes, in CPU seconds of this process (a figure a busy machine inflates
 * less than wall time): N returns items through the batch path without the log and with it (H2), the
 * JSON of N decisions and traces alone, and N ready-made records through the journal and into the database
 * alone. Three rounds; the first warms up.
 *
 * <p>Run: {@code java ... smos.bench.AuditCpuCost ITEMS}
 */
public final class AuditCpuCost {
    private AuditCpuCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        DecisionService service = Services.shipped();
        Metrics metrics = new Metrics();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService workers = BatchDecisions.workerPool(threads);
        BatchDecisions batches = new BatchDecisions(service, metrics, workers, threads);
        List<byte[]> mix = BenchRequests.json("returns");
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            items.write(mix.get(i % mix.size()));
            items.write('\n');
        }
        byte[] ndjson = items.toByteArray();
        List<DecisionResponse> responses = new ArrayList<>();
        for (byte[] request : mix) {
            responses.add(service.decide("returns", request));
        }
        try (JdbcAuditLog log = JdbcAuditLog.h2(Files.createTempDirectory("smos-audit-cpu-"))) {
            DecisionRecorder recorder = new DecisionRecorder(log, true, Set.of(), metrics);
            for (int round = 1; round <= 3; round++) {
                long c0 = cpu();
                batches.run("returns", BatchItems.ndjson(new ByteArrayInputStream(ndjson), Long.MAX_VALUE),
                        BatchResults.asNdjson(OutputStream.nullOutputStream()), BatchDecisions.Options.unlimited(false),
                        BatchDecisions.Progress.NONE);
                long c1 = cpu();
                batches.run("returns", BatchItems.ndjson(new ByteArrayInputStream(ndjson), Long.MAX_VALUE),
                        BatchResults.asNdjson(OutputStream.nullOutputStream()), BatchDecisions.Options.unlimited(false),
                        BatchDecisions.Progress.NONE, recorder.forBatch("bench"));
                long c2 = cpu();
                for (int i = 0; i < n; i++) {
                    DecisionResponse r = responses.get(i % responses.size());
                    Json.mapper().writeValueAsString(r.decision());
                    Json.mapper().writeValueAsString(r.trace());
                }
                long c3 = cpu();
                DecisionResponse r = responses.get(0);
                String decision = Json.mapper().writeValueAsString(r.decision());
                String trace = Json.mapper().writeValueAsString(r.trace());
                String request = new String(mix.get(0), StandardCharsets.UTF_8);
                List<CompletableFuture<Void>> committed = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    committed.add(log.append(new AuditRecord(RequestIds.next(), Instant.now(), "returns",
                            r.rulesetVersion(), "bench", 200, 5L, request, decision, trace, null, null, null)));
                }
                for (CompletableFuture<Void> c : committed) {
                    c.get();
                }
                // answered once journaled: a read waits until the database holds them too, so its share is counted
                log.query(new AuditQuery("returns", null, null, null, null, null, null, 1));
                long c4 = cpu();
                System.out.printf(Locale.ROOT, "round %d, %d items, CPU seconds: batch without log %.2f, batch with log %.2f,"
                                + " JSON of decision and trace alone %.2f, ready records through the journal into the database alone %.2f%n",
                        round, n, (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c3 - c2) / 1e9, (c4 - c3) / 1e9);
            }
        } finally {
            workers.shutdown();
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
