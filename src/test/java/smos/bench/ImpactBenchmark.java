package smos.bench;

import smos.audit.AuditRecord;
import smos.audit.JdbcAuditLog;
import smos.common.RequestIds;
import smos.engine.DomainRegistry;
import smos.impact.CandidateChanges;
import smos.impact.ImpactJob;
import smos.impact.ImpactJobs;
import smos.impact.ImpactWindow;
import smos.publish.Caller;
import smos.publish.ChangeSet;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.request.Json;
import smos.service.DecisionResponse;
import smos.service.DecisionService;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An impact run over many recorded returns decisions: the log (an H2 file database, the default) is seeded
 * directly with the scenario request mix, each record as the server would have written it (request,
 * decision, trace of the version serving), then the fee change of the publishing tests (the opened-unit
 * restocking fee from 15% to 20%, with its scenarios) is tried on all of them, as the HTTP endpoint runs
 * it: the gate, then the streamed read and the decisions on a pool of as many workers as cores. Prints the
 * time of the run alone (not the seeding; the gate included), the process's CPU time over it, the counts
 * and the peak heap (the sum of the heap pools' peaks: an upper bound).
 * Run: {@code java -Xmx1g -cp <test classpath> smos.bench.ImpactBenchmark 1000000}.
 */
public final class ImpactBenchmark {
    private ImpactBenchmark() {
    }

    private static final int SEED_BATCH = 20_000;

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : ImpactWindow.MAX_LIMIT;
        Path work = Files.createTempDirectory("smos-impact-bench-");
        Path home = TestHomes.copyOfShipped(work.resolve("home"));
        DomainRegistry registry = new DomainRegistry(home, List.of(BenchRequests.domain("returns")));
        DecisionService service = new DecisionService(registry, Map::of);
        RuleSetManager manager = new RuleSetManager(registry, new Gate(registry, service),
                new LocalRuleStore(home, work.resolve("history")));
        manager.start();
        String version = manager.baseVersion("returns");
        try (JdbcAuditLog log = JdbcAuditLog.h2(Files.createDirectories(work.resolve("audit")))) {
            long seedStart = System.nanoTime();
            seed(log, service, version, records);
            System.out.printf(Locale.ROOT, "seeded %,d returns decisions in %.1f s%n", records,
                    (System.nanoTime() - seedStart) / 1e9);
            System.out.println("load before: " + Files.readString(Path.of("/proc/loadavg")).trim());
            ChangeSet fee = new ChangeSet().put("returns-policy.xlsx", ReturnsChanges.policyWithFee(work, 0.20))
                    .put("change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent());
            int cores = Runtime.getRuntime().availableProcessors();
            try (ImpactJobs jobs = new ImpactJobs(service, log, CandidateChanges.NONE, cores)) {
                resetPeaks();
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                ImpactJob job = jobs.start(new ImpactWindow("returns", null, null, records), "bench",
                        () -> manager.trial("returns", fee, Caller.publisher("bench")));
                long lastPrint = 0;
                while (job.state() == ImpactJob.State.RUNNING) {
                    TimeUnit.MILLISECONDS.sleep(200);
                    if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                        lastPrint = System.nanoTime();
                        var s = job.status();
                        System.out.printf(Locale.ROOT, "  %.0f s: read %,d decided %,d%n", s.elapsedMillis() / 1000.0,
                                s.read(), s.decided());
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                ImpactJob.Status s = job.status();
                if (s.report() == null) {
                    throw new IllegalStateException("the run did not finish: " + s.state() + " " + s.problem());
                }
                System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
                System.out.printf(Locale.ROOT, "impact: records %d seconds %.1f decided %d changed %d refused %d "
                                + "per-second %.0f heap-peak %.0f MB cores %d cpu-seconds %.1f%n", s.read(), seconds,
                        s.report().decided(), s.report().changed(), s.report().refused(), s.report().decided() / seconds,
                        peakHeapMb(), cores, cpuSeconds);
                System.out.println("fields: " + s.report().fields().stream()
                        .map(f -> f.field() + " " + f.count()).toList());
            }
        }
    }

    /** Writes {@code records} records of the scenario mix over the last day, through the log's own group commit. */
    private static void seed(JdbcAuditLog log, DecisionService service, String version, int records) throws Exception {
        List<String[]> mix = new ArrayList<>();
        for (byte[] request : BenchRequests.json("returns")) {
            DecisionResponse r = service.decide("returns", request);
            mix.add(new String[] {new String(request, java.nio.charset.StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsString(r.decision()), Json.mapper().writeValueAsString(r.trace())});
        }
        Instant start = Instant.now().minusSeconds(86_400);
        for (int from = 0; from < records; from += SEED_BATCH) {
            List<CompletableFuture<Void>> batch = new ArrayList<>(SEED_BATCH);
            for (int i = from; i < Math.min(records, from + SEED_BATCH); i++) {
                String[] m = mix.get(i % mix.size());
                batch.add(log.append(new AuditRecord(RequestIds.at(start.plusMillis(i * 80L)), start.plusMillis(i * 80L), "returns", version,
                        "bench", 200, 40L, m[0], m[1], m[2], null, null, null)));
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        }
    }

    /** CPU time of the whole process (the run's reader and workers, and the database): what the run costs whatever else runs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
