package smos.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import smos.coverage.CoverageCollector;
import smos.engine.CompiledRuleSet;
import smos.engine.DomainState;
import smos.failure.Failure;
import smos.scenarios.DomainScenarios;
import smos.service.DecisionService;
import smos.service.DomainUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /console/domains/{domain}/scenarios}: runs the scenario files of the version the domain serves,
 * with the same code as {@code POST /api/v1/domains/{domain}/scenarios/run}, and shows the failures and the
 * rows no scenario fires. Running them changes nothing, so it is a read like the other pages: opening (or
 * reloading) the page is the run, and it needs a sign-in only under {@code --protect-reads}.
 *
 * <p>A version's scenarios give the same answers every time they run (a decision depends on the version and
 * the request only, and the version's hash covers its scenario files), so the run of the serving version's
 * files is kept per domain until another version serves: the page then costs a rendering, not 50 decisions
 * and the parsing of their YAML (docs/benchmarks.md, console pages).
 *
 * <p>The serving version passed its own scenarios at the gate, so its run normally passes; a tester's new
 * scenario file is what fails. It can be uploaded here and is run against the serving version, as the API
 * runs a posted file; nothing is published. That form is a POST, so it carries the session's CSRF token.
 */
final class ScenarioPages {
    static final String FILE_FIELD = "scenarios";

    private final DecisionService service;
    private final DomainScenarios scenarios;
    private final Domains domains;
    private final SignIn signIn;
    private final Map<String, ScenariosView> lastRuns = new ConcurrentHashMap<>();

    ScenarioPages(DecisionService service, Domains domains, SignIn signIn) {
        this.service = service;
        this.scenarios = new DomainScenarios(service);
        this.domains = domains;
        this.signIn = signIn;
    }

    void install(RoutesConfig routes, Function<Context, Visitor> reader) {
        String path = Console.ROOT + "/domains/{domain}/scenarios";
        routes.get(path, ctx -> {
            Visitor visitor = reader.apply(ctx);
            if (visitor != null) {
                String id = known(ctx);
                show(ctx, visitor, servingRun(id));
            }
        });
        routes.post(path, ctx -> {
            Visitor visitor = signIn.checkForm(ctx);
            String id = known(ctx);
            UploadedFile upload = ctx.uploadedFile(FILE_FIELD);
            if (upload == null || upload.size() == 0) {
                show(ctx, visitor, ScenariosView.refused(id, "choose a scenario file (.yaml) to run"));
                return;
            }
            byte[] yaml = read(upload);
            show(ctx, visitor, run(id, upload.filename(), () -> scenarios.runPostedInDetail(id, yaml, upload.filename())));
        });
    }

    /** The kept run of the serving version's files, or a new one when another version serves now. */
    private ScenariosView servingRun(String domain) {
        String serving = service.registry().state(domain).map(DomainState::active).map(CompiledRuleSet::version).orElse(null);
        ScenariosView kept = lastRuns.get(domain);
        if (kept != null && serving != null && serving.equals(kept.version())) {
            return kept;
        }
        ScenariosView view = run(domain, null, () -> scenarios.runFilesInDetail(domain));
        if (view.ran()) {
            lastRuns.put(domain, view);
        }
        return view;
    }

    private String known(Context ctx) {
        String id = ctx.pathParam("domain");
        domains.summary(id); // a 404 naming the domains there are
        return id;
    }

    private static void show(Context ctx, Visitor visitor, ScenariosView view) {
        Console.page(ctx, view.status(), "scenarios.jte", visitor, "Scenarios of " + view.domain(), Map.of("view", view));
    }

    /** A run and its coverage; {@code posted} names an uploaded file (null: the version's own files). */
    private static ScenariosView run(String domain, String posted, Supplier<DomainScenarios.ServingRun> runner) {
        long started = System.nanoTime();
        DomainScenarios.ServingRun run;
        try {
            run = runner.get();
        } catch (DomainUnavailableException e) {
            return ScenariosView.refused(domain, domain + " serves no version, so no scenario can run: " + e.detail())
                    .withStatus(e.kind().status());
        } catch (Failure e) { // a file that is not a scenario file: the page says where
            return ScenariosView.refused(domain, e.detail()).withStatus(e.kind().status());
        }
        CoverageCollector coverage = new CoverageCollector();
        run.results().forEach(coverage::add);
        return ScenariosView.of(domain, posted, run, coverage.coverage(domain, run.version()), Instant.now(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static byte[] read(UploadedFile upload) {
        try (InputStream in = upload.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
