package smos.engine;

import java.util.List;

/**
 * A decision domain: its typed request, the stages its rules run in, and how a request becomes facts
 * and the facts become a decision. Implementations live in their domain's package and are found
 * with {@link java.util.ServiceLoader}; adding a domain needs nothing in the engine or the HTTP layer.
 *
 * @param <Q> the request type, a record read from JSON
 * @param <D> the decision type, a record written as JSON
 */
public interface DecisionDomain<Q, D> {

    /** The folder name shared by {@code rules/}, {@code decision-tables/} and {@code scenarios/}. */
    String id();

    /** One sentence for the domain catalogue. */
    String description();

    Class<Q> requestType();

    /** The agenda groups the rules are written in, fired in this order. */
    List<String> stages();

    /**
     * The stage of a rule whose table names no RULEFLOW-GROUP (as tables written for plain Drools do):
     * the first stage unless the domain says otherwise.
     */
    default String defaultStage() {
        return stages().get(0);
    }

    /** The facts for one request, and how to read the decision once the rules have fired. */
    Evaluation<D> prepare(Q request);
}
