package smos.coverage;

import java.util.List;

/** The rules of one domain's serving version, and which of them its scenarios fired. */
public record DomainCoverage(String domain, String version, int scenarios, List<RuleCoverage> rules) {

    public DomainCoverage {
        rules = List.copyOf(rules);
    }

    public List<RuleCoverage> notFired() {
        return rules.stream().filter(r -> !r.fired()).toList();
    }

    public long fired() {
        return rules.stream().filter(RuleCoverage::fired).count();
    }

    public long tableRows() {
        return rules.stream().filter(RuleCoverage::tableRow).count();
    }

    public long tableRowsFired() {
        return rules.stream().filter(r -> r.tableRow() && r.fired()).count();
    }

    public boolean complete() {
        return notFired().isEmpty() && !rules.isEmpty();
    }
}
