package smos.impact;

import com.fasterxml.jackson.databind.JsonNode;
import smos.audit.DecisionDiff;
import smos.engine.FiredRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of an impact run, kept per chunk by the worker that decides it and then added to the
 * run's total: how many requests were decided the same and differently, each changed field with a few
 * examples, how often each rule fired under each version, and the requests a version refused.
 */
public final class ImpactTally {
    /** Examples kept per changed field, and of refused requests: enough to see the pattern, few enough to read. */
    static final int EXAMPLES = 20;

    long decided;
    long unchanged;
    long changed;
    long refused;
    private final Map<String, FieldChange> fields = new LinkedHashMap<>();
    private final Map<String, long[]> rules = new LinkedHashMap<>();
    private final Map<String, String> ruleSources = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();

    /** A field that differs, how many decisions it differs in, and some of them. */
    public record FieldChange(String field, long count, List<Example> examples) {
    }

    public record Example(String decisionId, JsonNode before, JsonNode after) {
    }

    /** A rule (a table row or a DRL rule) and how many of the decisions fired it under each version. */
    public record RuleChange(String rule, String location, long before, long after) {
    }

    /** A recorded request a version did not decide: which version and why. */
    public record Refusal(String decisionId, String version, String problem) {
    }

    void decided(String decisionId, List<DecisionDiff.Difference> differences, List<FiredRule> before,
                 List<FiredRule> after) {
        decided++;
        if (differences.isEmpty()) {
            unchanged++;
        } else {
            changed++;
            for (DecisionDiff.Difference d : differences) {
                FieldChange f = fields.get(d.field());
                List<Example> examples = f == null ? new ArrayList<>() : f.examples();
                if (examples.size() < EXAMPLES) {
                    examples.add(new Example(decisionId, d.before(), d.after()));
                }
                fields.put(d.field(), new FieldChange(d.field(), f == null ? 1 : f.count() + 1, examples));
            }
        }
        fired(before, 0);
        fired(after, 1);
    }

    private void fired(List<FiredRule> trace, int version) {
        for (FiredRule rule : trace) {
            rules.computeIfAbsent(rule.rule(), r -> new long[2])[version]++;
            ruleSources.putIfAbsent(rule.rule(), rule.source() + (rule.location() == null ? "" : " " + rule.location()));
        }
    }

    void refused(Refusal refusal) {
        refused++;
        if (refusals.size() < EXAMPLES) {
            refusals.add(refusal);
        }
    }

    void add(ImpactTally other) {
        decided += other.decided;
        unchanged += other.unchanged;
        changed += other.changed;
        refused += other.refused;
        other.fields.forEach((name, f) -> {
            FieldChange mine = fields.get(name);
            if (mine == null) {
                fields.put(name, f);
                return;
            }
            List<Example> examples = mine.examples();
            for (Example e : f.examples()) {
                if (examples.size() < EXAMPLES) {
                    examples.add(e);
                }
            }
            fields.put(name, new FieldChange(name, mine.count() + f.count(), examples));
        });
        other.rules.forEach((rule, counts) -> {
            long[] mine = rules.computeIfAbsent(rule, r -> new long[2]);
            mine[0] += counts[0];
            mine[1] += counts[1];
        });
        other.ruleSources.forEach(ruleSources::putIfAbsent);
        for (Refusal r : other.refusals) {
            if (refusals.size() < EXAMPLES) {
                refusals.add(r);
            }
        }
    }

    /** The changed fields, most often changed first. */
    List<FieldChange> fields() {
        return fields.values().stream().sorted(Comparator.comparingLong(FieldChange::count).reversed()
                .thenComparing(FieldChange::field)).map(f -> new FieldChange(f.field(), f.count(), List.copyOf(f.examples())))
                .toList();
    }

    /** The rules that fire more or less often under the candidate, the largest change first. */
    List<RuleChange> rules() {
        return rules.entrySet().stream().filter(e -> e.getValue()[0] != e.getValue()[1])
                .map(e -> new RuleChange(e.getKey(), ruleSources.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong((RuleChange r) -> -Math.abs(r.after() - r.before()))
                        .thenComparing(RuleChange::rule))
                .toList();
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
