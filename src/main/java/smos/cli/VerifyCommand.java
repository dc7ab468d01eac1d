package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import smos.engine.CompileResult;
import smos.engine.DomainRegistry;

import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compile every domain and print each problem with its file and cell or line; exit code 1 on any.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Override
    public Integer call() {
        DomainRegistry registry = new DomainRegistry(home.resolve(), DomainRegistry.discover());
        int problems = 0;
        for (CompileResult result : registry.loadAll()) {
            if (result.ok()) {
                System.out.println("ok      " + result.domain() + " (version " + result.version() + ", "
                        + result.ruleSet().origins().size() + " rules)");
            } else {
                System.out.println("FAILED  " + result.domain() + " (version " + result.version() + ")");
                result.problems().forEach(p -> System.out.println("        " + p));
                problems += result.problems().size();
            }
        }
        System.out.println(problems == 0 ? "no problems" : problems + " problem(s)");
        return problems == 0 ? 0 : 1;
    }
}
