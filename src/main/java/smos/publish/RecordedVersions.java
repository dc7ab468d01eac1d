package smos.publish;

import smos.engine.CompileResult;
import smos.engine.CompiledRuleSet;
import smos.engine.DomainRegistry;
import smos.engine.DomainState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled rules of any version a domain has served: the active one as it serves, an older one
 * rebuilt from the rule store's history (its bundle hashes to its id, so it is exactly what served).
 * Rebuilt versions are kept, a few at a time, for replays and impact runs that ask again.
 */
public final class RecordedVersions {
    /** Enough for the versions of a busy month of replays; each is one domain's knowledge base. */
    private static final int KEPT = 8;

    private final DomainRegistry registry;
    private final RuleStore store;
    private final Map<String, CompiledRuleSet> rebuilt = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
            return size() > KEPT;
        }
    };

    public RecordedVersions(DomainRegistry registry, RuleStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** Empty when the domain's history holds no intact entry of that version. */
    public synchronized Optional<CompiledRuleSet> compiled(String domain, String version) {
        Optional<DomainState> state = registry.state(domain);
        if (state.isEmpty() || version == null) {
            return Optional.empty();
        }
        CompiledRuleSet active = state.get().active();
        if (active != null && active.version().equals(version)) {
            return Optional.of(active);
        }
        String key = domain + "@" + version;
        CompiledRuleSet cached = rebuilt.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        for (HistoryEntry entry : store.history(domain)) {
            if (entry.intact() && entry.version().equals(version)) {
                CompileResult result = registry.compile(state.get().domain(), store.bundle(domain, entry));
                if (result.ok()) {
                    rebuilt.put(key, result.ruleSet());
                    return Optional.of(result.ruleSet());
                }
            }
        }
        return Optional.empty();
    }
}
