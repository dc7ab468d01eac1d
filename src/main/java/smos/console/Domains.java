package smos.console;

import smos.checks.Finding;
import smos.checks.Severity;
import smos.checks.SpreadsheetChecks;
import smos.engine.CompiledRuleSet;
import smos.engine.DomainState;
import smos.publish.HistoryEntry;
import smos.publish.RuleSetManager;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what the console shows about domains from the service, the history and the spreadsheet checks.
 * Findings and scenario counts depend only on a version's files, so they are worked out once per version.
 */
final class Domains {
    private final DecisionService service;
    private final RuleSetManager manager;
    private final Map<String, List<Finding>> findingsByVersion = new ConcurrentHashMap<>();
    private final Map<String, Integer> scenariosByVersion = new ConcurrentHashMap<>();
    private final Map<String, List<WorkbookView>> workbooksByVersion = new ConcurrentHashMap<>();

    Domains(DecisionService service, RuleSetManager manager) {
        this.service = service;
        this.manager = manager;
    }

    List<DomainSummary> summaries() {
        return service.registry().states().stream().map(this::summary).toList();
    }

    private DomainSummary summary(DomainState state) {
        CompiledRuleSet active = state.active();
        String id = state.domain().id();
        int warnings = active == null ? 0 : (int) findings(active).stream()
                .filter(f -> f.severity() == Severity.WARNING).count();
        int scenarios = active == null ? 0 : scenarioCount(active);
        DomainSummary.Refusal refusal = state.lastRejection() == null ? null : new DomainSummary.Refusal(
                state.lastRejection().version(), state.lastRejection().at(), state.lastRejection().trigger(),
                state.lastRejection().problems(), state.lastRejection().failures());
        return new DomainSummary(id, state.domain().description(), state.status().name(),
                active == null ? null : active.version(), active == null ? null : state.activeFrom(),
                lastChange(id), warnings, scenarios, refusal);
    }

    private DomainSummary.LastChange lastChange(String id) {
        if (manager == null) {
            return null;
        }
        List<HistoryEntry> history = manager.history(id);
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.intact()) {
                return new DomainSummary.LastChange(entry.publishedBy(), entry.at(), entry.action(), entry.message());
            }
        }
        return null;
    }

    /** The domain's summary, or a 404 naming the domains there are. */
    DomainSummary summary(String id) {
        return service.registry().state(id).map(this::summary).orElseThrow(() -> new smos.failure.NotFoundException(
                "no domain " + id + "; the domains are " + String.join(", ", service.domainIds())));
    }

    /** The active version's workbooks with its findings on their cells (it compiled, so it has no compile problems). */
    List<WorkbookView> workbooks(String id) {
        summary(id);
        CompiledRuleSet active = service.registry().state(id).map(DomainState::active).orElse(null);
        if (active == null) {
            return List.of();
        }
        return workbooksByVersion.computeIfAbsent(active.version(), v -> active.sources().files().stream()
                .filter(f -> f.kind() == smos.engine.SourceFile.Kind.DECISION_TABLE)
                .map(f -> WorkbookView.of(f, List.of(), findings(active))).toList());
    }

    List<Finding> findings(CompiledRuleSet ruleSet) {
        return findingsByVersion.computeIfAbsent(ruleSet.version(), v -> new SpreadsheetChecks().check(ruleSet.sources()));
    }

    private int scenarioCount(CompiledRuleSet ruleSet) {
        return scenariosByVersion.computeIfAbsent(ruleSet.version(), v -> ruleSet.bundle().scenarios().entrySet().stream()
                .mapToInt(file -> ScenarioLoader.load(file.getValue(), file.getKey()).scenarios().size()).sum());
    }
}
