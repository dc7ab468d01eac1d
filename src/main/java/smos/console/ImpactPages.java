package smos.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import smos.failure.ConflictException;
import smos.failure.ForbiddenException;
import smos.impact.ImpactJob;
import smos.impact.ImpactJobs;
import smos.impact.ImpactWindow;
import smos.publish.AccessRole;
import smos.publish.Caller;
import smos.publish.ChangeRejectedException;
import smos.publish.ChangeSet;
import smos.publish.CodeChangeForbiddenException;
import smos.publish.Draft;
import smos.publish.InvalidChangeException;
import smos.publish.RuleSetManager;
import smos.request.InvalidRequestException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The impact of a checked change on the recorded decisions, from the change page: the candidate (a
 * draft, as the publish form names it) is run over a window of the decision log by the
 * server's {@link ImpactJobs}, the same runs {@code POST /api/v1/domains/{d}/impact} starts, so there is
 * at most one per domain whichever way it was started. The run's page shows its progress, then its report.
 *
 * <p>Without JavaScript the page refreshes itself while the run goes on (a refresh inside {@code noscript})
 * and has a refresh link; with htmx the progress section polls its own address and replaces itself, and
 * the section a finished run answers with does not poll. Starting and cancelling need an editor, as the
 * API asks; reading a run needs a signed-in person, since the report shows recorded decisions.
 */
final class ImpactPages {
    /** The window the change page proposes: the last month of decisions, a sample a person can wait for. */
    static final int DEFAULT_DAYS = 30;
    private static final String NO_LOG = "Impact needs the decision log, and this server keeps none (it runs with "
            + "--audit off): there are no recorded decisions to decide again.";

    private final RuleSetManager manager;
    private final ImpactJobs jobs;
    private final SignIn signIn;
    private final ChangePages changes;
    private final Clock clock = Clock.systemUTC();

    /** {@code jobs} null: the server keeps no decision log. */
    ImpactPages(RuleSetManager manager, ImpactJobs jobs, SignIn signIn, ChangePages changes) {
        this.manager = manager;
        this.jobs = jobs;
        this.signIn = signIn;
        this.changes = changes;
    }

    void install(RoutesConfig routes) {
        String impact = Console.ROOT + "/domains/{domain}/impact";
        routes.post(impact, ctx -> changes.refusedAsPage(ctx, this::start));
        routes.get(impact + "/{id}", ctx -> changes.refusedAsPage(ctx, this::show));
        routes.post(impact + "/{id}/cancel", ctx -> changes.refusedAsPage(ctx, this::cancel));
    }

    /** What the change page offers for a checked candidate. */
    ImpactOffer offer(String domain) {
        LocalDate today = LocalDate.now(clock);
        String running = jobs == null ? null : jobs.running(domain).map(j -> location(domain, j.id())).orElse(null);
        return new ImpactOffer(jobs != null, today.minusDays(DEFAULT_DAYS).toString(), today.toString(),
                ImpactWindow.DEFAULT_LIMIT, ImpactWindow.MAX_LIMIT, running);
    }

    /** Runs the draft the form names (its files, judged as the visitor's change) over the window. */
    private void start(Context ctx) {
        Visitor visitor = changes.mayChange(ctx);
        String id = changes.known(ctx);
        ImpactJobs jobs = jobs();
        Draft draft = changes.draft(ctx, ctx.formParam("draft") == null ? "" : ctx.formParam("draft"));
        ImpactJob job;
        try {
            ImpactWindow window = window(ctx, id);
            ChangeSet candidate = draft.changes();
            Caller caller = ChangePages.caller(visitor);
            job = jobs.start(window, visitor.name(), () -> manager.trial(id, candidate, caller));
        } catch (InvalidRequestException e) {
            changes.showAgain(ctx, e.kind().status(), visitor, draft, "Check the window: " + e.getMessage());
            return;
        } catch (ConflictException e) {
            changes.showAgain(ctx, e.kind().status(), visitor, draft, "An impact run of " + id
                    + " is already running, and one runs per domain at a time: follow it (the link below) or cancel it, "
                    + "then start yours.");
            return;
        } catch (ChangeRejectedException | CodeChangeForbiddenException | InvalidChangeException e) {
            // the gate refused the candidate (the rules changed since the check, say): nothing was decided
            changes.showAgain(ctx, e.kind().status(), visitor, draft, e.detail() + " Nothing was decided.");
            return;
        }
        ctx.redirect(location(id, job.id()), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Visitor visitor = signIn.visitor(ctx);
        if (!visitor.signedIn()) {
            if (fromHtmx(ctx)) {
                ctx.header("HX-Redirect", Console.ROOT + "/sign-in"); // a whole page, not the sign-in form in the section
            }
            ctx.redirect(Console.ROOT + "/sign-in");
            return;
        }
        ImpactJob job = jobs().job(ctx.pathParam("domain"), ctx.pathParam("id"));
        showRun(ctx, visitor, job);
    }

    private void cancel(Context ctx) {
        Visitor visitor = changes.mayChange(ctx);
        ImpactJob job = jobs().cancel(ctx.pathParam("domain"), ctx.pathParam("id"));
        if (fromHtmx(ctx)) {
            showRun(ctx, visitor, job);
        } else {
            ctx.redirect(location(job.domain(), job.id()), HttpStatus.SEE_OTHER);
        }
    }

    private static void showRun(Context ctx, Visitor visitor, ImpactJob job) {
        ImpactView view = ImpactView.of(job.status(), visitor.may(AccessRole.EDITOR), visitor.csrf());
        if (fromHtmx(ctx)) {
            Pages.render(ctx, 200, "impactProgress.jte", Map.of("view", view));
        } else {
            Console.page(ctx, 200, "impact.jte", visitor, "Impact on recorded decisions: " + job.domain(),
                    Map.of("view", view));
        }
    }

    /** An htmx request for the progress section; a history restore asks for the whole page. */
    private static boolean fromHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"));
    }

    private ImpactJobs jobs() {
        if (jobs == null) {
            throw new ForbiddenException(NO_LOG);
        }
        return jobs;
    }

    static String location(String domain, String id) {
        return Console.ROOT + "/domains/" + domain + "/impact/" + id;
    }

    /**
     * The form's window: days as the date fields send them (UTC; the last day counts whole) or instants,
     * each bound optional, and the limit; a field that reads otherwise is named.
     */
    private static ImpactWindow window(Context ctx, String domain) {
        Instant from = instant(ctx.formParam("from"), "from", false);
        Instant to = instant(ctx.formParam("to"), "to", true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("to", "the window ends before it starts: " + ctx.formParam("from")
                    + " to " + ctx.formParam("to"));
        }
        return new ImpactWindow(domain, from, to, limit(ctx.formParam("limit")));
    }

    private static Instant instant(String value, String field, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "'" + text + "' is not a date (2026-11-30) or an instant "
                    + "(2026-11-30T10:00:00Z)");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return ImpactWindow.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= ImpactWindow.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidRequestException("limit", "'" + value.strip() + "' is not a whole number from 1 to "
                + ImpactWindow.MAX_LIMIT);
    }
}
