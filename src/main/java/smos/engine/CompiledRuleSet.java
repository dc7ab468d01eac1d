package smos.engine;

import org.kie.api.KieBase;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, compiled version of one domain's rules: the knowledge base, the version (hash of the
 * bundle's files, scenarios included), the bundle it was built from (bytes included, so it can be compared and archived),
 * and where each rule was written. It keeps a pool of sessions for its evaluations.
 */
public final class CompiledRuleSet {
    /** Idle sessions kept per version: enough for the request threads doing work at once on this machine. */
    private static final int IDLE_SESSIONS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final String domain;
    private final String version;
    private final DomainBundle bundle;
    private final DomainSources sources;
    private final KieBase kieBase;
    private final Map<String, RuleOrigin> origins;
    private final Map<String, FiredRule> traceEntries = new HashMap<>();
    private final Instant loadedAt;
    private final Duration buildTime;
    private final SessionPool sessions;

    public CompiledRuleSet(String domain, String version, DomainBundle bundle, KieBase kieBase,
                           Map<String, RuleOrigin> origins, Instant loadedAt, Duration buildTime) {
        this.domain = domain;
        this.version = version;
        this.bundle = bundle;
        this.sources = bundle.sources();
        this.kieBase = kieBase;
        this.origins = Map.copyOf(origins);
        this.loadedAt = loadedAt;
        this.buildTime = buildTime;
        origins.forEach((rule, origin) -> traceEntries.put(rule, new FiredRule(rule, origin.source(), origin.location())));
        this.sessions = new SessionPool(kieBase, IDLE_SESSIONS);
    }

    public String domain() {
        return domain;
    }

    public String version() {
        return version;
    }

    public DomainSources sources() {
        return sources;
    }

    /** Everything it was built from and vouched for by: tables, DRL and scenarios. */
    public DomainBundle bundle() {
        return bundle;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public Map<String, RuleOrigin> origins() {
        return origins;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Duration buildTime() {
        return buildTime;
    }

    /** The rule files it was compiled from, relative to the home. */
    public List<String> files() {
        return sources.files().stream().map(SourceFile::path).toList();
    }

    public RuleOrigin origin(String rule) {
        return origins.get(rule);
    }

    /** The trace entry of a rule: built once per version, shared by every decision. */
    FiredRule firedRule(String rule) {
        FiredRule entry = traceEntries.get(rule);
        return entry != null ? entry : new FiredRule(rule, null, null);
    }

    SessionPool sessions() {
        return sessions;
    }

    /** Whether sessions of this version can be emptied and reused (no rule hangs on the initial fact). */
    public boolean sessionsReusable() {
        return sessions.reusable();
    }
}
