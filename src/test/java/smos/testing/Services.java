package smos.testing;

import smos.engine.DomainRegistry;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;

import java.nio.file.Path;

/** Builds the decision service on a home folder, as {@code serve} does. */
public final class Services {
    private Services() {
    }

    public static DecisionService load(Path home) {
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover());
        registry.loadAll();
        return new DecisionService(registry, () -> ScenarioLoader.examples(home));
    }

    private static DecisionService shipped;

    /** The shipped rules, compiled once for all tests that only read them. */
    public static synchronized DecisionService shipped() {
        if (shipped == null) {
            shipped = load(TestHomes.REPO);
        }
        return shipped;
    }
}
