package smos.bench;

import smos.engine.DomainRegistry;
import smos.service.DecisionService;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU time one thread spends on a large quota plan ({@link QuotaPlanBenchmark#plan}), per size given as
 * {@code REPSxTRANSFERS}: 40 decisions, the median of the last 20. CPU time, unlike the wall time of JMH, holds
 * on a machine other work keeps busy. Run: {@code java -cp <test classpath> smos.bench.QuotaPlanCpu 2000x500 4000x1000}.
 */
public final class QuotaPlanCpu {
    private QuotaPlanCpu() {
    }

    private static final int RUNS = 40;

    public static void main(String[] sizes) {
        DomainRegistry registry = new DomainRegistry(BenchRequests.home(), List.of(BenchRequests.domain("quota")));
        if (!registry.load("quota").ok()) {
            throw new IllegalStateException("quota does not compile");
        }
        DecisionService svc = new DecisionService(registry, java.util.Map::of);
        var mx = ManagementFactory.getThreadMXBean();
        for (String size : sizes) {
            String[] parts = size.split("x");
            int reps = Integer.parseInt(parts[0]);
            int transfers = Integer.parseInt(parts[1]);
            byte[] body = QuotaPlanBenchmark.plan(reps, transfers);
            long[] cpu = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long c = mx.getCurrentThreadCpuTime();
                svc.decide("quota", body);
                cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1000;
            }
            long[] last = Arrays.copyOfRange(cpu, RUNS / 2, RUNS);
            Arrays.sort(last);
            System.out.printf(java.util.Locale.ROOT, "%d reps, %d transfers: %.1f ms of CPU per decision (median of the last %d"
                    + " of %d; min %.1f, max %.1f)%n", reps, transfers, last[last.length / 2] / 1000.0, last.length, RUNS,
                    last[0] / 1000.0, last[last.length - 1] / 1000.0);
        }
    }
}
