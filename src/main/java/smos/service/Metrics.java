package smos.service;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters in Prometheus text format: per domain, decisions by status and a latency
 * histogram; rule reloads by domain, trigger and outcome; JVM basics. Recording is lock-free.
 */
public final class Metrics implements smos.engine.DomainRegistry.VersionListener {
    /** Latency bucket upper bounds in seconds: from 50 microseconds to 1 second. */
    private static final double[] BUCKETS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
            0.05, 0.1, 0.25, 0.5, 1.0};

    private final Map<String, Map<Integer, LongAdder>> decisions = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reloads = new ConcurrentHashMap<>();
    private final long started = System.currentTimeMillis();
    private final LongAdder auditRecorded = new LongAdder();
    private final LongAdder auditUnrecorded = new LongAdder();

    /** A decision or refused request put on record in the decision log. */
    public void auditRecorded() {
        auditRecorded.increment();
    }

    /** A decision answered although it could not be put on record (the log is not required). */
    public void auditUnrecorded() {
        auditUnrecorded.increment();
    }

    public long auditUnrecordedCount() {
        return auditUnrecorded.sum();
    }

    /** One decision request (single or batch item) of a domain, answered with {@code status}. */
    public void decision(String domain, int status, long nanos) {
        decisions.computeIfAbsent(domain, d -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        latency.computeIfAbsent(domain, d -> new Histogram()).observe(nanos / 1e9);
    }

    /** A version that tried to go live, and whether it did. */
    @Override
    public void versionChanged(String domain, String trigger, boolean accepted) {
        reloads.computeIfAbsent(label("domain", domain) + "," + label("trigger", trigger) + ","
                + label("outcome", accepted ? "accepted" : "rejected"), k -> new LongAdder()).increment();
    }

    public String prometheus() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP smos_decisions_total Decisions answered, by domain and HTTP status.\n");
        out.append("# TYPE smos_decisions_total counter\n");
        new TreeMap<>(decisions).forEach((domain, byStatus) -> new TreeMap<>(byStatus).forEach((status, count) ->
                out.append("smos_decisions_total{").append(label("domain", domain)).append(',')
                        .append(label("status", String.valueOf(status))).append("} ").append(count.sum()).append('\n')));
        out.append("# HELP smos_decision_errors_total Decisions answered with an error, by domain and status.\n");
        out.append("# TYPE smos_decision_errors_total counter\n");
        new TreeMap<>(decisions).forEach((domain, byStatus) -> new TreeMap<>(byStatus).forEach((status, count) -> {
            if (status >= 400) {
                out.append("smos_decision_errors_total{").append(label("domain", domain)).append(',')
                        .append(label("status", String.valueOf(status))).append("} ").append(count.sum()).append('\n');
            }
        }));
        out.append("# HELP smos_decision_seconds Time to decide a request, from its bytes to its decision.\n");
        out.append("# TYPE smos_decision_seconds histogram\n");
        new TreeMap<>(latency).forEach((domain, histogram) -> histogram.write(out, "smos_decision_seconds", label("domain", domain)));
        out.append("# HELP smos_reloads_total Versions that tried to go live, by domain, trigger and outcome.\n");
        out.append("# TYPE smos_reloads_total counter\n");
        new TreeMap<>(reloads).forEach((labels, count) ->
                out.append("smos_reloads_total{").append(labels).append("} ").append(count.sum()).append('\n'));
        counter(out, "smos_audit_records_total", "Decisions and refused requests put on record in the decision log.",
                auditRecorded.sum());
        counter(out, "smos_audit_unrecorded_total", "Decisions answered without a record, because the decision log "
                + "could not be written and is not required.", auditUnrecorded.sum());
        jvm(out);
        return out.toString();
    }

    private void jvm(StringBuilder out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(out, "jvm_memory_heap_used_bytes", "Heap in use.", heap.getUsed());
        gauge(out, "jvm_memory_heap_committed_bytes", "Heap committed by the JVM.", heap.getCommitted());
        gauge(out, "jvm_memory_heap_max_bytes", "Largest heap the JVM may use.", heap.getMax());
        gauge(out, "jvm_threads_live", "Live threads.", ManagementFactory.getThreadMXBean().getThreadCount());
        gauge(out, "jvm_available_processors", "Processors available to the JVM.", Runtime.getRuntime().availableProcessors());
        long collections = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        counter(out, "jvm_gc_collections_total", "Garbage collections.", collections);
        out.append("# HELP jvm_gc_seconds_total Time spent in garbage collection.\n# TYPE jvm_gc_seconds_total counter\n")
                .append("jvm_gc_seconds_total ").append(format(gcMillis / 1000.0)).append('\n');
        out.append("# HELP process_uptime_seconds Time since the service started.\n# TYPE process_uptime_seconds gauge\n")
                .append("process_uptime_seconds ").append(format((System.currentTimeMillis() - started) / 1000.0)).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }

    static String label(String name, String value) {
        return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** A cumulative histogram of seconds, Prometheus style. */
    private static final class Histogram {
        private final LongAdder[] counts = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }

        void write(StringBuilder out, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += counts[i].sum();
                out.append(name).append("_bucket{").append(labels).append(",le=\"")
                        .append(java.math.BigDecimal.valueOf(BUCKETS[i]).stripTrailingZeros().toPlainString()).append("\"} ")
                        .append(cumulative).append('\n');
            }
            out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(count.sum()).append('\n');
            out.append(name).append("_sum{").append(labels).append("} ").append(format(sum.sum())).append('\n');
            out.append(name).append("_count{").append(labels).append("} ").append(count.sum()).append('\n');
        }
    }
}
