package smos.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one request puts into a rule session: the facts, any globals, a supplier that reads the
 * decision after the last stage has fired, and the facts whose values an earlier stage may have
 * changed for a later one (updated between stages; by default every fact).
 */
public record Evaluation<D>(List<Object> facts, Map<String, Object> globals, Supplier<D> decision,
                            List<Object> refreshed) {

    public Evaluation(List<Object> facts, Map<String, Object> globals, Supplier<D> decision) {
        this(facts, globals, decision, facts);
    }

    public static <D> Evaluation<D> of(Object fact, Supplier<D> decision) {
        return new Evaluation<>(List.of(fact), Map.of(), decision);
    }

    /**
     * Only these facts change between stages: the others (per-deal facts whose values Java computed
     * once) are not updated, which saves re-evaluating every rule on them at each stage.
     */
    public Evaluation<D> refreshingOnly(List<Object> changing) {
        return new Evaluation<>(facts, globals, decision, changing);
    }
}
