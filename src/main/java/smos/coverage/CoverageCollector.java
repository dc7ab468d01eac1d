package smos.coverage;

import smos.engine.CompiledRuleSet;
import smos.engine.DomainRegistry;
import smos.engine.DomainState;
import smos.engine.RuleOrigin;
import smos.scenarios.ScenarioResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects which rules each scenario fired, then compares them with every rule of each domain's
 * serving version (its table rows and DRL rules, from the rule set's source map).
 */
public final class CoverageCollector {
    private final Map<String, Map<String, List<String>>> firedByDomain = new LinkedHashMap<>();
    private final Map<String, Integer> scenarios = new LinkedHashMap<>();

    public void add(ScenarioResult result) {
        Map<String, List<String>> fired = firedByDomain.computeIfAbsent(result.domain(), d -> new LinkedHashMap<>());
        scenarios.merge(result.domain(), 1, Integer::sum);
        String scenario = result.file() + " :: " + result.scenario();
        for (String rule : result.firedRules()) {
            List<String> by = fired.computeIfAbsent(rule, r -> new ArrayList<>());
            if (!by.contains(scenario)) {
                by.add(scenario);
            }
        }
    }

    /** The domains whose scenarios were run. */
    public Collection<String> domainsRun() {
        return scenarios.keySet();
    }

    /** Coverage of the given domains against what the registry serves for each. */
    public CoverageReport report(DomainRegistry registry, Collection<String> domains) {
        List<DomainCoverage> out = new ArrayList<>();
        for (String domain : domains) {
            out.add(coverage(domain, registry.state(domain).map(DomainState::active).orElse(null)));
        }
        return new CoverageReport(out);
    }

    /** Coverage of one domain against the given version of its rules (none: null), e.g. the one a run met. */
    public DomainCoverage coverage(String domain, CompiledRuleSet ruleSet) {
        Map<String, List<String>> fired = firedByDomain.getOrDefault(domain, Map.of());
        List<RuleCoverage> rules = new ArrayList<>();
        if (ruleSet != null) {
            ruleSet.origins().entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(RuleOrigin.READING_ORDER))
                    .forEach(e -> rules.add(new RuleCoverage(e.getKey(), e.getValue().source(), e.getValue().location(),
                            kind(e.getValue()), fired.getOrDefault(e.getKey(), List.of()))));
        }
        return new DomainCoverage(domain, ruleSet == null ? null : ruleSet.version(), scenarios.getOrDefault(domain, 0), rules);
    }

    private static String kind(RuleOrigin origin) {
        return origin.isTableRow() ? RuleCoverage.TABLE_ROW : RuleCoverage.DRL_RULE;
    }
}
