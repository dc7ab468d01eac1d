package smos.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import smos.engine.DomainRegistry;
import smos.service.DecisionService;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One large annual plan through SMOS on one thread (JSON in, rules, decision and trace out): 4 regions,
 * 2,000 reps and 500 transfers; the target is under 500 ms. {@code -p reps=4000 -p transfers=1000} shows
 * that the time grows with the reps, not with their square.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class QuotaPlanBenchmark {
    private static final String[] REGIONS = {"NORTHEAST", "MIDWEST", "SOUTH", "WEST"};

    @org.openjdk.jmh.annotations.Param("2000")
    public int reps;

    @org.openjdk.jmh.annotations.Param("500")
    public int transfers;

    DecisionService service;
    byte[] plan;

    @Setup(Level.Trial)
    public void load() {
        DomainRegistry registry = new DomainRegistry(BenchRequests.home(), List.of(BenchRequests.domain("quota")));
        if (!registry.load("quota").ok()) {
            throw new IllegalStateException("quota does not compile");
        }
        service = new DecisionService(registry, Map::of);
        plan = plan(reps, transfers);
    }

    @Benchmark
    public Object largePlan() {
        return service.decide("quota", plan);
    }

    /**
     * A valid plan: reps spread over the four regions with start dates from 2015 into the fiscal year (every
     * ramp row), figures varied by primes; transfers between reps of any regions, in and out of the year.
     */
    static byte[] plan(int reps, int transfers) {
        StringBuilder json = new StringBuilder("{\"plan\": {\"planId\": \"BENCH\", \"fiscalYearStart\": \"2027-01-01\", "
                + "\"fiscalYearEnd\": \"2027-12-31\", \"revenueTarget\": 480000000.00, \"grossProfitTarget\": 150000000.00},"
                + " \"regions\": [");
        for (int i = 0; i < REGIONS.length; i++) {
            json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"region\": \"%s\", \"priorYearRevenue\": %d, \"marketPotential\": %d}",
                    REGIONS[i], 100_000_000 + i * 7_000_000, 300_000_000 + i * 11_000_000));
        }
        json.append("], \"reps\": [");
        for (int i = 0; i < reps; i++) {
            json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"repId\": \"R-%d\", \"region\": \"%s\", \"startDate\": \"%d-%02d-%02d\", "
                            + "\"priorYearRevenue\": %d, \"accountPotential\": %d}",
                    i, REGIONS[i % REGIONS.length], 2015 + i % 13, 1 + i % 12, 1 + i % 28,
                    100_000 + (i * 7919L) % 900_000, 200_000 + (i * 104_729L) % 1_800_000));
        }
        json.append("], \"transfers\": [");
        for (int j = 0; j < transfers; j++) {
            int from = (j * 37) % reps;
            int to = (j * 53 + 1) % reps;
            if (to == from) {
                to = (to + 1) % reps;
            }
            json.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"accountId\": \"A-%d\", \"fromRepId\": \"R-%d\", \"toRepId\": \"R-%d\", \"effectiveDate\": \"%d-%02d-%02d\", "
                            + "\"annualRevenue\": %d}",
                    j, from, to, j % 50 == 0 ? 2028 : 2027, 1 + j % 12, 1 + j % 28, 10_000 + j * 13));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
