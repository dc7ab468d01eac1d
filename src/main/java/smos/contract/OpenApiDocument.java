package smos.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import smos.engine.DecisionDomain;
import smos.engine.FiredRule;
import smos.publish.HistoryEntry;
import smos.publish.PublishResult;
import smos.request.FieldError;
import smos.request.Json;
import smos.scenarios.ScenarioReport;
import smos.service.DomainInfo;
import smos.service.Health;
import smos.service.Readiness;
import smos.service.RulesetInfo;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.1 document of the whole HTTP API, built from the registered domains and the records
 * of the contract: each domain has its own decision and batch operations with its own request, decision
 * and response schemas (so a generated client has one typed method per decision), next to the
 * catalogue, health, metrics, publishing and documentation endpoints, the problem shapes and every
 * status code each operation answers. Built once at start-up; nothing in it is written by hand twice.
 */
public final class OpenApiDocument {
    static final String NDJSON = "application/x-ndjson";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final String BATCH_ERROR = "BatchItemError";
    private static final String INDEX = "Index";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode document;

    private OpenApiDocument(ObjectNode document) {
        this.document = document;
    }

    /**
     * @param domains     the registered domains, in any order (the document lists them by id)
     * @param problemType the record of the problem+json body (the HTTP layer's), generated like the others
     */
    public static OpenApiDocument of(List<? extends DecisionDomain<?, ?>> domains, Class<?> problemType) {
        List<? extends DecisionDomain<?, ?>> sorted = domains.stream()
                .sorted(Comparator.comparing(DecisionDomain::id)).toList();
        return new OpenApiDocument(new Builder(sorted, problemType).build());
    }

    /**
     * Each domain's request schema, by domain id, generated exactly as for the document (the same
     * generator, names and constraints), for pages that build a form from it.
     */
    public static Map<String, RequestSchema> requestSchemas(List<? extends DecisionDomain<?, ?>> domains) {
        List<? extends DecisionDomain<?, ?>> sorted = domains.stream()
                .sorted(Comparator.comparing(DecisionDomain::id)).toList();
        return new Builder(sorted, null).requestSchemas();
    }

    public ObjectNode tree() {
        return document.deepCopy();
    }

