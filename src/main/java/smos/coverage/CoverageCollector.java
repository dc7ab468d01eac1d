package smos.coverage;

import smos.engine.CompiledRuleSet;
import smos.engine.DomainRegistry;
import smos.engine.DomainState;
import smos.engine.RuleOrigin;
import smos.scenarios.ScenarioResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects which rules each scenario fired, then compares them with every rule of each domain's
 * serving version (its table rows and DRL rules, from the rule set's source map).
 */
public final class CoverageCollector {
    private static final Pattern CELL = Pattern.compile("^(.*)!([A-Z]+)(\\d+)$");

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
            CompiledRuleSet ruleSet = registry.state(domain).map(DomainState::active).orElse(null);
            Map<String, List<String>> fired = firedByDomain.getOrDefault(domain, Map.of());
            List<RuleCoverage> rules = new ArrayList<>();
            if (ruleSet != null) {
                ruleSet.origins().forEach((rule, origin) -> rules.add(new RuleCoverage(rule, origin.source(),
                        origin.location(), kind(origin), fired.getOrDefault(rule, List.of()))));
            }
            rules.sort(Comparator.comparing(RuleCoverage::source).thenComparing(r -> sortKey(r.location())));
            out.add(new DomainCoverage(domain, ruleSet == null ? null : ruleSet.version(),
                    scenarios.getOrDefault(domain, 0), rules));
        }
        return new CoverageReport(out);
    }

    private static String kind(RuleOrigin origin) {
        return CELL.matcher(origin.location()).matches() ? RuleCoverage.TABLE_ROW : RuleCoverage.DRL_RULE;
    }

    /** {@code Outcome!B23} sorts by sheet, then row number; {@code line 12} by line number. */
    private static String sortKey(String location) {
        Matcher m = CELL.matcher(location);
        if (m.matches()) {
            return m.group(1) + "!" + String.format("%08d", Integer.parseInt(m.group(3)));
        }
        String digits = location.replaceAll("\\D", "");
        return digits.isEmpty() ? location : String.format("%08d", Long.parseLong(digits));
    }
}
