package smos.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import smos.engine.DecisionDomain;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.testing.ContractSchemas;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document as integrators get it ({@code GET /openapi.json} of a real server): an OpenAPI 3.1
 * parser finds nothing to say about it, every domain has its own typed operations, every scenario request
 * and every catalogue example is valid against its domain's request schema and every decision the service
 * answers against its response schema (checked by an independent JSON Schema validator), and the
 * committed copy is the one the code generates.
 */
class OpenApiContractTest {
    private static final Path COMMITTED = Path.of("docs/openapi.json");
    private static HttpHarness http;
    private static String served;
    private static ContractSchemas schemas;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
        Reply reply = http.get(SchemaNames.DOCUMENT_PATH);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::contentType);
        served = reply.body();
        schemas = new ContractSchemas(served);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void anOpenApi31ParserFindsNothingToSay() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> "swagger-parser: "
                + result.getMessages());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    @Test
    void everyDomainHasItsOwnTypedOperations() {
        JsonNode document = read(served);
        for (DecisionDomain<?, ?> domain : Services.shipped().registry().domains()) {
            String id = domain.id();
            JsonNode post = document.path("paths").path("/api/v1/decisions/" + id).path("post");
            assertEquals(SchemaNames.operation(id), post.path("operationId").asText(), id);
            assertEquals(SchemaNames.link(SchemaNames.request(id)).replace(SchemaNames.DOCUMENT_PATH, ""),
                    post.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText());
            assertEquals(domain.description(), post.path("description").asText());
            JsonNode responses = post.path("responses");
            for (String status : List.of("200", "400", "401", "413", "415", "500", "503")) {
                assertTrue(responses.has(status), () -> id + " does not document " + status);
            }
            assertTrue(schemas.has(SchemaNames.decision(id)) && schemas.has(SchemaNames.response(id)), id);
            JsonNode batch = document.path("paths").path("/api/v1/decisions/" + id + "/batch").path("post");
            assertEquals(SchemaNames.batchOperation(id), batch.path("operationId").asText());
            assertTrue(batch.path("requestBody").path("content").has("application/x-ndjson"), id);
        }
        Set<String> operationIds = new HashSet<>();
        document.path("paths").forEach(path -> path.forEach(operation ->
                assertTrue(operationIds.add(operation.path("operationId").asText()),
                        () -> "operationId used twice: " + operation.path("operationId"))));
        for (String other : List.of("/", "/openapi.json", "/docs", "/api/v1/domains", "/api/v1/rulesets", "/health",
                "/health/live", "/health/ready", "/metrics", "/api/v1/domains/{domain}/files/{name}",
                "/api/v1/domains/{domain}/publish", "/api/v1/domains/{domain}/history", "/api/v1/domains/{domain}/rollback",
                "/api/v1/domains/{domain}/scenarios/run")) {
            assertTrue(document.path("paths").has(other), () -> "the document does not describe " + other);
        }
    }

    @TestFactory
    List<DynamicTest> everyScenarioRequestAndEveryDecisionMatchesItsSchemas() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path path : ScenarioLoader.find(List.of(TestHomes.REPO.resolve(ScenarioLoader.SCENARIOS_DIR)))) {
            ScenarioFile file = ScenarioLoader.load(path, TestHomes.REPO.relativize(path).toString());
            for (Scenario scenario : file.scenarios()) {
                if (scenario.refused()) {
                    continue; // a request the contract refuses, on purpose (expectError)
                }
                tests.add(DynamicTest.dynamicTest(file.path() + " :: " + scenario.name(), () -> {
                    String request = SchemaNames.request(file.domain());
                    assertEquals(List.of(), schemas.errors(request, scenario.given()).stream().map(Object::toString).toList(),
                            () -> "the scenario request does not match " + request);
                    Reply reply = http.postJson("/api/v1/decisions/" + file.domain(), scenario.given().toString());
                    assertEquals(200, reply.status(), reply::toString);
                    String response = SchemaNames.response(file.domain());
                    assertEquals(List.of(), schemas.errors(response, reply.json()).stream().map(Object::toString).toList(),
                            () -> "the answer does not match " + response + ": " + reply.body());
                }));
            }
        }
        return tests;
    }

    @Test
    void everyCatalogueExampleMatchesItsSchemaAndTheCatalogueLinksTheSchemas() {
        Reply reply = http.get("/api/v1/domains");
        assertEquals(200, reply.status(), reply::toString);
        DecisionService service = Services.shipped();
        assertEquals(service.domainIds().size(), reply.json().size());
        for (JsonNode domain : reply.json()) {
            String id = domain.path("id").asText();
            assertFalse(domain.path("exampleRequest").isMissingNode() || domain.path("exampleRequest").isNull(), id);
            assertEquals(List.of(), schemas.errors(SchemaNames.request(id), domain.path("exampleRequest")).stream()
                    .map(Object::toString).toList(), id);
            JsonNode links = domain.path("schemas");
            assertEquals("/openapi.json#/components/schemas/" + SchemaNames.request(id), links.path("request").asText());
            for (String kind : List.of("request", "decision", "response")) {
                String link = links.path(kind).asText();
                String name = link.substring(link.lastIndexOf('/') + 1);
                assertTrue(link.startsWith("/openapi.json#/components/schemas/") && schemas.has(name),
                        () -> id + " links " + kind + " to " + link + ", which the document does not hold");
            }
        }
    }

    @Test
    void aScenarioRunAnswersInTheShapesTheDocumentGives() {
        Reply passed = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/domains/returns/scenarios/run"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, passed.status(), passed::toString);
        assertEquals(List.of(), schemas.errors("ScenarioReport", passed.json()).stream().map(Object::toString).toList(),
                passed::body);
        // the README's claim, with the refund the policy does not give (169.99 is 199.99 less the 15% fee)
        String wrong = """
                domain: returns
                scenarios:
                  - name: opened router on day 20
                    given:
                      claim: {claimId: C-1, productLine: CONSUMER_ROUTER, condition: NEW, channel: DIRECT,
                              purchaseDate: 2026-10-01, claimDate: 2026-10-21, purchasePrice: 199.99,
                              reason: CHANGED_MIND, opened: true, proofOfPurchase: true, registered: false}
                    expect: {refundAmount: 199.99}
                """;
        Reply failed = http.post("/api/v1/domains/returns/scenarios/run", "application/yaml",
                java.net.http.HttpRequest.BodyPublishers.ofString(wrong));
        assertEquals(422, failed.status(), failed::toString);
        assertEquals(List.of(), schemas.errors("Problem", failed.json()).stream().map(Object::toString).toList(),
                failed::body);
        assertEquals(1, failed.json().path("failed").asInt(), failed::body);
    }

    @Test
    void theSchemaRefusesWhatTheContractForbids() {
        JsonNode returns = read("{\"claim\": {\"claimId\": \" \", \"productLine\": \"TOASTER\", \"condition\": \"NEW\","
                + " \"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\","
                + " \"purchasePrice\": -1, \"reason\": \"CHANGED_MIND\", \"opened\": \"yes\","
                + " \"registered\": false, \"colour\": \"red\"}}");
        assertEquals(Set.of("claim.claimId", "claim.productLine", "claim.purchasePrice", "claim.opened",
                "claim.proofOfPurchase", "claim.colour"), schemas.refusedFields("ReturnsRequest", returns));
        JsonNode review = read("{\"rep\": {\"repId\": \"R1\", \"managerId\": \"M1\", \"tenureMonths\": 12},"
                + " \"quarters\": []}");
        assertEquals(Set.of("quarters"), schemas.refusedFields("PerformanceReviewRequest", review));
    }

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws IOException {
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(served, committed, "docs/openapi.json is not the document the code generates; the contract "
                + "changed: review the change and regenerate it with ./smos openapi docs/openapi.json");
    }

    private static JsonNode read(String json) {
        try {
            return smos.request.Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
