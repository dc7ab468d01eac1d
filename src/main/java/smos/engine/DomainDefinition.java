package smos.engine;

import java.util.List;
import java.util.Objects;

/**
 * What every domain states the same way (its folder name, catalogue sentence, request type and stages),
 * said once, so a domain class holds only what is its own: how a request becomes facts.
 */
public abstract class DomainDefinition<Q, D> implements DecisionDomain<Q, D> {
    private final String id;
    private final Class<Q> requestType;
    private final String description;
    private final List<String> stages;

    protected DomainDefinition(String id, Class<Q> requestType, String description, List<String> stages) {
        this.id = Objects.requireNonNull(id);
        this.requestType = Objects.requireNonNull(requestType);
        this.description = Objects.requireNonNull(description);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException(id + " names no stage");
        }
        this.stages = List.copyOf(stages);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<Q> requestType() {
        return requestType;
    }

    @Override
    public final List<String> stages() {
        return stages;
    }
}
