package smos.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one request puts into a rule session: the facts, any globals, and a supplier that reads the
 * decision after the last stage has fired.
 */
public record Evaluation<D>(List<Object> facts, Map<String, Object> globals, Supplier<D> decision) {

    public static <D> Evaluation<D> of(Object fact, Supplier<D> decision) {
        return new Evaluation<>(List.of(fact), Map.of(), decision);
    }
}
