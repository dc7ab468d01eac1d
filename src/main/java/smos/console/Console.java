package smos.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.failure.Failure;
import smos.publish.Caller;
import smos.publish.ConsoleSessions;
import smos.publish.RuleSetManager;
import smos.service.DecisionService;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The web console under {@code /console}: server-rendered pages for business users and testers, which
 * read without JavaScript. Its own sign-in (a named token, then a session cookie) replaces the bearer
 * header of the API; the roles are the same. Without protected reads the read-only pages are open; the
 * sign-in page and the assets always are.
 */
public final class Console {
    public static final String ROOT = "/console";
    private static final String ASSETS = "smos/console/";
    /** htmx, from its webjar on the classpath: served by SMOS, never fetched from the internet. */
    private static final String HTMX = "htmx.min.js";

    private final DecisionService service;
    private final SignIn signIn;
    private final Domains domains;
    private final boolean protectReads;
    private final boolean tokensEnabled;
    private final ChangePages changes;
    private final AuditPages audit;
    private final TryPages tries;

    /**
     * @param tokens        the caller a token names (the API's token list), empty for an unknown token
     * @param tokensEnabled whether any token is configured (else nobody can sign in, and the page says so)
     * @param protectReads  whether reading needs a signed-in person, as {@code --protect-reads} asks of the API
     */
    public Console(DecisionService service, RuleSetManager manager, Function<String, Optional<Caller>> tokens,
                   boolean tokensEnabled, boolean protectReads) {
        this(service, manager, tokens, tokensEnabled, protectReads, null, null);
    }

    /**
     * With the decision log's services, the audit pages are served too (they say so when the log is off).
     *
     * @param impact the server's impact runs (the API's too: one per domain), null when it keeps no decision log
     */
    public Console(DecisionService service, RuleSetManager manager, Function<String, Optional<Caller>> tokens,
                   boolean tokensEnabled, boolean protectReads, smos.audit.AuditServices audit,
                   smos.impact.ImpactJobs impact) {
        ConsoleSessions sessions = manager == null ? ConsoleSessions.inMemory() : manager.store().consoleSessions();
        this.service = service;
        this.signIn = new SignIn(sessions, tokens, Clock.systemUTC());
        this.domains = new Domains(service, manager);
        this.protectReads = protectReads;
        this.tokensEnabled = tokensEnabled;
        this.tries = new TryPages(service, signIn, domains);
        this.changes = manager == null ? null : new ChangePages(manager, signIn, domains, Clock.systemUTC(), impact);
        this.audit = audit == null ? null : new AuditPages(service, audit, signIn);
    }

    /** Paths the API's bearer check leaves alone: the console checks its own sessions. */
    public static boolean owns(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    public void install(RoutesConfig routes) {
        routes.get(ROOT, ctx -> ctx.redirect(ROOT + "/domains"));
        routes.get(ROOT + "/assets/{name}", this::asset);
        routes.get(ROOT + "/sign-in", ctx -> signInPage(ctx, 200, null));
        routes.post(ROOT + "/sign-in", this::signIn);
        routes.post(ROOT + "/sign-out", ctx -> {
            signIn.checkForm(ctx);
            signIn.signOut(ctx);
            ctx.redirect(ROOT + "/sign-in");
        });
        routes.get(ROOT + "/domains", ctx -> {
            Visitor visitor = reader(ctx);
            if (visitor != null) {
                page(ctx, "domains.jte", visitor, "Domains", Map.of("domains", domains.summaries()));
            }
        });
        routes.get(ROOT + "/domains/{domain}", this::domainPage);
        tries.install(routes, this::reader);
        if (audit != null) {
            audit.install(routes);
        }
        new ScenarioPages(service, domains, signIn).install(routes, this::reader);
        if (changes != null) { // changes and history need publishing on
            changes.install(routes, this::reader);
        }
    }

    private void domainPage(Context ctx) {
        Visitor visitor = reader(ctx);
        if (visitor != null) {
            String id = ctx.pathParam("domain");
            DomainSummary summary = domains.summary(id);
            page(ctx, "domain.jte", visitor, id, Map.of("domain", summary, "workbooks", domains.workbooks(id),
                    "drafts", changes == null ? List.of() : changes.openDrafts(id)));
        }
    }

    /** The visitor, if they may read; otherwise the answer is a redirect to the sign-in page, and null. */
    private Visitor reader(Context ctx) {
        Visitor visitor = signIn.visitor(ctx);
        if (protectReads && !visitor.signedIn()) {
            ctx.redirect(ROOT + "/sign-in");
            return null;
        }
        return visitor;
    }

    private void signIn(Context ctx) {
        if (signIn.signIn(ctx, ctx.formParam("token")).isPresent()) {
            ctx.redirect(ROOT + "/domains", io.javalin.http.HttpStatus.SEE_OTHER);
        } else {
            signInPage(ctx, 401, "That token is not valid. Check it and try again.");
        }
    }

    private void signInPage(Context ctx, int status, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("formToken", signIn.signInFormToken(ctx));
        params.put("error", error);
        params.put("tokensEnabled", tokensEnabled);
        page(ctx, status, "sign-in.jte", signIn.visitor(ctx), "Sign in", params);
    }

    private static void page(Context ctx, String template, Visitor visitor, String title, Map<String, Object> params) {
        page(ctx, 200, template, visitor, title, params);
    }

    static void page(Context ctx, int status, String template, Visitor visitor, String title,
                             Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("layout", new Layout(title, visitor));
        Pages.render(ctx, status, template, all);
    }

    private void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        String type = switch (name) {
            case "console.css" -> "text/css; charset=utf-8";
            case HTMX -> "text/javascript; charset=utf-8";
            default -> null;
        };
        String resource = name.equals(HTMX) ? HtmxWebjar.RESOURCE : ASSETS + name;
        InputStream in = type == null ? null : Console.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new smos.failure.NotFoundException("no console asset " + name);
        }
        try (in) {
            ctx.status(200).contentType(type).header("Cache-Control", "public, max-age=3600").result(in.readAllBytes());
        }
    }

    /** Where htmx lies in its webjar: the folder is named by the version, read once from the webjar's Maven properties. */
    private static final class HtmxWebjar {
        static final String RESOURCE = resource();

        private static String resource() {
            try (InputStream in = Console.class.getClassLoader()
                    .getResourceAsStream("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
                if (in == null) {
                    throw new IllegalStateException("the htmx.org webjar is not on the classpath");
                }
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                return "META-INF/resources/webjars/htmx.org/" + properties.getProperty("version") + "/dist/" + HTMX;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A refused console request is a page saying why, with its status (403, 404, 409...), not JSON. */
    static void refusedAsPage(Context ctx, java.util.function.Supplier<Visitor> visitor,
                              java.util.function.Consumer<Context> handler) {
        try {
            handler.accept(ctx);
        } catch (Failure e) {
            Map<String, Object> params = new HashMap<>();
            params.put("message", e.detail());
            params.put("status", e.kind().status());
            page(ctx, e.kind().status(), "refused.jte", visitor.get(), e.kind().title(), params);
        }
    }
}
