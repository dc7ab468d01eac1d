package smos.engine;

import java.util.List;

/** A compiled rule set, or the problems that stopped it; never both. */
public record CompileResult(String domain, String version, CompiledRuleSet ruleSet, List<RuleProblem> problems) {

    public boolean ok() {
        return ruleSet != null;
    }

    static CompileResult failed(DomainBundle bundle, List<RuleProblem> problems) {
        return new CompileResult(bundle.domain(), bundle.version(), null, List.copyOf(problems));
    }
}
