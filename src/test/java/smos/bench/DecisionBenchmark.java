package smos.bench;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import smos.engine.CompiledRuleSet;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.engine.Evaluation;
import smos.service.DecisionService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decisions per second for each domain, over the mix of its scenario requests:
 * <ul>
 * <li>{@code smos}: what SMOS does for a request in process: JSON bytes in, validated request, rules, decision and trace out;</li>
 * <li>{@code rawDrools}: the same knowledge base on ready-made facts, no JSON, no validation, no trace, with sessions reused
 * as SMOS reuses them: what SMOS's own layers cost;</li>
 * <li>{@code rawDroolsNewSession}: the same, with a new session per decision, the way Drools is usually called.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"returns", "compensation", "territory", "org-structure", "performance-review", "discount-approval",
                "case-escalation", "retention", "kpi-alerts", "strategy"})
        public String domain;

        DecisionService service;
        List<byte[]> json;
        List<?> typed;
        DecisionDomain<?, ?> model;
        CompiledRuleSet ruleSet;

        @Setup(Level.Trial)
        public void load() {
            model = BenchRequests.domain(domain);
            DomainRegistry registry = new DomainRegistry(BenchRequests.home(), List.of(model));
            if (!registry.load(domain).ok()) {
                throw new IllegalStateException(domain + " does not compile");
            }
            service = new DecisionService(registry, Map::of);
            ruleSet = registry.state(domain).orElseThrow().active();
            json = BenchRequests.json(domain);
            typed = BenchRequests.typed(model);
        }
    }

    /** Each thread walks the mix on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int next(int size) {
            int i = next;
            next = i + 1 == size ? 0 : i + 1;
            return i;
        }
    }

    /**
     * A session per thread for the raw limit, emptied after each decision and renewed every 100, as
     * SMOS does (Drools keeps cancelled activation-group matches in a reused session).
     */
    @State(Scope.Thread)
    public static class RawSession {
        private static final int USES = 100;
        KieSession session;
        boolean reusable;
        int uses;
        Loaded loaded;

        KieSession next() {
            if (++uses >= USES) {
                session.dispose();
                session = loaded.ruleSet.kieBase().newKieSession();
                uses = 0;
            }
            return session;
        }

        @Setup(Level.Trial)
        public void open(Loaded loaded) {
            this.loaded = loaded;
            reusable = loaded.ruleSet.sessionsReusable();
            session = loaded.ruleSet.kieBase().newKieSession();
        }

        @TearDown(Level.Trial)
        public void close() {
            session.dispose();
        }
    }

    @Benchmark
    public Object smos(Loaded loaded, Cursor cursor) {
        return loaded.service.decide(loaded.domain, loaded.json.get(cursor.next(loaded.json.size())));
    }

    @Benchmark
    public Object rawDrools(Loaded loaded, Cursor cursor, RawSession raw) {
        Object request = loaded.typed.get(cursor.next(loaded.typed.size()));
        if (!raw.reusable) {
            return rawDroolsNewSession(loaded, request);
        }
        return run(raw.next(), loaded.model, request, true);
    }

    @Benchmark
    public Object rawDroolsNewSession(Loaded loaded, Cursor cursor) {
        return rawDroolsNewSession(loaded, loaded.typed.get(cursor.next(loaded.typed.size())));
    }

    private static Object rawDroolsNewSession(Loaded loaded, Object request) {
        KieSession session = loaded.ruleSet.kieBase().newKieSession();
        try {
            return run(session, loaded.model, request, false);
        } finally {
            session.dispose();
        }
    }

    /** Facts in, stages fired in order with the facts updated between them, decision out: nothing else. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object run(KieSession session, DecisionDomain model, Object request, boolean empty) {
        Evaluation<?> evaluation = model.prepare(request);
        evaluation.globals().forEach(session::setGlobal);
        List<Object> facts = evaluation.facts();
        FactHandle[] handles = new FactHandle[facts.size()];
        for (int f = 0; f < handles.length; f++) {
            handles[f] = session.insert(facts.get(f));
        }
        List<String> stages = model.stages();
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                for (int f = 0; f < handles.length; f++) {
                    session.update(handles[f], facts.get(f));
                }
            }
            session.getAgenda().getAgendaGroup(stages.get(i)).setFocus();
            session.fireAllRules();
        }
        Object decision = evaluation.decision().get();
        if (empty) {
            for (FactHandle handle : new ArrayList<FactHandle>(session.getFactHandles())) {
                session.delete(handle);
            }
        }
        return decision;
    }
}
