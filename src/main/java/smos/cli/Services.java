package smos.cli;

import smos.engine.DomainRegistry;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;

import java.nio.file.Path;

/** Wires the engine and the service for a home folder: the one place the pieces are assembled. */
final class Services {
    private Services() {
    }

    static DecisionService load(Path home) {
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover());
        registry.loadAll();
        return new DecisionService(registry, () -> ScenarioLoader.examples(home));
    }
}
