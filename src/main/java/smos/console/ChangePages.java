package smos.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import smos.diff.CellChange;
import smos.diff.VersionChanges;
import smos.engine.RuleProblem;
import smos.engine.SourceFile;
import smos.failure.Failure;
import smos.failure.ForbiddenException;
import smos.publish.InvalidChangeException;
import smos.publish.AccessRole;
import smos.publish.Caller;
import smos.publish.ChangeRejectedException;
import smos.publish.ChangeSet;
import smos.publish.CodeChangeForbiddenException;
import smos.publish.DomainFiles;
import smos.publish.HistoryEntry;
import smos.publish.RuleSetManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changing a domain from the console: upload files and see the gate's verdict without publishing
 * ({@link RuleSetManager#trial}), then publish them with a message or discard them; and the history:
 * versions, the cells that differ between two of them, and a rollback.
 *
 * <p>Between the upload and the publish the candidate travels in the publish form itself (each file as a
 * hidden base64 field), not in a server-side draft: it then survives a restart and works behind a load
 * balancer with nothing stored, and "Discard" is just not sending it. Trusting the browser with it costs
 * nothing: the publish checks the caller's rights and gates exactly the bytes it receives, as the API does.
 * The page's base version goes with it, so a page left open while someone else published gets a 409.
 */
final class ChangePages {
    private static final String FILE_FIELD = "files";

    private final RuleSetManager manager;
    private final SignIn signIn;
    private final Domains domains;
    private final ImpactPages impact;

    /** {@code impact} null: the server keeps no decision log, and the change page says impact needs one. */
    ChangePages(RuleSetManager manager, SignIn signIn, Domains domains, smos.impact.ImpactJobs impact) {
        this.manager = manager;
        this.signIn = signIn;
        this.domains = domains;
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
        routes.post(domain + "/change", ctx -> refusedAsPage(ctx, this::tryChange));
        routes.post(domain + "/publish", ctx -> refusedAsPage(ctx, this::publish));
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

    /** Uploads are gated as a publish would gate them, and published nowhere. */
    private void tryChange(Context ctx) {
        Visitor visitor = mayChange(ctx);
        String id = known(ctx);
        String base = manager.baseVersion(id);
        List<ChangeView.Upload> files = new ArrayList<>();
        for (UploadedFile file : ctx.uploadedFiles(FILE_FIELD)) {
            if (file.size() > 0) {
                files.add(new ChangeView.Upload(file.filename(), Base64.getEncoder().encodeToString(bytes(file))));
            }
        }
        if (files.isEmpty()) {
            showChange(ctx, 400, visitor, error(id, base, files, "Choose at least one file to upload."));
            return;
        }
        showChange(ctx, 200, visitor, verdict(id, base, files, caller(visitor)));
    }

    private ChangeView verdict(String id, String base, List<ChangeView.Upload> files, Caller caller) {
        try {
            RuleSetManager.Trial trial = manager.trial(id, changeSet(files), caller);
            return new ChangeView(id, base, files, true, true, workbooks(id, files, List.of()), List.of(),
                    lines(trial.verdict().warnings()), List.of(), null);
        } catch (ChangeRejectedException e) {
            return new ChangeView(id, base, files, true, false, workbooks(id, files, e.problems()), lines(e.problems()),
                    List.of(), e.failures().stream().map(f -> new ChangeView.Failed(f.file(), f.scenario(), f.field(),
                    f.expected(), f.actual())).toList(), null); // the verdict says it: no second, vaguer line
        } catch (CodeChangeForbiddenException e) {
            return new ChangeView(id, base, files, true, false, workbooks(id, files, e.problems()), lines(e.problems()),
                    List.of(), List.of(), e.detail());
        } catch (InvalidChangeException e) {
            return error(id, base, files, e.detail());
        }
    }

    private void publish(Context ctx) {
        Visitor visitor = mayChange(ctx);
        String id = known(ctx);
        String base = ctx.formParam("base");
        List<ChangeView.Upload> files = candidate(ctx);
        String message = ctx.formParam("message") == null ? "" : ctx.formParam("message").strip();
        if (files.isEmpty()) {
            noFiles(ctx, visitor, id);
            return;
        }
        if (message.isEmpty()) {
            showAgain(ctx, 400, visitor, id, base, files, "Say in a few words what the change is for: the history keeps the message.");
            return;
        }
        try {
            manager.publish(id, changeSet(files).message(message), caller(visitor), base);
        } catch (ChangeRejectedException | CodeChangeForbiddenException | smos.failure.ConflictException e) {
            ChangeView again = e instanceof smos.failure.ConflictException
                    ? error(id, base, List.of(), e.detail() + " Upload your files again to check them against it.")
                    : verdict(id, base, files, caller(visitor));
            showChange(ctx, e.kind().status(), visitor, withError(again, e.detail()));
            return;
        }
        ctx.redirect(Console.ROOT + "/domains/" + id + "/history?published=1", HttpStatus.SEE_OTHER);
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

    /** The checked files a form carries (see the class comment), or none when any of them is missing. */
    static List<ChangeView.Upload> candidate(Context ctx) {
        List<ChangeView.Upload> files = new ArrayList<>();
        for (String name : ctx.formParams("name")) {
            files.add(new ChangeView.Upload(name, ctx.formParam("file-" + name)));
        }
        return files.stream().anyMatch(f -> f.base64() == null) ? List.of() : files;
    }

    void noFiles(Context ctx, Visitor visitor, String id) {
        showChange(ctx, 400, visitor, error(id, manager.baseVersion(id), List.of(), "The form carried no files: upload them again."));
    }

    /** The change page for these files once more: the gate's verdict on them, and a message on top. */
    void showAgain(Context ctx, int status, Visitor visitor, String id, String base, List<ChangeView.Upload> files,
                   String message) {
        showChange(ctx, status, visitor, withError(verdict(id, base, files, caller(visitor)), message));
    }

    /** A signed-in person whose role may change tables (editor or publisher), with a valid CSRF token. */
    Visitor mayChange(Context ctx) {
        Visitor visitor = signIn.checkForm(ctx);
        if (!visitor.may(AccessRole.EDITOR)) {
            throw new ForbiddenException("a " + visitor.role() + " may read the rules but not change them");
        }
        return visitor;
    }

    static Caller caller(Visitor visitor) {
        return new Caller(visitor.name(), visitor.session().role());
    }

    static ChangeSet changeSet(List<ChangeView.Upload> files) {
        ChangeSet changes = new ChangeSet();
        for (ChangeView.Upload file : files) {
            try {
                changes.put(file.name(), Base64.getDecoder().decode(file.base64()));
            } catch (IllegalArgumentException e) {
                throw new InvalidChangeException("the form's copy of " + file.name() + " is damaged; upload it again");
            }
        }
        return changes;
    }

    /** The uploaded workbooks rendered as the workbook page shows them, with the gate's problems on their cells. */
    private static List<WorkbookView> workbooks(String id, List<ChangeView.Upload> files, List<RuleProblem> problems) {
        List<WorkbookView> views = new ArrayList<>();
        for (ChangeView.Upload file : files) {
            if (file.name().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                SourceFile source = new SourceFile(DomainFiles.pathFor(id, file.name()),
                        Base64.getDecoder().decode(file.base64()), SourceFile.Kind.DECISION_TABLE);
                views.add(WorkbookView.of(source, problems, List.of()));
            }
        }
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

    private static ChangeView error(String id, String base, List<ChangeView.Upload> files, String error) {
        return new ChangeView(id, base, files, false, false, List.of(), List.of(), List.of(), List.of(), error);
    }

    private static ChangeView withError(ChangeView view, String error) {
        return new ChangeView(view.domain(), view.base(), view.files(), view.tried(), view.passed(), view.workbooks(),
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

    /** A refused console request is a page saying why, with its status (403, 404, 409...), not JSON. */
    void refusedAsPage(Context ctx, java.util.function.Consumer<Context> handler) {
        try {
            handler.accept(ctx);
        } catch (Failure e) {
            Map<String, Object> params = new HashMap<>();
            params.put("message", e.detail());
            params.put("status", e.kind().status());
            Console.page(ctx, e.kind().status(), "refused.jte", signIn.visitor(ctx), e.kind().title(), params);
        }
    }
}
