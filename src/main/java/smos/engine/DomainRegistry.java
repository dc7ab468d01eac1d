package smos.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The domains this service knows and the rule set each one serves. A domain whose files do not
 * compile is reported and has no active version; the other domains keep working.
 */
public final class DomainRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DomainRegistry.class);

    private final Path home;
    private final DomainCompiler compiler;
    private final Map<String, DecisionDomain<?, ?>> domains = new LinkedHashMap<>();
    private final Map<String, DomainState> states = new ConcurrentHashMap<>();
    private volatile VersionListener listener = VersionListener.NONE;

    /** Told of every version that goes live or is refused: for metrics. */
    public interface VersionListener {
        void versionChanged(String domain, String trigger, boolean accepted);

        VersionListener NONE = (domain, trigger, accepted) -> {
        };
    }

    public void listen(VersionListener listener) {
        this.listener = listener;
    }

    public DomainRegistry(Path home, Collection<DecisionDomain<?, ?>> domains) {
        this.home = home.toAbsolutePath().normalize();
        this.compiler = new DomainCompiler();
        for (DecisionDomain<?, ?> domain : domains) {
            this.domains.put(domain.id(), domain);
            states.put(domain.id(), new DomainState(domain, null, null, null));
        }
    }

    /** Every domain registered with {@link ServiceLoader} under {@link DecisionDomain}, sorted by id. */
    public static List<DecisionDomain<?, ?>> discover() {
        List<DecisionDomain<?, ?>> found = new ArrayList<>();
        for (DecisionDomain<?, ?> domain : ServiceLoader.load(DecisionDomain.class)) {
            found.add(domain);
        }
        found.sort((a, b) -> a.id().compareTo(b.id()));
        return found;
    }

    public Path home() {
        return home;
    }

    /** Compiles every domain from disk; returns the results so a caller can report problems. */
    public List<CompileResult> loadAll() {
        List<CompileResult> results = new ArrayList<>();
        for (String id : domains.keySet()) {
            results.add(load(id));
        }
        return results;
    }

    /** Compiles one domain from disk; on success its new version becomes active, otherwise the rejection is kept. */
    public CompileResult load(String id) {
        DecisionDomain<?, ?> domain = domains.get(id);
        CompileResult result = compile(domain, DomainLayout.read(home, id));
        if (result.ok()) {
            activate(result.ruleSet(), "disk");
        } else {
            reject(id, Rejection.of(result, "start-up"));
        }
        return result;
    }

    /** Compiles a domain's bundle without changing what it serves. */
    public CompileResult compile(DecisionDomain<?, ?> domain, DomainBundle bundle) {
        try {
            return compiler.compile(domain, bundle);
        } catch (RuntimeException e) {
            LOG.error("compiling {} failed unexpectedly", domain.id(), e);
            return CompileResult.failed(bundle, List.of(RuleProblem.inFile(null, "cannot compile: " + e)));
        }
    }

    /** Makes a compiled version the one that serves: one atomic swap, so each decision sees one version. */
    public void activate(CompiledRuleSet ruleSet, String from) {
        DecisionDomain<?, ?> domain = domains.get(ruleSet.domain());
        states.put(domain.id(), new DomainState(domain, ruleSet, from, null));
        listener.versionChanged(domain.id(), from, true);
        LOG.info("domain {} serves version {} (from {}, built in {} ms)", domain.id(), ruleSet.version(), from,
                ruleSet.buildTime().toMillis());
    }

    /** Records a refused version; the domain keeps serving what it served. */
    public void reject(String id, Rejection rejection) {
        states.compute(id, (key, old) -> new DomainState(domains.get(id), old == null ? null : old.active(),
                old == null ? null : old.activeFrom(), rejection));
        listener.versionChanged(id, rejection.trigger(), false);
        LOG.warn("domain {}: version {} rejected ({}): {} problem(s), {} scenario failure(s)", id, rejection.version(),
                rejection.trigger(), rejection.problems().size(), rejection.failures().size());
        rejection.problems().forEach(p -> LOG.warn("  {}", p));
        rejection.failures().forEach(f -> LOG.warn("  {}", f));
    }

    /** Forgets a rejection once the files on disk are back to the version that serves. */
    public void clearRejection(String id) {
        states.computeIfPresent(id, (key, old) -> new DomainState(old.domain(), old.active(), old.activeFrom(), null));
    }

    public Optional<DomainState> state(String id) {
        return Optional.ofNullable(states.get(id));
    }

    public List<DomainState> states() {
        return domains.keySet().stream().map(states::get).toList();
    }

    public Optional<DecisionDomain<?, ?>> domain(String id) {
        return Optional.ofNullable(domains.get(id));
    }

    public Collection<DecisionDomain<?, ?>> domains() {
        return domains.values();
    }
}
