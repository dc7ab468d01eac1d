package smos.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one request puts into a rule session: the facts, any globals, a supplier that reads the
 * decision after the last stage has fired, and the facts whose values an earlier stage may have
 * changed for a later one (updated between stages; by default every fact). {@code refreshedByStage},
 * when not null, says per stage which facts to update before it (a stage not listed: none).
 */
public record Evaluation<D>(List<Object> facts, Map<String, Object> globals, Supplier<D> decision,
                            List<Object> refreshed, Map<String, List<Object>> refreshedByStage) {

    public Evaluation(List<Object> facts, Map<String, Object> globals, Supplier<D> decision) {
        this(facts, globals, decision, facts, null);
    }

    public Evaluation(List<Object> facts, Map<String, Object> globals, Supplier<D> decision, List<Object> refreshed) {
        this(facts, globals, decision, refreshed, null);
    }

    public static <D> Evaluation<D> of(Object fact, Supplier<D> decision) {
        return new Evaluation<>(List.of(fact), Map.of(), decision);
    }

    /**
     * Only these facts change between stages: the others (per-deal facts whose values Java computed
     * once) are not updated, which saves re-evaluating every rule on them at each stage.
     */
    public Evaluation<D> refreshingOnly(List<Object> changing) {
        return new Evaluation<>(facts, globals, decision, changing, null);
    }

    /**
     * Before each stage named, only the facts listed are updated: a domain with thousands of facts
     * updates each one only before the stage that reads what an earlier stage changed in it.
     */
    public Evaluation<D> refreshingBefore(Map<String, List<Object>> byStage) {
        return new Evaluation<>(facts, globals, decision, refreshed, Map.copyOf(byStage));
    }

    /** The facts to update before {@code stage} (never called for the first stage). */
    public List<Object> refreshedBefore(String stage) {
        return refreshedByStage == null ? refreshed : refreshedByStage.getOrDefault(stage, List.of());
    }
}
