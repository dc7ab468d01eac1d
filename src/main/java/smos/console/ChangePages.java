package smos.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import smos.diff.CellChange;
import smos.diff.VersionChanges;
import smos.engine.RuleProblem;
import smos.engine.SourceFile;
import smos.failure.ForbiddenException;
import smos.publish.InvalidChangeException;
import smos.publish.AccessRole;
import smos.publish.Caller;
import smos.publish.ChangeRejectedException;
import smos.publish.CodeChangeForbiddenException;
import smos.publish.DomainFiles;
import smos.publish.Draft;
import smos.publish.Drafts;
import smos.publish.HistoryEntry;
import smos.publish.RuleSetManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changing a domain from the console: upload files, which become a {@link Draft} kept in the rule store,
 * and see the gate's verdict on it without publishing ({@link RuleSetManager#trial}), then publish it with
 * a message or discard it; and the history: versions, the cells that differ between two of them, and a
 * rollback.
 *
 * <p>The draft lives in the rule store, not in the page or this process: it survives a restart, opens on
 * any replica behind a load balancer, and the domain page lists it for the team. It remembers the version
 * it was made on, and its publish names that version as its base, so a draft left open while someone else
 * published gets the 409. What the gate says of it is worked out again each time it is shown.
 */
final class ChangePages {
    private static final String FILE_FIELD = "files";

    private final RuleSetManager manager;
    private final SignIn signIn;
    private final Domains domains;
    private final Drafts drafts;
    private final Clock clock;
    private final ImpactPages impact;

    /** {@code impact} null: the server keeps no decision log, and the change page says impact needs one. */
    ChangePages(RuleSetManager manager, SignIn signIn, Domains domains, Clock clock, smos.impact.ImpactJobs impact) {
        this.manager = manager;
        this.signIn = signIn;
        this.domains = domains;
        this.drafts = manager.store().drafts();
        this.clock = clock;
        this.impact = new ImpactPages(manager, impact, signIn, this);
    }

    void install(RoutesConfig routes, java.util.function.Function<Context, Visitor> reader) {
        String domain = Console.ROOT + "/domains/{domain}";
        routes.get(domain + "/change", ctx -> {
            Visitor visitor = reader.apply(ctx);
            if (visitor != null) {
                String id = known(ctx);
                showChange(ctx, 200, visitor, ChangeView.empty(id, manager.baseVersion(id)));
            }
        });
        routes.post(domain + "/change", ctx -> refusedAsPage(ctx, this::upload));
        routes.get(domain + "/drafts/{draft}", ctx -> {
            Visitor visitor = reader.apply(ctx);
            if (visitor != null) {
                refusedAsPage(ctx, c -> showDraft(c, visitor));
            }
        });
        routes.post(domain + "/drafts/{draft}/publish", ctx -> refusedAsPage(ctx, this::publish));
        routes.post(domain + "/drafts/{draft}/discard", ctx -> refusedAsPage(ctx, this::discard));
        routes.get(domain + "/history", ctx -> {
            Visitor visitor = reader.apply(ctx);
            if (visitor != null) {
                refusedAsPage(ctx, c -> history(c, visitor));
            }
        });
        routes.post(domain + "/rollback", ctx -> refusedAsPage(ctx, this::rollback));
        impact.install(routes);
    }

    String known(Context ctx) {
        String id = ctx.pathParam("domain");
        domains.summary(id); // a 404 for an unknown domain
        return id;
    }

    /** The domain's open drafts, oldest first, for its page. */
    List<ChangeView.DraftInfo> openDrafts(String id) {
        String active = manager.baseVersion(id);
        return drafts.list(id).stream().map(d -> info(d, active)).toList();
    }

    /** An upload becomes a draft made on the version serving now; its page shows the gate's verdict. */
    private void upload(Context ctx) {
        Visitor visitor = mayChange(ctx);
        String id = known(ctx);
        String base = manager.baseVersion(id);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (UploadedFile file : ctx.uploadedFiles(FILE_FIELD)) {
            if (file.size() > 0) {
                files.put(file.filename(), bytes(file));
            }
        }
        if (files.isEmpty()) {
            showChange(ctx, 400, visitor, error(id, base, null, "Choose at least one file to upload."));
            return;
        }
        try {
            files.keySet().forEach(name -> DomainFiles.pathFor(id, name)); // a name no publish takes makes no draft
        } catch (InvalidChangeException e) {
            showChange(ctx, 400, visitor, error(id, base, null, e.detail()));
            return;
        }
        Draft draft = Draft.of(id, base, visitor.name(), clock.instant(), files);
        drafts.save(draft);
        ctx.redirect(draftPath(draft), HttpStatus.SEE_OTHER);
    }

    private void showDraft(Context ctx, Visitor visitor) {
        Draft draft = draft(ctx);
        showChange(ctx, 200, visitor, verdict(draft, judgedAs(visitor)));
    }

