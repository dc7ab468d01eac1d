package smos.cli;

import smos.engine.DomainRegistry;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.service.Metrics;

import java.nio.file.Path;

/** Wires the engine, the service and the rule-set manager for a home folder: the one place they are assembled. */
final class Services {
    private Services() {
    }

    /** The service on the rules as they are on disk (the tools: decide, test). */
    static DecisionService load(Path home) {
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover());
        registry.loadAll();
        return service(registry, home);
    }

    /** The service and its manager, started: falls back to the history for a domain that does not compile. */
    static Running start(Path home, Path historyDir) {
        return start(home, new LocalRuleStore(home, historyDir));
    }

    /** The same on a rule store of its own (the shared store of several replicas). */
    static Running start(Path home, smos.publish.RuleStore store) {
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover());
        Metrics metrics = new Metrics();
        registry.listen(metrics);
        DecisionService service = service(registry, home);
        RuleSetManager manager = new RuleSetManager(registry, new Gate(registry, service), store);
        manager.start();
        return new Running(registry, service, manager, metrics);
    }

    private static DecisionService service(DomainRegistry registry, Path home) {
        return new DecisionService(registry, () -> ScenarioLoader.examples(home));
    }

    record Running(DomainRegistry registry, DecisionService service, RuleSetManager manager, Metrics metrics) {
    }
}