    /** Pretty-printed, ending with a newline: the form committed as {@code docs/openapi.json}. */
    public String json() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    private static final class Builder {
        private final List<? extends DecisionDomain<?, ?>> domains;
        private final Class<?> problemType;
        private final RecordSchemas schemas;
        private final ObjectNode root = NODES.objectNode();

        /** {@code problemType} null: only the request schemas are wanted. */
        Builder(List<? extends DecisionDomain<?, ?>> domains, Class<?> problemType) {
            this.domains = domains;
            this.problemType = problemType;
            Map<Class<?>, String> names = new LinkedHashMap<>();
            Set<Class<?>> inputs = new HashSet<>();
            Map<String, String> prefixes = new HashMap<>();
            for (DecisionDomain<?, ?> domain : domains) {
                names.put(domain.requestType(), SchemaNames.request(domain.id()));
                names.put(DomainTypes.decisionType(domain), SchemaNames.decision(domain.id()));
                inputs.addAll(DomainTypes.records(domain.requestType()));
                prefixes.put(domain.getClass().getPackageName(), SchemaNames.pascal(domain.id()));
            }
            if (problemType != null) {
                names.put(problemType, PROBLEM);
            }
            this.schemas = new RecordSchemas(names, inputs, prefixes);
        }

        Map<String, RequestSchema> requestSchemas() {
            for (DecisionDomain<?, ?> domain : domains) {
                schemas.reference(domain.requestType());
            }
            ObjectNode all = schemas.definitions();
            Map<String, RequestSchema> found = new LinkedHashMap<>();
            for (DecisionDomain<?, ?> domain : domains) {
                describe(all, SchemaNames.request(domain.id()), "the request of " + domain.id() + ": "
                        + domain.description());
                found.put(domain.id(), new RequestSchema(SchemaNames.request(domain.id()), all));
            }
            return found;
        }

        ObjectNode build() {
            root.put("openapi", "3.1.0");
            ObjectNode info = root.putObject("info");
            info.put("title", "SMOS decision service");
            info.put("version", "v1");
            info.put("description", describeService());
            ArrayNode tags = root.putArray("tags");
            ObjectNode paths = root.putObject("paths");
            for (DecisionDomain<?, ?> domain : domains) {
                tags.addObject().put("name", domain.id()).put("description", domain.description());
                decisionPath(paths, domain);
                batchPath(paths, domain);
            }
            tags.addObject().put("name", "catalogue").put("description", "the domains, their rule sets and health");
            tags.addObject().put("name", "publishing")
                    .put("description", "changing rules over HTTP, with a bearer token; history and rollback");
            tags.addObject().put("name", "documentation").put("description", "this document and its pages");
            tags.addObject().put("name", "scenarios")
                    .put("description", "running a domain's scenarios against the version it serves");
            cataloguePaths(paths);
            scenarioPaths(paths);
            publishingPaths(paths);
            auditPaths(paths);
            impactPaths(paths);
            tags.addObject().put("name", "audit").put("description", "the decision log: every decision on record, "
                    + "search, export, replay and erasure (docs/audit.md)");
            documentationPaths(paths);
            ObjectNode all = NODES.objectNode();
            envelopes(all);
            all.set(INDEX, indexSchema());
            ObjectNode responses = responses();
            all.setAll(schemas.definitions());
            for (DecisionDomain<?, ?> domain : domains) {
                describe(all, SchemaNames.request(domain.id()), "the request of " + domain.id() + ": "
                        + domain.description());
                describe(all, SchemaNames.decision(domain.id()), "the decision of " + domain.id());
            }
            sortFields(all);
            ObjectNode components = root.putObject("components");
            components.set("schemas", all);
            components.set("responses", responses);
            components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                    .put("description", "a publish token (publishing), or any token when reads are protected "
                            + "(--protect-reads)");
            return root;
        }

        private String describeService() {
            StringBuilder s = new StringBuilder("Decisions of the Aerolink sales policy, made by Drools decision tables "
                    + "that business users edit. Each domain has its own operation: post its request, get its "
                    + "decision with the version of the rules that made it and the rules that fired. Bad input "
                    + "gets a 400 naming each field; errors are application/problem+json.\n\nDomains:\n");
            for (DecisionDomain<?, ?> domain : domains) {
                s.append("\n- **").append(domain.id()).append("**: ").append(domain.description());
            }
            return s.toString();
        }

        // --- decisions

        private void decisionPath(ObjectNode paths, DecisionDomain<?, ?> domain) {
            String id = domain.id();
            ObjectNode post = paths.putObject("/api/v1/decisions/" + id).putObject("post");
            post.putArray("tags").add(id);
            post.put("operationId", SchemaNames.operation(id));
            post.put("summary", "Decide " + id);
            post.put("description", domain.description());
            post.set("requestBody", body(JSON, ref(SchemaNames.request(id)), "the facts of one case"));
            ObjectNode responses = post.putObject("responses");
            responses.set("200", content("the decision, the version of the rules that made it and the rules that fired",
                    JSON, ref(SchemaNames.response(id))));
            standardErrors(responses, "400", "401", "408", "413", "415", "429", "500", "503");
            schemas.reference(domain.requestType());
            schemas.reference(DomainTypes.decisionType(domain));
        }

        private void batchPath(ObjectNode paths, DecisionDomain<?, ?> domain) {
            String id = domain.id();
            ObjectNode post = paths.putObject("/api/v1/decisions/" + id + "/batch").putObject("post");
            post.putArray("tags").add(id);
            post.put("operationId", SchemaNames.batchOperation(id));
            post.put("summary", "Decide many " + id + " requests");
            post.put("description", "A JSON array of requests, answered by an array, or NDJSON (one request a line, "
                    + "Content-Type: application/x-ndjson; send it with curl --data-binary, since -d strips the "
                    + "newlines), answered line by line. One result per item, in order: its index and its decision, "
                    + "or its index and its error; one bad item does not fail the others. The batch is streamed; "
                    + "past the server's item or byte limit a JSON array gets 413 before anything is decided and an "
                    + "NDJSON answer ends with an error line saying where it stopped.");
            ObjectNode trace = post.putArray("parameters").addObject();
            trace.put("name", "trace").put("in", "query").put("required", false)
                    .put("description", "true adds each item's fired rules");
            trace.putObject("schema").put("type", "boolean");
            ObjectNode body = NODES.objectNode().put("required", true);
            ObjectNode bodyContent = body.putObject("content");
            bodyContent.putObject(JSON).set("schema", array(ref(SchemaNames.request(id))));
            bodyContent.putObject(NDJSON).set("schema", ref(SchemaNames.request(id))
                    .put("description", "each line is one request"));
            post.set("requestBody", body);
            ObjectNode responses = post.putObject("responses");
            ObjectNode ok = responses.putObject("200");
            ok.put("description", "one result per item, in the order of the items");
            ObjectNode okContent = ok.putObject("content");
            okContent.putObject(JSON).set("schema", array(ref(SchemaNames.batchItem(id))));
            okContent.putObject(NDJSON).set("schema", ref(SchemaNames.batchItem(id))
                    .put("description", "each line is one result"));
            standardErrors(responses, "400", "401", "408", "413", "415", "429", "503");
        }

        /** The envelope of each domain's answer and of its batch items, around its own decision schema. */
        private void envelopes(ObjectNode all) {
            schemas.reference(FiredRule.class);
            ObjectNode error = all.putObject(BATCH_ERROR);
            error.put("type", "object");
            error.put("description", "why one item of a batch was not decided, in the problem shape of the "
                    + "single-decision endpoint");
            ObjectNode errorProperties = error.putObject("properties");
            errorProperties.putObject("type").put("type", "string").put("description", "the problem type, as the "
                    + "single-decision endpoint would answer it");
            errorProperties.putObject("status").put("type", "integer");
            errorProperties.putObject("title").put("type", "string");
            errorProperties.putObject("detail").put("type", "string");
            errorProperties.putObject("errors").putArray("type").add("array").add("null");
            ((ObjectNode) errorProperties.get("errors")).set("items", ref("FieldError"));
            required(error, "status", "title", "detail");
            schemas.reference(FieldError.class);
            for (DecisionDomain<?, ?> domain : domains) {
                String id = domain.id();
                ObjectNode response = all.putObject(SchemaNames.response(id));
                response.put("type", "object");
                response.put("description", "the answer to one " + id + " request");
                ObjectNode p = response.putObject("properties");
                p.putObject("decisionId").put("type", "string").put("description", "the id of this decision: "
                        + "its X-Request-Id and the key of its record in the decision log");
                p.putObject("domain").put("const", id);
                p.putObject("rulesetVersion").put("type", "string")
                        .put("description", "the version of the rules that decided");
                p.set("decision", ref(SchemaNames.decision(id)));
                p.set("trace", array(ref("FiredRule")).put("description", "the rules that fired, in order"));
                p.putObject("durationMicros").put("type", "integer").put("format", "int64").put("minimum", 0);
                required(response, "decisionId", "domain", "rulesetVersion", "decision", "trace", "durationMicros");
                response.put("additionalProperties", false);

                ObjectNode decided = NODES.objectNode().put("type", "object");
                ObjectNode dp = decided.putObject("properties");
                dp.putObject("index").put("type", "integer").put("minimum", 0);
                dp.putObject("decisionId").put("type", "string").put("description", "the id of this item's decision");
                dp.putObject("rulesetVersion").put("type", "string");
                dp.set("decision", ref(SchemaNames.decision(id)));
                dp.set("trace", array(ref("FiredRule")).put("description", "with ?trace=true"));
                required(decided, "index", "decisionId", "rulesetVersion", "decision");
                decided.put("additionalProperties", false);
                ObjectNode failed = NODES.objectNode().put("type", "object");
                ObjectNode fp = failed.putObject("properties");
                fp.putObject("index").put("type", "integer").put("minimum", 0);
                fp.putObject("decisionId").put("type", "string").put("description", "the id under which the "
                        + "refused item is recorded in the decision log; absent on the line that ends a stopped batch");
                fp.set("error", ref(BATCH_ERROR));
                required(failed, "index", "error");
                failed.put("additionalProperties", false);
                ObjectNode item = all.putObject(SchemaNames.batchItem(id));
                item.put("description", "one item of a " + id + " batch: its decision or its error");
                item.putArray("oneOf").add(decided).add(failed);
            }
        }

        // --- catalogue and operations

        private void cataloguePaths(ObjectNode paths) {
            ObjectNode domainsOp = get(paths, "/api/v1/domains", "listDomains", "catalogue",
                    "Each domain: what it decides, the version it serves, its status, an example request and links "
                            + "to its schemas in this document");
            okJson(domainsOp, "the domains", array(schemas.reference(DomainInfo.class)));
            standardErrors(domainsOp.withObject("responses"), "401");
            ObjectNode rulesets = get(paths, "/api/v1/rulesets", "listRulesets", "catalogue",
                    "Per domain: the active version and where it came from, its source files, its load time, the last "
                            + "refused version with its problems or failing scenarios");
            okJson(rulesets, "the rule sets", array(schemas.reference(RulesetInfo.class)));
            standardErrors(rulesets.withObject("responses"), "401");
            ObjectNode health = get(paths, "/health", "health", "catalogue",
                    "UP, or DEGRADED when a domain serves an older version or nothing; each domain's state. Open "
                            + "even when reads are protected.");
            okJson(health, "the state of the service", schemas.reference(Health.class));
            ObjectNode live = get(paths, "/health/live", "healthLive", "catalogue",
                    "Liveness: 200 while the process answers (a supervisor restarts it when this fails). Open even "
                            + "when reads are protected.");
            ObjectNode liveSchema = NODES.objectNode().put("type", "object");
            liveSchema.putObject("properties").putObject("status").put("type", "string").put("const", "LIVE");
            required(liveSchema, "status");
            okJson(live, "the process answers", liveSchema);
            ObjectNode ready = get(paths, "/health/ready", "healthReady", "catalogue",
                    "Readiness: 200 when every domain has a good version to serve and every configured database "
                            + "(rule store, decision log) answers; 503 with the reasons otherwise, so that a load "
                            + "balancer sends it no traffic. Open even when reads are protected.");
            okJson(ready, "ready for traffic", schemas.reference(Readiness.class));
            ready.withObject("responses").set("503", content("not ready: reasons says why", JSON,
                    schemas.reference(Readiness.class)));
            ObjectNode metrics = get(paths, "/metrics", "metrics", "catalogue",
                    "Prometheus text: decisions by domain and status, a latency histogram per domain, reloads by "
                            + "outcome, JVM basics. Open even when reads are protected.");
            metrics.putObject("responses").set("200", content("Prometheus text format 0.0.4", "text/plain",
                    NODES.objectNode().put("type", "string")));
        }

        private void scenarioPaths(ObjectNode paths) {
            ObjectNode run = paths.putObject("/api/v1/domains/{domain}/scenarios/run").putObject("post");
            run.putArray("tags").add("scenarios");
            run.put("operationId", "runScenarios");
            run.put("description", "Run scenarios against the version the domain serves: with no body, that "
                    + "version's scenario files; with a scenario file as YAML (send it with curl --data-binary, "
                    + "which keeps its newlines), that file. All passed: 200 with the counts. Any failed: 422, a "
                    + "problem listing each failure with its file, scenario, line, field, expected and actual, with "
                    + "passed and failed counts. YAML that does not parse, or a file for another domain: 400 naming "
                    + "the line.");
            run.putArray("parameters").add(pathParameter("domain", "the domain id"));
            ObjectNode yaml = NODES.objectNode().put("required", false)
                    .put("description", "a scenario file (domain, scenarios); none runs the version's own files");
            ObjectNode yamlContent = yaml.putObject("content");
            for (String type : List.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")) {
                yamlContent.putObject(type).putObject("schema").put("type", "string");
            }
            run.set("requestBody", yaml);
            okJson(run, "every scenario passed", schemas.reference(ScenarioReport.class));
            ObjectNode responses = run.withObject("responses");
            responses.set("422", content("a scenario failed: failures names each one (file, scenario, line, field, "
                    + "expected, actual); passed and failed count them", PROBLEM_JSON, ref(PROBLEM)));
            standardErrors(responses, "400", "401", "404", "408", "413", "415", "429", "503");
        }

        private void publishingPaths(ObjectNode paths) {
            String domain = "/api/v1/domains/{domain}";
            ObjectNode file = paths.putObject(domain + "/files/{name}");
            file.set("parameters", NODES.arrayNode().add(pathParameter("domain", "the domain id"))
                    .add(pathParameter("name", "the file name: a .xlsx workbook, a .drl file or a scenario .yaml")));
            ObjectNode put = publishing(file.putObject("put"), "publishFile",
                    "Publish one file as a new version: it goes live only if the domain compiles, passes the "
                            + "spreadsheet checks and its scenarios pass. X-Message: an optional note for the history.");
            ObjectNode bytes = NODES.objectNode().put("required", true);
            bytes.putObject("content").putObject("application/octet-stream").putObject("schema")
                    .put("type", "string").put("contentMediaType", "application/octet-stream");
            put.set("requestBody", bytes);
            publishResponses(put, "400", "401", "403", "404", "408", "409", "413", "422", "428", "507");
            ObjectNode delete = publishing(file.putObject("delete"), "deleteFile",
                    "Delete one file as a new version, under the same checks as a publish.");
            publishResponses(delete, "400", "401", "403", "404", "409", "422", "428", "507");

            ObjectNode publish = publishing(paths.putObject(domain + "/publish").putObject("post"), "publishFiles",
                    "Publish several files (and deletions) as one version: multipart/form-data, one part per file, "
                            + "fields delete (repeatable) and message.");
            publish.putArray("parameters").add(pathParameter("domain", "the domain id"));
            ObjectNode multipart = NODES.objectNode().put("required", true);
            ObjectNode form = multipart.putObject("content").putObject("multipart/form-data").putObject("schema")
                    .put("type", "object");
            ObjectNode formProperties = form.putObject("properties");
            formProperties.putObject("file").put("type", "array").putObject("items").put("type", "string")
                    .put("contentMediaType", "application/octet-stream");
            formProperties.putObject("delete").put("type", "array").putObject("items").put("type", "string");
            formProperties.putObject("message").put("type", "string");
            publish.set("requestBody", multipart);
            publishResponses(publish, "400", "401", "403", "404", "408", "409", "413", "415", "422", "428", "507");

            ObjectNode history = get(paths, domain + "/history", "history", "publishing",
                    "The versions the domain has served, newest first.");
            history.putArray("parameters").add(pathParameter("domain", "the domain id"));
            okJson(history, "the versions, newest first", array(schemas.reference(HistoryEntry.class)));
            standardErrors(history.withObject("responses"), "401", "404");

            ObjectNode diff = get(paths, domain + "/diff", "diff", "publishing",
                    "What changed from one recorded version to another: each decision-table cell (sheet, cell, the "
                            + "rule of its row, the label of its column, before and after as the rules read them), each "
                            + "rule row added or removed, each DRL line, each scenario added, removed or changed, and "
                            + "the files added, removed or changed.");
            ArrayNode diffParameters = diff.putArray("parameters");
            diffParameters.add(pathParameter("domain", "the domain id"));
            for (String[] q : new String[][] {{"from", "the older version, as the history lists it"},
                    {"to", "the newer version, as the history lists it"}}) {
                ObjectNode parameter = diffParameters.addObject().put("name", q[0]).put("in", "query").put("required", true)
                        .put("description", q[1]);
                parameter.putObject("schema").put("type", "string");
            }
            okJson(diff, "the changes", schemas.reference(smos.diff.VersionChanges.class));
            standardErrors(diff.withObject("responses"), "400", "401", "404");

            ObjectNode rollback = publishing(paths.putObject(domain + "/rollback").putObject("post"), "rollback",
                    "Bring an earlier version of the domain back, under the same checks as a publish.");
            rollback.putArray("parameters").add(pathParameter("domain", "the domain id"));
            ObjectNode version = NODES.objectNode().put("type", "object");
            version.putObject("properties").putObject("version").put("type", "string").put("pattern", ContractConstraints.NOT_BLANK);
            required(version, "version");
            version.put("additionalProperties", false);
            rollback.set("requestBody", body(JSON, version, "the version to bring back"));
            publishResponses(rollback, "400", "401", "403", "404", "408", "409", "413", "415", "422", "428", "507");
        }

        private void auditPaths(ObjectNode paths) {
            String decisions = "/api/v1/audit/decisions";
            ObjectNode search = audit(get(paths, decisions, "searchDecisionLog", "audit",
                    "Recorded decisions and refused requests, newest first: {records, next}; next is the cursor of "
                            + "the next page (empty on the last). format=ndjson (or Accept: application/x-ndjson) "
                            + "exports every match, one record a line."));
            ArrayNode parameters = search.putArray("parameters");
            for (String[] q : new String[][] {{"domain", "the domain id"}, {"from", "a date or an instant; included"},
                    {"to", "a date or an instant; excluded"}, {"version", "the ruleset version that decided"},
                    {"caller", "the token name, or anonymous"}, {"status", "ok, refused or an HTTP status"},
                    {"limit", "records per page, 1 to 1000 (default 100)"}, {"before", "the cursor of the page"},
                    {"format", "ndjson for the export"}}) {
                ObjectNode parameter = parameters.addObject().put("name", q[0]).put("in", "query").put("required", false)
                        .put("description", q[1]);
                parameter.putObject("schema").put("type", "string");
            }
            okJson(search, "a page of records", NODES.objectNode().put("type", "object"));
            standardErrors(search.withObject("responses"), "400", "401", "403", "503");
            ObjectNode one = audit(get(paths, decisions + "/{decisionId}", "getRecordedDecision", "audit",
                    "One recorded decision: request, decision, trace, version, caller, time; or a refused request "
                            + "with its problem, the first 4 KB of its body and its SHA-256."));
            one.putArray("parameters").add(pathParameter("decisionId", "the decisionId of the answer"));
            okJson(one, "the record", NODES.objectNode().put("type", "object"));
            standardErrors(one.withObject("responses"), "401", "403", "404", "503");
            ObjectNode replay = audit(paths.putObject(decisions + "/{decisionId}/replay").putObject("post")
                    .put("operationId", "replayDecision").put("description", "Decide the recorded request again "
                            + "with the version that made it: {identical, differences: [{field, recorded, replayed}]}. "
                            + "A version no longer in history, or a refused request, is a 409."));
            replay.putArray("tags").add("audit");
            replay.putArray("parameters").add(pathParameter("decisionId", "the decisionId of the answer"));
            okJson(replay, "the replay", NODES.objectNode().put("type", "object"));
            standardErrors(replay.withObject("responses"), "401", "403", "404", "409", "503");
            ObjectNode erasures = paths.putObject("/api/v1/audit/erasures");
            ObjectNode listed = audit(erasures.putObject("get").put("operationId", "listErasures")
                    .put("description", "The erasures on record: who, when, which field, how many records; never the value."));
            listed.putArray("tags").add("audit");
            okJson(listed, "the erasures", NODES.objectNode().put("type", "object"));
            standardErrors(listed.withObject("responses"), "401", "403");
            ObjectNode erase = audit(erasures.putObject("post").put("operationId", "eraseRecords")
                    .put("description", "Erase the records whose request holds value at field (a publisher)."));
            erase.putArray("tags").add("audit");
            ObjectNode request = NODES.objectNode().put("type", "object").put("additionalProperties", false);
            ObjectNode properties = request.putObject("properties");
            properties.putObject("domain").put("type", "string");
            properties.putObject("field").put("type", "string");
            properties.putObject("value").put("type", "string");
            required(request, "field", "value");
            erase.set("requestBody", body(JSON, request, "the field (a JSON path such as customer.customerId) and value"));
            okJson(erase, "the erasure, as recorded", NODES.objectNode().put("type", "object"));
            standardErrors(erase.withObject("responses"), "400", "401", "403", "408", "413", "415", "503");
        }

        /** The impact of a change: a job per run (docs/audit.md, "Impact of a change"). */
        private void impactPaths(ObjectNode paths) {
            String impact = "/api/v1/domains/{domain}/impact";
            ObjectNode start = audit(paths.putObject(impact).putObject("post").put("operationId", "startImpact")
                    .put("description", "Try a candidate on the recorded decisions of a window before publishing it "
                            + "(an editor): the candidate (the files of a publish, or version=) goes through the gate as "
                            + "a publish does (refused: 422, nothing decided); the first limit successful decisions of the "
                            + "window are decided by it and by the version serving. Nothing is published. Answers 202 "
                            + "with the Location of the run; one run per domain at a time (409 naming the running one)."));
            start.putArray("tags").add("audit");
            ArrayNode parameters = start.putArray("parameters");
            parameters.add(pathParameter("domain", "the domain id"));
            for (String[] q : new String[][] {{"from", "a date or an instant; included"},
                    {"to", "a date or an instant; excluded"},
                    {"limit", "the first this many decisions of the window, oldest first, 1 to 1000000 (default 100000)"},
                    {"version", "a version of the history as the candidate, instead of files"}}) {
                parameters.addObject().put("name", q[0]).put("in", "query").put("required", false)
                        .put("description", q[1]).putObject("schema").put("type", "string");
            }
            ObjectNode multipart = NODES.objectNode().put("required", false)
                    .put("description", "the candidate's files, as for publish (none with version=)");
            ObjectNode form = multipart.putObject("content").putObject("multipart/form-data").putObject("schema")
                    .put("type", "object");
            ObjectNode formProperties = form.putObject("properties");
            formProperties.putObject("file").put("type", "array").putObject("items").put("type", "string")
                    .put("contentMediaType", "application/octet-stream");
            formProperties.putObject("delete").put("type", "array").putObject("items").put("type", "string");
            formProperties.putObject("message").put("type", "string");
            start.set("requestBody", multipart);
            ObjectNode run = impactRunSchema();
            ObjectNode accepted = content("the run has started; follow it at the Location", JSON, run);
            accepted.putObject("headers").putObject("Location").put("description", "the run: " + impact + "/{id}")
                    .putObject("schema").put("type", "string");
            start.withObject("responses").set("202", accepted);
            standardErrors(start.withObject("responses"), "400", "401", "403", "404", "408", "409", "413", "415", "422", "503");

            ObjectNode one = paths.putObject(impact + "/{id}");
            ObjectNode follow = audit(one.putObject("get").put("operationId", "getImpact").put("description",
                    "The run: its progress while running, its report once done."));
            follow.putArray("tags").add("audit");
            follow.set("parameters", runParameters());
            okJson(follow, "the run", run);
            standardErrors(follow.withObject("responses"), "401", "403", "404");
            ObjectNode cancel = audit(one.putObject("delete").put("operationId", "cancelImpact").put("description",
                    "Cancel the run (an editor): it stops reading and deciding; state becomes cancelled."));
            cancel.putArray("tags").add("audit");
            cancel.set("parameters", runParameters());
            okJson(cancel, "the run", run);
            standardErrors(cancel.withObject("responses"), "401", "403", "404");
        }

        private static ArrayNode runParameters() {
            return NODES.arrayNode().add(pathParameter("domain", "the domain id"))
                    .add(pathParameter("id", "the run, as the Location names it"));
        }

        private static ObjectNode impactRunSchema() {
            ObjectNode run = NODES.objectNode().put("type", "object");
            ObjectNode p = run.putObject("properties");
            for (String name : List.of("id", "domain", "caller")) {
                p.putObject(name).put("type", "string");
            }
            p.putObject("problem").put("description", "why a failed run failed").putArray("type").add("string").add("null");
            p.putObject("state").put("type", "string").putArray("enum").add("running").add("done").add("cancelled")
                    .add("failed");
            for (String name : List.of("startedAt", "from", "to")) {
                p.putObject(name).put("format", "date-time").putArray("type").add("string").add("null");
            }
            for (String name : List.of("elapsedMillis", "limit", "read", "decided", "unchanged", "changed", "refused")) {
                p.putObject(name).put("type", "integer");
            }
            ObjectNode report = NODES.objectNode().put("type", "object").put("description",
                    "the counts, the changed fields with examples, the rules that fire more or less often, the changed "
                            + "cells and untested changes (docs/audit.md)");
            ObjectNode r = report.putObject("properties");
            for (String name : List.of("domain", "activeVersion", "candidateVersion")) {
                r.putObject(name).put("type", "string");
            }
            for (String name : List.of("limit", "decided", "unchanged", "changed", "refused", "elapsedMillis")) {
                r.putObject(name).put("type", "integer");
            }
            ObjectNode example = NODES.objectNode().put("type", "object");
            ObjectNode ep = example.putObject("properties");
            ep.putObject("decisionId").put("type", "string");
            ep.putObject("before").put("description", "the field's value under the version serving");
            ep.putObject("after").put("description", "the field's value under the candidate");
            ObjectNode field = NODES.objectNode().put("type", "object");
            ObjectNode fp = field.putObject("properties");
            fp.putObject("field").put("type", "string");
            fp.putObject("count").put("type", "integer");
            fp.set("examples", array(example));
            r.set("fields", array(field));
            ObjectNode rule = NODES.objectNode().put("type", "object");
            ObjectNode rp = rule.putObject("properties");
            rp.putObject("rule").put("type", "string");
            rp.putObject("location").put("type", "string");
            rp.putObject("before").put("type", "integer");
            rp.putObject("after").put("type", "integer");
            r.set("rules", array(rule));
            r.putObject("changedCells").put("type", "array");
            r.putObject("untested").put("type", "array").put("description", "the changed value cells no scenario "
                    + "pins, as rule problems: file, sheet, cell and message");
            r.putObject("warnings").put("type", "array");
            r.putObject("refusals").put("type", "array");
            ArrayNode types = NODES.arrayNode().add("object").add("null");
            report.set("type", types);
            p.set("report", report);
            required(run, "id", "domain", "state", "limit", "read", "decided", "changed", "refused");
            return run;
        }

        private static ObjectNode audit(ObjectNode operation) {
            operation.putArray("security").addObject().putArray("bearer");
            return operation;
        }

        private ObjectNode publishing(ObjectNode operation, String operationId, String description) {
            operation.putArray("tags").add("publishing");
            operation.put("operationId", operationId);
            operation.put("description", description);
            operation.putArray("security").addObject().putArray("bearer");
            return operation;
        }

        private void publishResponses(ObjectNode operation, String... errors) {
            ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                    : operation.putArray("parameters");
            ObjectNode ifMatch = parameters.addObject().put("name", "If-Match").put("in", "header").put("required", true)
                    .put("description", "the version this change replaces, as the ETag of the domain's history gives it "
                            + "(\"<version>\"); without it 428, with a version that no longer serves 409");
            ifMatch.putObject("schema").put("type", "string");
            ObjectNode responses = operation.withObject("responses");
            responses.set("200", content("what went live, with the spreadsheet warnings it still has", JSON,
                    schemas.reference(PublishResult.class)));
            standardErrors(responses, errors);
        }

        private void documentationPaths(ObjectNode paths) {
            ObjectNode index = get(paths, "/", "index", "documentation", "Links to the API docs, this document, the "
                    + "domains and the health of the service.");
            okJson(index, "links", ref(INDEX));
            ObjectNode openapi = get(paths, SchemaNames.DOCUMENT_PATH, "openApiDocument", "documentation",
                    "This document. Open even when reads are protected.");
            okJson(openapi, "the OpenAPI 3.1 document", NODES.objectNode().put("type", "object"));
            ObjectNode docs = get(paths, "/docs", "apiDocs", "documentation",
                    "The API docs page (Swagger UI, served by SMOS). Open even when reads are protected.");
            docs.putObject("responses").set("200", content("an HTML page", "text/html",
                    NODES.objectNode().put("type", "string")));
        }

        private static ObjectNode indexSchema() {
            ObjectNode links = NODES.objectNode().put("type", "object");
            ObjectNode linkProperties = links.putObject("properties");
            for (String name : List.of("docs", "openapi", "domains", "health")) {
                linkProperties.putObject(name).put("type", "string").put("format", "uri-reference");
            }
            required(links, "docs", "openapi", "domains", "health");
            ObjectNode indexSchema = NODES.objectNode().put("type", "object");
            ObjectNode indexProperties = indexSchema.putObject("properties");
            indexProperties.putObject("service").put("type", "string");
            indexProperties.set("links", links);
            required(indexSchema, "service", "links");
            return indexSchema;
        }

        private ObjectNode get(ObjectNode paths, String path, String operationId, String tag, String description) {
            ObjectNode get = paths.putObject(path).putObject("get");
            get.putArray("tags").add(tag);
            get.put("operationId", operationId);
            get.put("description", description);
            return get;
        }

        private static void okJson(ObjectNode operation, String description, ObjectNode schema) {
            operation.withObject("responses").set("200", content(description, JSON, schema));
        }

        // --- errors

        private ObjectNode responses() {
            schemas.reference(problemType);
            ObjectNode responses = NODES.objectNode();
            for (Map.Entry<String, String> error : ERRORS.entrySet()) {
                responses.set(error.getKey(), content(error.getValue(), PROBLEM_JSON, ref(PROBLEM)));
            }
            return responses;
        }

        /** Every error status an operation here can answer, and when. */
        private static final Map<String, String> ERRORS = errors();

        private static Map<String, String> errors() {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("400", "the request does not match the contract: errors names each field (JSON path) and what is "
                    + "wrong with it; for publishing, a change that cannot be applied; for a scenario run, a scenario file "
                    + "that cannot be read (its line named)");
            errors.put("401", "no valid bearer token: publishing always needs one, reads when the service runs with "
                    + "--protect-reads");
            errors.put("403", "publishing is off (no token configured), the decision log cannot be read without tokens, "
                    + "or the token's role does not allow this (problems names an editor's code cells)");
            errors.put("404", "no such domain or version");
            errors.put("408", "the body did not arrive in time: nothing came for the idle timeout (30 s by default), "
                    + "or it came slower than the minimum rate (256 bytes a second by default)");
            errors.put("409", "the change names a base version (If-Match) that no longer serves; or a replay of a "
                    + "version no longer in history: nothing changed");
            errors.put("413", "the body is larger than the service accepts (1 MiB for a decision by default; a batch "
                    + "has its own limits)");
            errors.put("415", "the body is not sent with the content type the operation takes");
            errors.put("422", "the change was refused: problems names each rule-file cell or line, failures each "
                    + "scenario field; nothing went live");
            errors.put("428", "a change must name the version it replaces: If-Match with the ETag of the history");
            errors.put("429", "too many requests at once from one client address");
            errors.put("500", "the rules could not decide a valid request (a defect of the rules, logged for their "
                    + "owners)");
            errors.put("503", "the domain serves no version (none of its rule files compile; problems names each one), "
                    + "the server is at its limit of requests, or the decision log cannot be written and is required");
            errors.put("507", "nothing could be recorded (a full disk): the change was refused whole");
            return errors;
        }

        private static void standardErrors(ObjectNode responses, String... statuses) {
            for (String status : statuses) {
                responses.putObject(status).put("$ref", "#/components/responses/" + status);
            }
        }

        // --- small pieces

        private static ObjectNode body(String mediaType, ObjectNode schema, String description) {
            ObjectNode body = NODES.objectNode().put("required", true).put("description", description);
            body.putObject("content").putObject(mediaType).set("schema", schema);
            return body;
        }

        private static ObjectNode content(String description, String mediaType, ObjectNode schema) {
            ObjectNode response = NODES.objectNode().put("description", description);
            response.putObject("content").putObject(mediaType).set("schema", schema);
            return response;
        }

        private static ObjectNode pathParameter(String name, String description) {
            ObjectNode parameter = NODES.objectNode().put("name", name).put("in", "path").put("required", true)
                    .put("description", description);
            parameter.putObject("schema").put("type", "string");
            return parameter;
        }

        private static ObjectNode ref(String schemaName) {
            return NODES.objectNode().put("$ref", SchemaNames.ref(schemaName));
        }

        private static ObjectNode array(ObjectNode items) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", items);
            return array;
        }

        private static void required(ObjectNode schema, String... names) {
            ArrayNode required = schema.putArray("required");
            for (String name : names) {
                required.add(name);
            }
        }

        /** A schema's own description (@Describe) stays; one without gets the domain's. */
        private static void describe(ObjectNode all, String schemaName, String description) {
            if (all.get(schemaName) instanceof ObjectNode schema && !schema.has("description")) {
                schema.put("description", description);
            }
        }

        private static void sortFields(ObjectNode node) {
            List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            Map<String, com.fasterxml.jackson.databind.JsonNode> sorted = new LinkedHashMap<>();
            names.forEach(name -> sorted.put(name, node.get(name)));
            node.removeAll();
            node.setAll(sorted);
        }
    }
}
