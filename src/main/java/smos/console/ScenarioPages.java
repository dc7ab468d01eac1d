package smos.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.coverage.CoverageCollector;
import smos.scenarios.DomainScenarios;
import smos.service.DecisionService;
import smos.service.DomainUnavailableException;

import java.util.Map;
import java.util.function.Function;

/**
 * {@code /console/domains/{domain}/scenarios}: runs the scenario files of the version the domain serves,
 * with the same code as {@code POST /api/v1/domains/{domain}/scenarios/run}, and shows the failures and the
 * rows no scenario fires. Running scenarios changes nothing, so it is a read like the other pages: opening
 * (or reloading) the page is the run, and it needs a sign-in only under {@code --protect-reads}.
 */
final class ScenarioPages {
    private final DomainScenarios scenarios;
    private final Domains domains;

    ScenarioPages(DecisionService service, Domains domains) {
        this.scenarios = new DomainScenarios(service);
        this.domains = domains;
    }

    void install(RoutesConfig routes, Function<Context, Visitor> reader) {
        routes.get(Console.ROOT + "/domains/{domain}/scenarios", ctx -> {
            Visitor visitor = reader.apply(ctx);
            if (visitor != null) {
                String id = ctx.pathParam("domain");
                domains.summary(id); // a 404 naming the domains there are
                ScenariosView view = run(id);
                Console.page(ctx, view.error() == null ? 200 : 503, "scenarios.jte", visitor, "Scenarios of " + id,
                        Map.of("view", view));
            }
        });
    }

    ScenariosView run(String domain) {
        long started = System.nanoTime();
        DomainScenarios.ServingRun run;
        try {
            run = scenarios.runFilesInDetail(domain);
        } catch (DomainUnavailableException e) {
            return ScenariosView.unavailable(domain, e.detail());
        }
        CoverageCollector coverage = new CoverageCollector();
        run.results().forEach(coverage::add);
        return ScenariosView.of(domain, run, coverage.coverage(domain, run.version()),
                (System.nanoTime() - started) / 1_000_000);
    }
}
