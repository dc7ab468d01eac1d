package smos.store;

import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.engine.DomainState;
import smos.publish.Gate;
import smos.publish.RuleSetManager;
import smos.service.DecisionService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One replica in process on a shared store: the returns domain only (start-up compiles one domain, not
 * eleven), its real gate and manager, and, when asked, the follower that keeps it current.
 */
final class Replica implements AutoCloseable {
    final DomainRegistry registry;
    final Gate gate;
    final RuleSetManager manager;
    final PostgresRuleStore store;
    final DecisionService service;
    private StoreFollower follower;

    Replica(Path home, StoreAddress address) {
        List<DecisionDomain<?, ?>> returns = DomainRegistry.discover().stream().filter(d -> d.id().equals("returns")).toList();
        registry = new DomainRegistry(home, returns);
        service = new DecisionService(registry, Map::of);
        gate = new Gate(registry, service);
        store = PostgresRuleStore.open(address);
        manager = new RuleSetManager(registry, gate, store);
    }

    Replica start() {
        manager.start();
        return this;
    }

    Replica following(Duration poll) {
        follower = new StoreFollower(store, poll, manager::follow);
        return this;
    }

    String serving() {
        DomainState state = registry.state("returns").orElseThrow();
        return state.active() == null ? null : state.active().version();
    }

    String servingFrom() {
        return registry.state("returns").orElseThrow().activeFrom();
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
        store.close();
    }
}
