package smos.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.audit.AuditAccess;
import smos.audit.AuditLog;
import smos.audit.AuditPage;
import smos.audit.AuditQuery;
import smos.audit.AuditRecord;
import smos.audit.AuditServices;
import smos.audit.Replay;
import smos.engine.DomainState;
import smos.engine.FiredRule;
import smos.failure.Failure;
import smos.failure.ForbiddenException;
import smos.failure.NotFoundException;
import smos.request.InvalidRequestException;
import smos.request.Json;
import smos.service.DecisionService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The console's audit pages: search the decision log, open one record with its trace on the sheet, and
 * replay it. They read through the same {@code smos.audit} code as the API's audit routes (the query,
 * the view of a record, the replay) and apply the same rule of who may read ({@link AuditAccess}); unlike
 * the other read-only pages they always need a signed-in person, since the log holds customers' requests.
 */
final class AuditPages {
    static final String PATH = Console.ROOT + "/audit";
    /** A page of the console's table: enough to scan by eye; the next page is a link away. */
    private static final int PAGE_ROWS = 50;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private final DecisionService service;
    private final AuditServices audit;
    private final SignIn signIn;

    AuditPages(DecisionService service, AuditServices audit, SignIn signIn) {
        this.service = service;
        this.audit = audit;
        this.signIn = signIn;
    }

    void install(RoutesConfig routes) {
        routes.get(PATH, ctx -> refusedAsPage(ctx, this::search));
        routes.get(PATH + "/{id}", ctx -> refusedAsPage(ctx, this::record));
        routes.post(PATH + "/{id}/replay", ctx -> refusedAsPage(ctx, this::replay));
    }

