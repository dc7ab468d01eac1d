package smos.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
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

    public DomainRegistry(Path home, Collection<DecisionDomain<?, ?>> domains) {
        this.home = home.toAbsolutePath().normalize();
        this.compiler = new DomainCompiler();
        for (DecisionDomain<?, ?> domain : domains) {
            this.domains.put(domain.id(), domain);
            states.put(domain.id(), new DomainState(domain, null, null));
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

    /** Compiles one domain; on success its new version becomes active, otherwise the failure is kept. */
    public CompileResult load(String id) {
        DecisionDomain<?, ?> domain = domains.get(id);
        CompileResult result = compile(domain);
        states.compute(id, (key, old) -> result.ok()
                ? new DomainState(domain, result.ruleSet(), null)
                : new DomainState(domain, old == null ? null : old.active(),
                        new LoadFailure(result.version(), Instant.now(), result.problems())));
        if (result.ok()) {
            LOG.info("domain {} version {} loaded in {} ms", id, result.version(),
                    result.ruleSet().buildTime().toMillis());
        } else {
            LOG.warn("domain {} version {} did not compile: {} problem(s)", id, result.version(), result.problems().size());
            result.problems().forEach(p -> LOG.warn("  {}", p));
        }
        return result;
    }

    /** Compiles a domain's files as they are on disk, without changing what it serves. */
    public CompileResult compile(DecisionDomain<?, ?> domain) {
        try {
            return compiler.compile(domain, DomainSources.scan(home, domain.id()));
        } catch (RuntimeException e) {
            LOG.error("compiling {} failed unexpectedly", domain.id(), e);
            DomainSources none = new DomainSources(domain.id(), List.of());
            return CompileResult.failed(none, List.of(RuleProblem.inFile(null, "cannot compile: " + e)));
        }
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
