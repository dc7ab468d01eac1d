package smos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw output of {@code bench/run} into one table: prints it and writes the results file with
 * the machine, the command, every figure beside its limit, the targets, and what bounds each figure.
 *
 * <p>Run: {@code java ... smos.bench.BenchReport RAW_DIR OUT.md}
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    private final Path raw;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    private BenchReport(Path raw) {
        this.raw = raw;
    }

    public static void main(String[] args) throws IOException {
        BenchReport report = new BenchReport(Path.of(args[0]));
        String markdown = report.build();
        Files.writeString(Path.of(args[1]), markdown, StandardCharsets.UTF_8);
        System.out.println(report.table());
        System.out.println("written to " + args[1]);
    }

    // ---- reading the raw output

    /** JMH scores: benchmark method -> domain (or "") -> ops/s and error. */
    private Map<String, Map<String, double[]>> jmh(String file) throws IOException {
        Map<String, Map<String, double[]>> scores = new TreeMap<>();
        Path path = raw.resolve(file);
        if (!Files.exists(path)) {
            return scores;
        }
        for (JsonNode run : JSON.readTree(path.toFile())) {
            String method = run.path("benchmark").asText().replaceAll(".*\\.", "");
            String domain = run.path("params").path("domain").asText("");
            JsonNode metric = run.path("primaryMetric");
            scores.computeIfAbsent(method, k -> new TreeMap<>())
                    .put(domain, new double[] {metric.path("score").asDouble(), metric.path("scoreError").asDouble()});
        }
        return scores;
    }

    private record Wrk(double rps, double p50, double p99) {
    }

    private Wrk wrk(String file) throws IOException {
        Path path = raw.resolve(file);
        if (!Files.exists(path)) {
            return new Wrk(Double.NaN, Double.NaN, Double.NaN);
        }
        String text = Files.readString(path);
        Matcher rps = RPS.matcher(text);
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(text);
        while (p.find()) {
            double value = Double.parseDouble(p.group(2)) * switch (p.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000.0;
                default -> 1.0;
            };
            if (p.group(1).equals("50")) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        return new Wrk(rps.find() ? Double.parseDouble(rps.group(1)) : Double.NaN, p50, p99);
    }

    /** Items per second of a batch run: items / seconds. */
    private double batch(String label) throws IOException {
        return batchFile("batch-" + label + ".txt");
    }

    private double batchFile(String name) throws IOException {
        Path path = raw.resolve(name);
        if (!Files.exists(path)) {
            return Double.NaN;
        }
        List<String> lines = Files.readAllLines(path);
        double seconds = Double.parseDouble(lines.get(0).trim());
        double items = Double.parseDouble(lines.get(1).replace("items", "").trim());
        return items / seconds;
    }

    /** The decision log's rows (bench/audit): each figure the mean of its rounds, on against off. */
    private void auditRows() throws IOException {
        List<Wrk> on = new ArrayList<>();
        List<Wrk> off = new ArrayList<>();
        List<Double> batchOn = new ArrayList<>();
        List<Double> batchOff = new ArrayList<>();
        for (int round = 1; Files.exists(raw.resolve("audit-wrk-on-" + round + ".txt")); round++) {
            on.add(wrk("audit-wrk-on-" + round + ".txt"));
            off.add(wrk("audit-wrk-off-" + round + ".txt"));
            batchOn.add(batchFile("audit-batch-on-" + round + ".txt"));
            batchOff.add(batchFile("audit-batch-off-" + round + ".txt"));
        }
        if (on.isEmpty()) {
            return;
        }
        double rpsOn = mean(on.stream().map(Wrk::rps).toList());
        double rpsOff = mean(off.stream().map(Wrk::rps).toList());
        double p99On = mean(on.stream().map(Wrk::p99).toList());
        row(String.format(Locale.ROOT, "HTTP returns decisions/s, 32 connections, decision log on (H2; p99 %.2f ms; %d round%s)",
                        p99On, on.size(), on.size() == 1 ? "" : "s"), ops(rpsOn), ops(rpsOff) + " log off",
                pct(rpsOn / rpsOff), ">= 70% of off, p99 < 10 ms", rpsOn / rpsOff >= 0.70 && p99On < 10.0);
        double itemsOn = mean(batchOn);
        double itemsOff = mean(batchOff);
        row("batch returns decisions/s (NDJSON), decision log on", ops(itemsOn), ops(itemsOff) + " log off",
                pct(itemsOn / itemsOff), ">= 50% of off", itemsOn / itemsOff >= 0.50);
        Path disk = raw.resolve("audit-disk.txt");
        if (Files.exists(disk)) {
            Matcher bytes = Pattern.compile("bytes-per-decision (\\d+)").matcher(Files.readString(disk));
            Matcher text = Pattern.compile("text-chars-per-decision (\\d+)").matcher(Files.readString(disk));
            if (bytes.find() && text.find()) {
                row("bytes on disk per recorded returns decision (H2)", bytes.group(1) + " B", text.group(1)
                        + " B of text", "", "(reference)", true);
            }
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    // ---- the table

    /** The slowest console page by its p95 ({@code ConsolePageBenchmark}), when it ran. */
    private void consolePageRow(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file);
        Matcher domain = Pattern.compile("console-pages domain (\\S+)").matcher(text);
        Matcher page = Pattern.compile("console-page (\\S+)\\s+median ([0-9.]+) p95 ([0-9.]+)").matcher(text);
        String slowest = null;
        double median = Double.NaN;
        double p95 = -1;
        while (page.find()) {
            if (Double.parseDouble(page.group(3)) > p95) {
                slowest = page.group(1);
                median = Double.parseDouble(page.group(2));
                p95 = Double.parseDouble(page.group(3));
            }
        }
        if (slowest != null) {
            row("slowest console page (" + slowest + ", " + (domain.find() ? domain.group(1) : "?")
                            + ": the largest workbook), p95 of 200", String.format(Locale.ROOT, "%.1f ms", p95),
                    String.format(Locale.ROOT, "median %.1f ms", median), "", "< 100 ms", p95 < 100);
        }
    }

    /** The figures of {@code ReplicaBenchmark}, when it ran: publish-to-served across replicas, each store's decisions/s. */
    private void replicaRows(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file);
        Matcher served = Pattern.compile("publish-to-served across 3 replicas: (\\d+) publishes median (\\d+) ms worst (\\d+) ms")
                .matcher(text);
        if (served.find()) {
            long worst = Long.parseLong(served.group(3));
            row("publish-to-served across 3 replicas on PostgreSQL (median of " + served.group(1) + ")",
                    served.group(2) + " ms", "worst " + worst + " ms", "", "median and worst < 2,000 ms",
                    Long.parseLong(served.group(2)) < 2000 && worst < 2000);
        }
        Matcher local = Pattern.compile("decisions/s local store: mean (\\d+)").matcher(text);
        Matcher store = Pattern.compile("decisions/s postgresql store: mean (\\d+)").matcher(text);
        if (local.find() && store.find()) {
            double onStore = Double.parseDouble(store.group(1));
            double onLocal = Double.parseDouble(local.group(1));
            row("HTTP returns decisions/s, 8 clients, a replica on the PostgreSQL store", ops(onStore),
                    ops(onLocal) + " local store", pct(onStore / onLocal), "the same within noise (>= 90%)",
                    onStore / onLocal >= 0.9);
        }
    }

    private void row(String figure, String value, String limit, String ratio, String target, boolean met) {
        rows.add(new String[] {figure, value, limit, ratio, target, met ? "yes" : "NO"});
        if (!met) {
            misses.add(figure);
        }
    }

    private String build() throws IOException {
        Map<String, Map<String, double[]>> one = jmh("jmh-decisions-1t.json");
        Map<String, Map<String, double[]>> two = jmh("jmh-decisions-2t.json");
        Map<String, Map<String, double[]>> limits = jmh("jmh-limits.json");
        Map<String, Map<String, double[]>> fresh = jmh("jmh-new-session.json");

        double smos1 = score(one, "smos", "returns");
        double raw1 = score(one, "rawDrools", "returns");
        double newSession = score(fresh, "rawDroolsNewSession", "returns");
        double hand = score(limits, "handWrittenReturns", "");
        double jsonReturns = score(limits, "jsonOnlyReturns", "");
        double jsonCompensation = score(limits, "jsonOnlyCompensation", "");
        row("in-process returns decisions/s, 1 thread", ops(smos1), ops(raw1) + " raw Drools", pct(smos1 / raw1),
                ">= 150,000/s and >= 70% of raw", smos1 >= 150_000 && smos1 / raw1 >= 0.70);
        row("  beside raw Drools with a new session each", ops(smos1), ops(newSession), pct(smos1 / newSession), "(reference)", true);
        row("  beside the hand-written Java policy", ops(smos1), ops(hand), pct(smos1 / hand), "(reference)", true);

        Wrk d32 = wrk("wrk-decisions-returns-c32.txt");
        Wrk e32 = wrk("wrk-echo-c32.txt");
        for (int c : new int[] {1, 8, 32}) {
            Wrk d = wrk("wrk-decisions-returns-c" + c + ".txt");
            Wrk e = wrk("wrk-echo-c" + c + ".txt");
            boolean target = c != 32 || (d.rps() / e.rps() >= 0.60 && d.p99() < 10.0);
            row(String.format(Locale.ROOT, "HTTP returns decisions/s, %d connection%s (p50 %.2f ms, p99 %.2f ms)", c,
                            c == 1 ? "" : "s", d.p50(), d.p99()), ops(d.rps()),
                    String.format(Locale.ROOT, "%s echo (p99 %.2f ms)", ops(e.rps()), e.p99()), pct(d.rps() / e.rps()),
                    c == 32 ? ">= 60% of echo, p99 < 10 ms" : "(reference)", target);
        }
        double batchReturns = batch("returns");
        double batchCompensation = batch("compensation");
        row("batch returns decisions/s (NDJSON)", ops(batchReturns), ops(jsonReturns) + " Jackson only",
                pct(batchReturns / jsonReturns), ">= 100,000/s and >= 50% of JSON", batchReturns >= 100_000
                        && batchReturns / jsonReturns >= 0.5);
        row("batch compensation statements/s (50 deals)", ops(batchCompensation), ops(jsonCompensation) + " Jackson only",
                pct(batchCompensation / jsonCompensation), ">= 20,000/s", batchCompensation >= 20_000);

        auditRows();

        Path slowBody = raw.resolve("slow-body.txt");
        if (Files.exists(slowBody)) {
            Matcher attacked = Pattern.compile("during attack: decisions (\\d+) failed (\\d+) p50 ([0-9.]+) ms p99 ([0-9.]+) ms")
                    .matcher(Files.readString(slowBody));
            if (attacked.find()) {
                double p99 = Double.parseDouble(attacked.group(4));
                row("decisions during a slow-body attack (1,000 connections; " + attacked.group(2) + " of "
                                + (Long.parseLong(attacked.group(1)) + Long.parseLong(attacked.group(2))) + " failed)",
                        "p99 " + attacked.group(4) + " ms", "p50 " + attacked.group(3) + " ms", "", "p99 < 100 ms, none failed",
                        p99 < 100 && attacked.group(2).equals("0"));
            }
        }
        Path impact = raw.resolve("impact.txt");
        if (Files.exists(impact)) {
            Matcher run = Pattern.compile("impact: records (\\d+) seconds ([0-9.]+) .*per-second (\\d+) heap-peak (\\d+) MB")
                    .matcher(Files.readString(impact));
            if (run.find()) {
                double seconds = Double.parseDouble(run.group(2));
                row(String.format(Locale.ROOT, "impact of a fee change over %,d recorded returns decisions (H2 log)",
                                Long.parseLong(run.group(1))), run.group(2) + " s", ops(Double.parseDouble(run.group(3)))
                                + "/s, heap peak " + run.group(4) + " MB", "", "< 60 s on 2 cores", seconds < 60);
            }
        }
        replicaRows(raw.resolve("replicas.txt"));
        consolePageRow(raw.resolve("console-pages.txt"));
        double quotaPlan = score(jmh("jmh-quota-plan.json"), "largePlan", "");
        row("quota plan, 4 regions, 2,000 reps, 500 transfers, 1 thread", Double.isNaN(quotaPlan) ? "n/a"
                : String.format(Locale.ROOT, "%.1f ms", quotaPlan), "", "", "< 500 ms", quotaPlan < 500);

        Map<String, long[]> rebuild = new TreeMap<>();
        double heap = Double.NaN;
        Path rebuildFile = raw.resolve("rebuild-heap.txt");
        if (Files.exists(rebuildFile)) {
            for (String line : Files.readAllLines(rebuildFile)) {
                String[] parts = line.trim().split("\\s+");
                if (parts[0].equals("rebuild")) {
                    rebuild.put(parts[1], new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
                } else if (parts[0].equals("heap")) {
                    heap = Double.parseDouble(parts[1]);
                }
            }
        }
        long slowest = rebuild.values().stream().mapToLong(v -> v[1]).max().orElse(-1);
        String slowestDomain = rebuild.entrySet().stream().filter(e -> e.getValue()[1] == slowest).map(Map.Entry::getKey)
                .findFirst().orElse("?");
        row("slowest domain rebuild (" + slowestDomain + ", worst of 7)", slowest + " ms", "", "", "< 3,000 ms", slowest >= 0 && slowest < 3000);
        double serverHeap = serverHeapMb();
        row("heap with every domain loaded, after GC", String.format(Locale.ROOT, "%.0f MB", heap),
                String.format(Locale.ROOT, "server: %.0f MB", serverHeap), "", "< 256 MB", heap < 256);

        StringBuilder md = new StringBuilder();
        md.append("# SMOS benchmarks\n\n");
        md.append("This file is written by `bench/run` (about 15 minutes; run it on a quiet machine). Do not edit it\n");
        md.append("by hand: the analysis of the figures is in [bench/notes.md](../bench/notes.md), appended below.\n\n");
        md.append("## Machine\n\n```\n").append(Files.readString(raw.resolve("machine.txt"))).append("```\n\n");
        md.append("## Results\n\n").append(table()).append('\n');
        md.append(misses.isEmpty() ? "Every target is met.\n\n" : "Targets not met: " + String.join("; ", misses) + ". See the notes.\n\n");
        md.append("## In-process decisions per domain (decisions per second, JMH, scenario request mix)\n\n");
        md.append("| domain | SMOS 1 thread | raw Drools 1 thread | SMOS / raw | SMOS 2 threads | raw Drools 2 threads |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (String domain : one.getOrDefault("smos", Map.of()).keySet()) {
            double s1 = score(one, "smos", domain);
            double r1 = score(one, "rawDrools", domain);
            md.append(String.format(Locale.ROOT, "| %s | %s ± %s | %s | %s | %s ± %s | %s |%n", domain, ops(s1),
                    ops(error(one, "smos", domain)), ops(r1), pct(s1 / r1), ops(score(two, "smos", domain)),
                    ops(error(two, "smos", domain)), ops(score(two, "rawDrools", domain))));
        }
        md.append("\n## Rebuild time per domain (median and worst of 7, after warm-up)\n\n| domain | median | worst |\n|---|---:|---:|\n");
        rebuild.forEach((domain, ms) -> md.append("| ").append(domain).append(" | ").append(ms[0]).append(" ms | ")
                .append(ms[1]).append(" ms |\n"));
        md.append("\n## How each figure is measured, and what bounds it\n\n").append(METHOD);
        md.append("\n## Raw output\n\nEvery file under [docs/benchmarks/raw](benchmarks/raw): the JMH JSON and text output, wrk's\n"
                + "output per run, the batch timings, the rebuild and heap figures, the server log.\n");
        Path notes = Path.of("bench/notes.md");
        if (Files.exists(notes)) {
            md.append("\n").append(Files.readString(notes));
        }
        return md.toString();
    }

    private double serverHeapMb() throws IOException {
        Path path = raw.resolve("server-heap.txt");
        if (!Files.exists(path)) {
            return Double.NaN;
        }
        String text = Files.readString(path).trim();
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text.split("\\s+")[1]) / (1024 * 1024);
    }

    private String table() {
        StringBuilder t = new StringBuilder("| figure | SMOS | limit | ratio | target | met |\n|---|---:|---:|---:|---|---|\n");
        for (String[] r : rows) {
            t.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return t.toString();
    }

    private static double score(Map<String, Map<String, double[]>> scores, String method, String domain) {
        double[] s = scores.getOrDefault(method, Map.of()).get(domain);
        return s == null ? Double.NaN : s[0];
    }

    private static double error(Map<String, Map<String, double[]>> scores, String method, String domain) {
        double[] s = scores.getOrDefault(method, Map.of()).get(domain);
        return s == null ? Double.NaN : s[1];
    }

    private static String ops(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String pct(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    private static final String METHOD = """
            - **In-process decisions** (`DecisionBenchmark.smos`): `DecisionService.decide(domain, jsonBytes)` over every
              scenario request of the domain in turn: strict JSON reading, validation, the rules (stages, updates), the
              trace. JMH, one fork, 3 warm-up and 5 measured iterations of 1 s; the error is JMH's 99.9% interval.
              Bounded by Drools itself (see the raw limit) plus about 1.5 us of JSON reading and validation per request.
            - **Raw Drools** (`DecisionBenchmark.rawDrools`): the same knowledge base on ready-made facts (requests parsed
              beforehand), stages fired in order, facts updated between stages, sessions reused and emptied as SMOS does;
              no JSON, no validation, no trace. `rawDroolsNewSession` is the same with a new session per decision, the
              way Drools is usually called. The ratio SMOS / raw is the cost of SMOS's own layers.
            - **Hand-written Java** (`LimitsBenchmark.handWrittenReturns`): the returns policy as plain Java
              (`src/test/java/smos/bench/HandWrittenReturns.java`, checked against every returns scenario by
              `HandWrittenReturnsTest`): the physical limit of the decision itself.
            - **HTTP**: `wrk -t1 -cN -d10s --latency` posting the returns scenario requests in turn to
              `POST /api/v1/decisions/returns`, then to `POST /api/v1/echo` on the same server (it only reads the body
              and writes it back). The load generator runs on the same 2 cores as the server, so both share the CPU; the
              echo endpoint measures what Jetty, Javalin and the loopback cost on this machine.
            - **Batch**: NDJSON through `POST /api/v1/decisions/{domain}/batch` with curl (200,000 returns requests drawn
              from the scenarios; 5,000 compensation statements of 50 deals each, built from the compensation scenarios),
              after a 2,000-item warm-up. The JSON limit (`LimitsBenchmark.jsonOnly*`) is Jackson alone reading each item
              into its typed request and writing it back, on one thread, as a batch item costs in JSON.
            - **Decision log** (`bench/audit`): the packaged server on a new home, once with the log on (an H2 file
              database, the default: each answer waits for its record's group commit) and once with `--audit off`,
              each measured the same way: wrk at 32 connections after a 10 s warm-up, and the 200,000-item returns
              batch (median of 3 after 2 warm-up runs). Bytes on disk (`AuditDiskUse`): 100,000 returns decisions
              recorded through the batch path in a new H2 database, the growth of its files divided by the count.
            - **Replicas** (`ReplicaBenchmark`, also on its own: `bench/replicas`): three `smos serve --store` replicas
              (the packaged jar) on a throwaway PostgreSQL, the returns domain imported with `smos store import`.
              Publish-to-served: 20 publishes on replica a, b and c in turn, each timed from its answer until all three
              serve the new version (polled every 10 ms). Decisions/s: one replica on the store (the other two stopped)
              and one server on the local store, the same files, 8 client threads posting returns decisions for 10 s
              after 3 s of warm-up, two alternating rounds each (the rounds show the noise).
            - **Rebuild** (`RebuildAndHeap`): compiling a domain from its files (reading and checking every cell,
              Drools' decision-table compiler, the knowledge base), median and worst of 7 after 3 warm-up rounds. **Heap**:
              used heap after full collections with every domain loaded, in the benchmark JVM and in the running server.
            """;
}