    /** The gate's verdict on the draft now, against the version serving now, for a change by {@code caller}. */
    private ChangeView verdict(Draft draft, Caller caller) {
        String id = draft.domain();
        ChangeView.DraftInfo info = info(draft, manager.baseVersion(id));
        try {
            RuleSetManager.Trial trial = manager.trial(id, draft.changes(), caller);
            return new ChangeView(id, draft.base(), info, true, true, workbooks(draft, List.of()), List.of(),
                    lines(trial.verdict().warnings()), List.of(), null);
        } catch (ChangeRejectedException e) {
            return new ChangeView(id, draft.base(), info, true, false, workbooks(draft, e.problems()), lines(e.problems()),
                    List.of(), e.failures().stream().map(f -> new ChangeView.Failed(f.file(), f.scenario(), f.field(),
                    f.expected(), f.actual())).toList(), null); // the verdict says it: no second, vaguer line
        } catch (CodeChangeForbiddenException e) {
            return new ChangeView(id, draft.base(), info, true, false, workbooks(draft, e.problems()), lines(e.problems()),
                    List.of(), List.of(), e.detail());
        } catch (InvalidChangeException e) {
            return error(id, draft.base(), info, e.detail());
        }
    }

    /** Publishes the draft on the version it was made on (its base, as If-Match), then forgets it. */
    private void publish(Context ctx) {
        Visitor visitor = mayChange(ctx);
        Draft draft = draft(ctx);
        String message = ctx.formParam("message") == null ? "" : ctx.formParam("message").strip();
        if (message.isEmpty()) {
            ChangeView again = verdict(draft, caller(visitor));
            showChange(ctx, 400, visitor, withError(again, "Say in a few words what the change is for: the history keeps the message."));
            return;
        }
        try {
            manager.publish(draft.domain(), draft.changes().message(message), caller(visitor), draft.base());
        } catch (ChangeRejectedException | CodeChangeForbiddenException | smos.failure.ConflictException e) {
            String detail = e instanceof smos.failure.ConflictException
                    ? e.detail() + " Upload your files again to check them against it, and discard this draft."
                    : e.detail();
            showChange(ctx, e.kind().status(), visitor, withError(verdict(draft, caller(visitor)), detail));
            return;
        }
        drafts.remove(draft.domain(), draft.id());
        ctx.redirect(Console.ROOT + "/domains/" + draft.domain() + "/history?published=1", HttpStatus.SEE_OTHER);
    }

    private void discard(Context ctx) {
        mayChange(ctx);
        Draft draft = draft(ctx);
        drafts.remove(draft.domain(), draft.id());
        ctx.redirect(Console.ROOT + "/domains/" + draft.domain() + "/change", HttpStatus.SEE_OTHER);
    }

    /** The draft the path names, or a 404 (published, discarded, or never made). */
    private Draft draft(Context ctx) {
        return draft(ctx, ctx.pathParam("draft"));
    }

    /** The draft {@code draftId} of the path's domain, or a 404. */
    Draft draft(Context ctx, String draftId) {
        String id = known(ctx);
        return drafts.find(id, draftId).orElseThrow(() -> new smos.failure.NotFoundException("no draft " + draftId
                + " of " + id + ": it was published or discarded; the domain page lists the open ones"));
    }

    private ChangeView.DraftInfo info(Draft draft, String active) {
        return new ChangeView.DraftInfo(draft.id(), draftPath(draft), draft.base(), active, draft.author(),
                draft.created().toString(), age(Duration.between(draft.created(), clock.instant())),
                List.copyOf(draft.files().keySet()));
    }

    private static String draftPath(Draft draft) {
        return Console.ROOT + "/domains/" + draft.domain() + "/drafts/" + draft.id();
    }

