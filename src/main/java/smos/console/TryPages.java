package smos.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.contract.OpenApiDocument;
import smos.contract.RequestSchema;
import smos.failure.Failure;
import smos.request.FieldError;
import smos.request.InvalidRequestException;
import smos.request.Json;
import smos.service.DecisionResponse;
import smos.service.DecisionService;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Try a decision: {@code /console/domains/{domain}/try} shows a form drawn from the domain's request
 * schema and the same request as JSON, both prefilled with the domain's example. Either is posted to the
 * same address; the form's fields are first turned into the JSON request, and from there both take the
 * one path a decision takes, so an error reads as the API would give it, naming the field.
 */
final class TryPages {
    /** The posted field that says the request comes as JSON text rather than as the form's fields. */
    static final String JSON_FIELD = "request";
    /** The posted field that says the form's fields make the request. */
    static final String FORM_MARK = "form";

    private final DecisionService service;
    private final SignIn signIn;
    private final Domains domains;
    private Map<String, TryForm> forms;

    TryPages(DecisionService service, SignIn signIn, Domains domains) {
        this.service = service;
        this.signIn = signIn;
        this.domains = domains;
    }

    void install(RoutesConfig routes, Function<Context, Visitor> reader) {
        routes.get(Console.ROOT + "/domains/{domain}/try", ctx -> {
            Visitor visitor = reader.apply(ctx);
            if (visitor != null) {
                String id = ctx.pathParam("domain");
                domains.summary(id);
                String example = example(id);
                show(ctx, 200, visitor, new TryView(id, form(id).fields(parse(example), Map.of()), example, null,
                        List.of(), null, List.of()));
            }
        });
        routes.post(Console.ROOT + "/domains/{domain}/try", this::decide);
    }

    /**
     * Decides the request with the serving rules. A console trial is not put on the decision record: it
     * is a person trying the rules, not a decision the business acts on.
     */
    private void decide(Context ctx) {
        Visitor visitor = signIn.checkForm(ctx);
        String id = ctx.pathParam("domain");
        domains.summary(id);
        TryForm form = form(id);
        String request;
        if (ctx.formParam(FORM_MARK) != null) {
            request = pretty(form.read(ctx.formParamMap()));
        } else {
            request = ctx.formParam(JSON_FIELD) == null ? "" : ctx.formParam(JSON_FIELD);
        }
        JsonNode sent = parse(request);
        try {
            DecisionResponse answer = service.decide(id, request.getBytes(StandardCharsets.UTF_8));
            show(ctx, 200, visitor, new TryView(id, form.fields(sent, Map.of()), request, pretty(answer.decision()),
                    answer.trace().stream().map(f -> TryView.Step.of(id, f)).toList(), null, List.of()));
        } catch (Failure e) {
            List<FieldError> errors = e instanceof InvalidRequestException invalid ? invalid.errors() : List.of();
            Map<String, String> byField = new LinkedHashMap<>();
            errors.forEach(f -> byField.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
            // JSON that cannot be read leaves the form as it was drawn: with the example
            JsonNode shown = sent != null ? sent : parse(example(id));
            show(ctx, e.kind().status(), visitor, new TryView(id, form.fields(shown, byField), request, null,
                    List.of(), e.detail(), errors));
        }
    }

    /**
     * The request types are the domains' classes, so their schemas are made once, as the OpenAPI
     * document's are; on the first try, so that a server nobody tries a decision on never pays for it.
     */
    private synchronized TryForm form(String id) {
        if (forms == null) {
            Map<String, TryForm> made = new LinkedHashMap<>();
            Map<String, RequestSchema> schemas = OpenApiDocument.requestSchemas(List.copyOf(service.registry().domains()));
            schemas.forEach((domain, schema) -> made.put(domain, new TryForm(schema)));
            forms = made;
        }
        TryForm form = forms.get(id);
        if (form == null) { // a domain the summary knows is registered; this is a defect, not the visitor's doing
            throw new IllegalStateException("no request schema for domain " + id);
        }
        return form;
    }

    private static void show(Context ctx, int status, Visitor visitor, TryView view) {
        Console.page(ctx, status, "try.jte", visitor, "Try a decision: " + view.domain(), Map.of("view", view));
    }

    private String example(String id) {
        // the service's example when it was given one, else the first scenario's request, as serve works it out
        return service.domains().stream().filter(d -> d.id().equals(id)).findFirst()
                .map(d -> d.exampleRequest()).filter(e -> e != null)
                .or(() -> Optional.ofNullable(smos.scenarios.ScenarioLoader.examples(service.registry().home()).get(id)))
                .map(e -> e.toPrettyString()).orElse("{}");
    }

    /** The JSON object the text holds, or null when it holds none (the decision path then says why). */
    private static JsonNode parse(String text) {
        try {
            JsonNode tree = Json.mapper().readTree(text);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String pretty(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision is always written as JSON", e);
        }
    }
}
