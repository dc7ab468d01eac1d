package smos.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.CompiledRuleSet;
import smos.engine.Decided;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.engine.DomainState;
import smos.engine.DomainStatus;
import smos.engine.Evaluator;
import smos.engine.Rejection;
import smos.engine.RuleProblem;
import smos.common.RequestIds;
import smos.request.RequestReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the HTTP layer, the CLI and the scenario runner call: decide a request for a domain, list
 * the domains and their rule sets, report health. Free of HTTP and of Drools types.
 */
public final class DecisionService {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

    private final DomainRegistry registry;
    private final Map<String, RequestReader<?>> readers = new ConcurrentHashMap<>();
    private final Supplier<Map<String, JsonNode>> exampleSource;
    private volatile Map<String, JsonNode> examples;

    /**
     * @param exampleSource example requests by domain id for the catalogue, read once on first use
     */
    public DecisionService(DomainRegistry registry, Supplier<Map<String, JsonNode>> exampleSource) {
        this.registry = registry;
        this.exampleSource = exampleSource;
        for (DecisionDomain<?, ?> domain : registry.domains()) {
            readers.put(domain.id(), new RequestReader<>(domain.requestType()));
        }
    }

    public DomainRegistry registry() {
        return registry;
    }

    /**
     * Decides one request. Throws {@link UnknownDomainException}, {@link DomainUnavailableException} or
     * {@link smos.request.InvalidRequestException}; anything else is a defect.
     */
    public DecisionResponse decide(String domainId, byte[] body) {
        return decide(RequestIds.next(), domainId, body);
    }

    /** Decides one request under the id its caller gave it (the HTTP request id). */
    public DecisionResponse decide(String decisionId, String domainId, byte[] body) {
        long started = System.nanoTime();
        DomainState state = servingState(domainId);
        return respond(decisionId, state.domain(), state.active(), body, started);
    }

    /** Decides one item of a batch given as a parsed tree; the same contract as {@link #decide(String, byte[])}. */
    public DecisionResponse decide(String domainId, JsonNode request) {
        long started = System.nanoTime();
        DomainState state = servingState(domainId);
        Decided<?> decided = decideTree(state.domain(), state.active(), request);
        return new DecisionResponse(RequestIds.next(), domainId, decided.rulesetVersion(), decided.decision(), decided.trace(),
                (System.nanoTime() - started) / 1_000);
    }

    private <Q, D> Decided<D> decideTree(DecisionDomain<Q, D> domain, CompiledRuleSet ruleSet, JsonNode tree) {
        @SuppressWarnings("unchecked")
        RequestReader<Q> reader = (RequestReader<Q>) readers.get(domain.id());
        return Evaluator.evaluate(ruleSet, domain, reader.read(tree));
    }

    /** The domain's state if it serves a version; otherwise the 404 or 503 of the contract. */
    public DomainState servingState(String domainId) {
        DomainState state = registry.state(domainId)
                .orElseThrow(() -> new UnknownDomainException(domainId, domainIds()));
        if (state.active() == null) {
            Rejection rejection = state.lastRejection();
            throw new DomainUnavailableException(domainId, rejection == null ? List.of() : rejection.problems());
        }
        return state;
    }

    /** Decides with a given compiled version instead of the active one: how a candidate is tried before it goes live. */
    public DecisionResponse decideWith(CompiledRuleSet candidate, byte[] body) {
        long started = System.nanoTime();
        DecisionDomain<?, ?> domain = registry.domain(candidate.domain())
                .orElseThrow(() -> new UnknownDomainException(candidate.domain(), domainIds()));
        return respond(RequestIds.next(), domain, candidate, body, started);
    }

    private DecisionResponse respond(String decisionId, DecisionDomain<?, ?> domain, CompiledRuleSet ruleSet,
                                     byte[] body, long started) {
        Decided<?> decided = decide(domain, ruleSet, body);
        return new DecisionResponse(decisionId, domain.id(), decided.rulesetVersion(), decided.decision(), decided.trace(),
                (System.nanoTime() - started) / 1_000);
    }

    private <Q, D> Decided<D> decide(DecisionDomain<Q, D> domain, CompiledRuleSet ruleSet, byte[] body) {
        @SuppressWarnings("unchecked")
        RequestReader<Q> reader = (RequestReader<Q>) readers.get(domain.id());
        Q request = reader.read(body);
        return Evaluator.evaluate(ruleSet, domain, request);
    }

    public List<String> domainIds() {
        return registry.domains().stream().map(DecisionDomain::id).toList();
    }

    public List<DomainInfo> domains() {
        Map<String, JsonNode> example = examples();
        return registry.states().stream().map(s -> new DomainInfo(s.domain().id(), s.domain().description(),
                s.active() == null ? null : s.active().version(), s.status().name(),
                "/api/v1/decisions/" + s.domain().id(), example.get(s.domain().id()),
                DomainInfo.SchemaLinks.of(s.domain().id()))).toList();
    }

    public List<RulesetInfo> rulesets() {
        return registry.states().stream().map(DecisionService::ruleset).toList();
    }

    private static RulesetInfo ruleset(DomainState s) {
        CompiledRuleSet active = s.active();
        Rejection rejected = s.lastRejection();
        return new RulesetInfo(s.domain().id(), s.status().name(),
                active == null ? null : active.version(),
                active == null ? null : s.activeFrom(),
                active == null ? List.of() : active.files(),
                active == null ? null : active.loadedAt(),
                active == null ? null : active.buildTime().toMillis(),
                rejected == null ? null : new RulesetInfo.LastRejection(rejected.version(), rejected.at(),
                        rejected.trigger(), rejected.problems(), rejected.failures()));
    }

    public Health health() {
        Map<String, Health.DomainHealth> domains = new LinkedHashMap<>();
        boolean allUp = true;
        for (DomainState s : registry.states()) {
            domains.put(s.domain().id(), new Health.DomainHealth(s.status().name(),
                    s.active() == null ? null : s.active().version(), s.active() == null ? null : s.activeFrom()));
            allUp &= s.status() == DomainStatus.ACTIVE;
        }
        return new Health(allUp ? "UP" : "DEGRADED", domains);
    }

    /** Problems of every domain that does not serve a version, for start-up messages. */
    public List<RuleProblem> problems() {
        return registry.states().stream().filter(s -> s.lastRejection() != null)
                .flatMap(s -> s.lastRejection().problems().stream()).toList();
    }

    private Map<String, JsonNode> examples() {
        Map<String, JsonNode> cached = examples;
        if (cached == null) {
            try {
                cached = Map.copyOf(exampleSource.get());
            } catch (RuntimeException e) {
                LOG.warn("cannot read example requests: {}", e.getMessage());
                cached = Map.of();
            }
            examples = cached;
        }
        return cached;
    }
}