    /** How long ago, in the largest whole unit: what a person scanning a list wants. */
    static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + (age.toDays() == 1 ? " day ago" : " days ago");
    }

    private void history(Context ctx, Visitor visitor) {
        String id = known(ctx);
        String from = blankToNull(ctx.queryParam("from"));
        String to = blankToNull(ctx.queryParam("to"));
        List<CellChange> cells = List.of();
        List<String> others = List.of();
        if (from != null && to != null) {
            VersionChanges changes = manager.changes(id, from, to);
            cells = changes.cells();
            Set<String> cellLines = cells.stream().map(CellChange::summary).collect(Collectors.toSet());
            others = changes.summaries().stream().filter(s -> !cellLines.contains(s)).toList();
        }
        String message = ctx.queryParam("published") != null ? "Published: the new version serves now."
                : ctx.queryParam("rolledBack") != null ? "Rolled back: that version serves now." : null;
        showHistory(ctx, 200, visitor, history(id, from, to, cells, others, message, null));
    }

    private HistoryView history(String id, String from, String to, List<CellChange> cells, List<String> others,
                                String message, String error) {
        String serving = manager.baseVersion(id);
        List<HistoryView.Version> versions = new ArrayList<>();
        List<HistoryEntry> entries = manager.history(id);
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            versions.add(new HistoryView.Version(e.version(), e.version() == null ? "" : e.version().substring(0, Math.min(12, e.version().length())),
                    e.at() == null ? "" : e.at().toString(), e.action(), e.publishedBy(), e.message(),
                    e.changes() == null ? List.of() : e.changes(), i == entries.size() - 1 && e.version().equals(serving),
                    e.intact()));
        }
        return new HistoryView(id, serving, versions, from, to, cells, others, message, error);
    }

    private void rollback(Context ctx) {
        Visitor visitor = signIn.checkForm(ctx);
        if (!visitor.may(AccessRole.PUBLISHER)) {
            throw new ForbiddenException("only a publisher may roll back; you are signed in as " + visitor.role());
        }
        String id = known(ctx);
        try {
            manager.rollback(id, ctx.formParam("version"), caller(visitor), ctx.formParam("base"));
        } catch (ChangeRejectedException | smos.failure.ConflictException e) {
            showHistory(ctx, e.kind().status(), visitor, history(id, null, null, List.of(), List.of(), null, e.detail()));
            return;
        }
        ctx.redirect(Console.ROOT + "/domains/" + id + "/history?rolledBack=1", HttpStatus.SEE_OTHER);
    }

    /** The draft's page once more: the gate's verdict on it, and a message on top. */
    void showAgain(Context ctx, int status, Visitor visitor, Draft draft, String message) {
        showChange(ctx, status, visitor, withError(verdict(draft, caller(visitor)), message));
    }

    /** A signed-in person whose role may change tables (editor or publisher), with a valid CSRF token. */
    Visitor mayChange(Context ctx) {
        Visitor visitor = signIn.checkForm(ctx);
        if (!visitor.may(AccessRole.EDITOR)) {
            throw new ForbiddenException("a " + visitor.role() + " may read the rules but not change them");
        }
        return visitor;
    }

    /** Whose rights a draft is judged by: the visitor's when they may change rules, else an editor's (what most who could publish it may do). */
    private static Caller judgedAs(Visitor visitor) {
        return visitor.may(AccessRole.EDITOR) ? caller(visitor) : new Caller(visitor.signedIn() ? visitor.name() : "reader",
                AccessRole.EDITOR);
    }

    static Caller caller(Visitor visitor) {
        return new Caller(visitor.name(), visitor.session().role());
    }

    /** The uploaded workbooks rendered as the workbook page shows them, with the gate's problems on their cells. */
    private static List<WorkbookView> workbooks(Draft draft, List<RuleProblem> problems) {
        List<WorkbookView> views = new ArrayList<>();
        draft.files().forEach((name, bytes) -> {
            if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                SourceFile source = new SourceFile(DomainFiles.pathFor(draft.domain(), name), bytes,
                        SourceFile.Kind.DECISION_TABLE);
                views.add(WorkbookView.of(source, problems, List.of()));
            }
        });
        return views;
    }

    static List<ChangeView.Line> lines(List<RuleProblem> problems) {
        return problems.stream().map(p -> new ChangeView.Line(where(p), p.message())).toList();
    }

    private static String where(RuleProblem p) {
        if (p.sheet() != null && p.cell() != null) {
            return p.sheet() + "!" + p.cell().replace("$", "");
        }
        if (p.line() != null) {
            return p.file() + ", line " + p.line();
        }
        return p.sheet() != null ? p.sheet() : p.file() == null ? "" : p.file();
    }

    private static ChangeView error(String id, String base, ChangeView.DraftInfo draft, String error) {
        return new ChangeView(id, base, draft, false, false, List.of(), List.of(), List.of(), List.of(), error);
    }

    private static ChangeView withError(ChangeView view, String error) {
        return new ChangeView(view.domain(), view.base(), view.draft(), view.tried(), view.passed(), view.workbooks(),
                view.problems(), view.warnings(), view.failures(), error);
    }

    private static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void showChange(Context ctx, int status, Visitor visitor, ChangeView view) {
        Console.page(ctx, status, "change.jte", visitor, "Change " + view.domain(), Map.of("view", view,
                "impact", impact.offer(view.domain())));
    }

    private static void showHistory(Context ctx, int status, Visitor visitor, HistoryView view) {
        Console.page(ctx, status, "history.jte", visitor, "History of " + view.domain(), Map.of("view", view));
    }

    void refusedAsPage(Context ctx, java.util.function.Consumer<Context> handler) {
        Console.refusedAsPage(ctx, () -> signIn.visitor(ctx), handler);
    }
}
