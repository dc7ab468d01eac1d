package smos.bench;

import smos.engine.CompileResult;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;

import java.util.List;
import java.util.Locale;

/**
 * Rebuild time of each domain (the median of several compilations after a warm-up, as a hot reload
 * sees it), then the heap used once every domain is loaded, after a full collection.
 * Prints one line per figure: {@code rebuild <domain> <median ms> <max ms>} and {@code heap <MB>}.
 */
public final class RebuildAndHeap {
    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    private RebuildAndHeap() {
    }

    public static void main(String[] args) {
        List<DecisionDomain<?, ?>> domains = DomainRegistry.discover();
        DomainRegistry registry = new DomainRegistry(BenchRequests.home(), domains);
        for (int i = 0; i < WARMUP; i++) {
            for (DecisionDomain<?, ?> domain : domains) {
                registry.compile(domain, smos.engine.DomainLayout.read(registry.home(), domain.id()));
            }
        }
        for (DecisionDomain<?, ?> domain : domains) {
            long[] millis = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long started = System.nanoTime();
                CompileResult result = registry.compile(domain, smos.engine.DomainLayout.read(registry.home(), domain.id()));
                millis[i] = (System.nanoTime() - started) / 1_000_000;
                if (!result.ok()) {
                    throw new IllegalStateException(domain.id() + " does not compile: " + result.problems());
                }
            }
            java.util.Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "rebuild %s %d %d%n", domain.id(), millis[RUNS / 2], millis[RUNS - 1]);
        }
        // a fresh registry holding every domain, as a server does; the warm-up's garbage is collected first
        registry = null;
        DomainRegistry loaded = new DomainRegistry(BenchRequests.home(), domains);
        loaded.loadAll();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        double usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "heap %.1f%n", usedMb);
        if (loaded.states().size() != domains.size()) {
            throw new IllegalStateException("not every domain loaded");
        }
    }
}