    private void search(Context ctx) {
        Visitor visitor = reader(ctx);
        if (visitor == null) {
            return;
        }
        AuditSearchView.Filters filters = new AuditSearchView.Filters(param(ctx, "domain"), param(ctx, "from"),
                param(ctx, "to"), param(ctx, "version"), param(ctx, "caller"), param(ctx, "status"));
        List<String> domains = domainChoices(filters.domain());
        if (!audit.recorder().enabled()) {
            show(ctx, 200, visitor, new AuditSearchView(false, filters, domains, List.of(), "", null));
            return;
        }
        AuditQuery query;
        try {
            Map<String, String> form = new HashMap<>(ctx.queryParamMap().size());
            ctx.queryParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? null : values.get(0)));
            form.putIfAbsent("limit", Integer.toString(PAGE_ROWS));
            query = AuditQuery.of(form::get);
        } catch (InvalidRequestException e) {
            // each field named with what is wrong with it ("from: 'last tuesday' is not a date ...")
            show(ctx, 400, visitor, new AuditSearchView(true, filters, domains, List.of(), "", e.getMessage()));
            return;
        }
        AuditPage page = audit.recorder().log().query(query);
        List<AuditSearchView.Row> rows = page.records().stream().map(r -> new AuditSearchView.Row(r.decisionId(),
                time(r.decidedAt()), r.domain(), r.rulesetVersion(), shortVersion(r.rulesetVersion()), r.caller(),
                r.status(), duration(r.durationMicros()))).toList();
        show(ctx, 200, visitor, new AuditSearchView(true, filters, domains, rows,
                page.next() == null ? "" : nextPage(ctx, page.next()), null));
    }

    private void record(Context ctx) {
        Visitor visitor = reader(ctx);
        if (visitor != null) {
            showRecord(ctx, 200, visitor, view(find(ctx.pathParam("id"))));
        }
    }

    /** Runs the API's replay (a read: it changes nothing) and shows its outcome on the record's page. */
    private void replay(Context ctx) {
        Visitor visitor = signIn.checkForm(ctx);
        checkRole(visitor);
        AuditRecordView view = view(find(ctx.pathParam("id")));
        if (audit.replay() == null) {
            showRecord(ctx, 409, visitor, view.withReplay(null, AuditAccess.NO_HISTORY));
            return;
        }
        try {
            Replay.Result result = audit.replay().replay(view.decisionId());
            showRecord(ctx, 200, visitor, view.withReplay(new AuditRecordView.ReplayOutcome(result.identical(),
                    result.differences().stream().map(d -> new AuditRecordView.Difference(d.field(),
                            text(d.recorded()), text(d.replayed()))).toList()), null));
        } catch (Failure e) {
            showRecord(ctx, e.kind().status(), visitor, view.withReplay(null, e.detail()));
        }
    }

    /** The visitor if signed in with a role that reads the log; else a redirect to the sign-in page, and null. */
    private Visitor reader(Context ctx) {
        Visitor visitor = signIn.visitor(ctx);
        if (!visitor.signedIn()) {
            ctx.redirect(Console.ROOT + "/sign-in");
            return null;
        }
        checkRole(visitor);
        return visitor;
    }

    private static void checkRole(Visitor visitor) {
        if (!visitor.may(AuditAccess.READER)) {
            throw new ForbiddenException(visitor.name() + " has the role " + visitor.role() + ", which may not "
                    + AuditAccess.READING + "; that needs the role " + AuditAccess.READER.label() + " or above");
        }
    }

    private AuditLog log() {
        if (!audit.recorder().enabled()) {
            throw new ForbiddenException(AuditAccess.OFF);
        }
        return audit.recorder().log();
    }

    private AuditRecord find(String id) {
        return log().find(id).orElseThrow(() -> new NotFoundException("the decision log holds no decision " + id));
    }

    private AuditRecordView view(AuditRecord r) {
        List<TryView.Step> trace = trace(r);
        String serving = service.registry().state(r.domain()).map(DomainState::active)
                .map(active -> active.version()).orElse(null);
        String note = trace.isEmpty() ? null : r.rulesetVersion().equals(serving)
                ? "The rows are those of version " + shortVersion(r.rulesetVersion()) + ", the version serving now."
                : "The rows are those of version " + shortVersion(r.rulesetVersion()) + ", which made this decision;"
                + " the workbook page shows the version serving now"
                + (serving == null ? "" : " (" + shortVersion(serving) + ")") + ", where a row may have changed.";
        return new AuditRecordView(r.decisionId(), time(r.decidedAt()), r.domain(), r.rulesetVersion(),
                r.caller(), r.status(), duration(r.durationMicros()), pretty(r.request()), pretty(r.decision()),
                pretty(r.problem()), r.refused() ? r.bodyPrefix() : null, r.refused() ? r.bodySha256() : null, trace,
                note, null, null);
    }

    /** The recorded trace, each fired table row linked to its row on the sheet, as the try page links it. */
    private static List<TryView.Step> trace(AuditRecord r) {
        JsonNode fired = tree(r.trace());
        List<TryView.Step> steps = new ArrayList<>();
        if (fired != null && fired.isArray()) {
            for (JsonNode step : fired) {
                steps.add(TryView.Step.of(r.domain(), new FiredRule(step.path("rule").asText(),
                        step.path("source").asText(), step.hasNonNull("location") ? step.get("location").asText() : null)));
            }
        }
        return steps;
    }

    /** The domains to choose from: those served, and one asked for that is not served any more. */
    private List<String> domainChoices(String asked) {
        TreeSet<String> domains = new TreeSet<>(service.domainIds());
        if (!asked.isEmpty()) {
            domains.add(asked);
        }
        return List.copyOf(domains);
    }

    /** This search's address with the cursor of the next page. */
    private static String nextPage(Context ctx, String cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : List.of("domain", "from", "to", "version", "caller", "status", "limit")) {
            String value = param(ctx, name);
            if (!value.isEmpty()) {
                params.put(name, value);
            }
        }
        params.put("before", cursor);
        StringBuilder address = new StringBuilder(PATH);
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            address.append(separator).append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return address.toString();
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    private static String shortVersion(String version) {
        return version == null ? "" : version.substring(0, Math.min(12, version.length()));
    }

    /** To the millisecond, in UTC as the headings say: {@code 2026-12-01 03:36:21.816}. */
    private static String time(java.time.Instant at) {
        return TIME.format(at);
    }

    private static String duration(Long micros) {
        return micros == null ? "" : String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Json.mapper().getNodeFactory().textNode(json); // a request kept as received may not be JSON
        }
    }

    private static String pretty(String json) {
        JsonNode node = tree(json);
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "(absent)";
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always written", e);
        }
    }

    private static void show(Context ctx, int status, Visitor visitor, AuditSearchView view) {
        Console.page(ctx, status, "audit.jte", visitor, "Decision log", Map.of("view", view));
    }

    private static void showRecord(Context ctx, int status, Visitor visitor, AuditRecordView view) {
        Console.page(ctx, status, "audit-record.jte", visitor, "Decision " + view.decisionId(), Map.of("view", view));
    }

    private void refusedAsPage(Context ctx, java.util.function.Consumer<Context> handler) {
        Console.refusedAsPage(ctx, () -> signIn.visitor(ctx), handler);
    }
}
