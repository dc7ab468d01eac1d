package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import smos.checks.Finding;
import smos.checks.Findings;
import smos.checks.Severity;
import smos.checks.SpreadsheetChecks;
import smos.engine.CompileResult;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compile every domain and check its spreadsheets; print each problem and finding with its file and cell or line.",
                "Exit code 1 on any problem or error finding; warnings are printed and do not fail."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--info", description = "Also list the information findings: where rows of first-match tables overlap, and which row wins.")
    boolean info;

    @Override
    public Integer call() {
        Path dir = home.resolve();
        DomainRegistry registry = new DomainRegistry(dir, DomainRegistry.discover());
        SpreadsheetChecks checks = new SpreadsheetChecks();
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (CompileResult result : registry.loadAll()) {
            List<Finding> findings = Findings.besides(checks.check(DomainSources.scan(dir, result.domain())),
                    result.problems());
            int domainErrors = result.problems().size() + Findings.of(findings, Severity.ERROR).size();
            int domainInfos = Findings.of(findings, Severity.INFO).size();
            if (domainErrors == 0) {
                System.out.println("ok      " + result.domain() + " (version " + result.version() + ", "
                        + result.ruleSet().origins().size() + " rules"
                        + (domainInfos > 0 && !info ? "; " + domainInfos + " information findings, see --info" : "") + ")");
            } else {
                System.out.println("FAILED  " + result.domain() + " (version " + result.version() + ")");
            }
            result.problems().forEach(p -> System.out.println("        " + p));
            // what was not analysed is always listed: silence must mean "checked"
            findings.stream().filter(f -> info || f.severity() != Severity.INFO || f.check().equals("not-analysed"))
                    .forEach(f -> System.out.println("        " + f));
            errors += domainErrors;
            warnings += Findings.of(findings, Severity.WARNING).size();
            infos += domainInfos;
        }
        System.out.println((errors == 0 ? "no problems" : errors + " problem(s)") + ", " + warnings + " warning(s), "
                + infos + " information finding(s)");
        return errors == 0 ? 0 : 1;
    }
}
