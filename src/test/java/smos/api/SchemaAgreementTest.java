package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import smos.contract.SchemaNames;
import smos.engine.DecisionDomain;
import smos.request.MaxItems;
import smos.request.NotEmpty;
import smos.request.RequestValidator;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.testing.ContractSchemas;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The schema of the OpenAPI document and the service refuse the same requests, field by field: every
 * broken request of {@link BrokenFieldsTest} (a field dropped, of the wrong type, out of range, an
 * unknown value), and every list past its bounds, is checked by an independent JSON Schema validator
 * against the domain's request schema and posted to a real server. When one refuses a field and the
 * other does not, the test fails naming the field. The checks a schema generated from field annotations
 * cannot express are listed below, each with its reason. Beyond what this test breaks, the schema is also
 * looser than the reader in three ways it cannot say: a whole number written 1.0 (JSON Schema's integer
 * accepts it; the reader wants 1), decimals past 18 digits before or after the point, and a key given
 * twice (a JSON parser keeps one); the service refuses each with a 400 naming the field.
 */
class SchemaAgreementTest {
    /**
     * Cross-field checks: "domain:path" (list indexes written []) to why only the service refuses. The
     * schema accepts these requests; the service answers 400 naming the field.
     */
    static final Map<String, String> CROSS_FIELD = Map.of(
            "org-structure:managers[].region", "a region is optional only for a VP_SALES: it depends on level",
            "kpi-alerts:scorecard.unitsInChannel", "unitsInChannel and weeklySellThrough come together or not at all",
            "kpi-alerts:scorecard.weeklySellThrough", "unitsInChannel and weeklySellThrough come together or not at all");

    private static HttpHarness http;
    private static ContractSchemas schemas;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
        schemas = new ContractSchemas(http.get(SchemaNames.DOCUMENT_PATH).body());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @TestFactory
    List<DynamicContainer> schemaAndServiceRefuseTheSameFields() {
        DecisionService service = Services.shipped();
        List<DynamicContainer> containers = new ArrayList<>();
        for (var path : ScenarioLoader.find(List.of(TestHomes.REPO.resolve(ScenarioLoader.SCENARIOS_DIR)))) {
            ScenarioFile file = ScenarioLoader.load(path, TestHomes.REPO.relativize(path).toString());
            DecisionDomain<?, ?> domain = service.registry().domain(file.domain()).orElseThrow();
            for (Scenario scenario : file.scenarios()) {
                if (scenario.refused()) {
                    continue; // a request that must be refused is no base to break fields of
                }
                List<BrokenFieldsTest.Breakage> breakages = new ArrayList<>();
                BrokenFieldsTest.breakRecord(domain.requestType(), (ObjectNode) scenario.given(), "", scenario.given(),
                        breakages);
                listBounds(domain.requestType(), (ObjectNode) scenario.given(), "", scenario.given(), breakages);
                containers.add(DynamicContainer.dynamicContainer(file.path() + " :: " + scenario.name(),
                        breakages.stream().map(b -> DynamicTest.dynamicTest(b.description(),
                                () -> agree(file.domain(), b)))));
            }
        }
        return containers;
    }

    private static void agree(String domain, BrokenFieldsTest.Breakage breakage) {
        Set<String> bySchema = schemas.refusedFields(SchemaNames.request(domain), breakage.request());
        Reply reply = http.postJson("/api/v1/decisions/" + domain, breakage.request().toString());
        assertTrue(reply.status() == 200 || reply.status() == 400, () -> breakage.description() + " -> " + reply);
        List<String> byService = reply.status() == 400 ? reply.errorFields() : List.of();
        String field = breakage.field();
        if (field == null) {
            // the request stays valid field by field: both accept it, unless a listed cross-field check refuses it
            for (String refused : byService) {
                if (!CROSS_FIELD.containsKey(domain + ":" + refused.replaceAll("\\[\\d+]", "[]"))) {
                    fail(breakage.description() + ": the service refuses " + refused + " and the schema accepts it "
                            + "(not a listed cross-field check) -> " + reply);
                }
            }
            assertEquals(Set.of(), bySchema, breakage.description() + ": the schema refuses what the service accepts");
            return;
        }
        boolean service = byService.contains(field);
        boolean schema = bySchema.contains(field);
        if (service != schema) {
            fail(breakage.description() + ": " + field + " is refused by the " + (service ? "service" : "schema")
                    + " only; schema refuses " + bySchema + ", service answers " + reply);
        }
        assertTrue(service, () -> breakage.description() + ": neither refuses " + field);
    }

    /** For each list: one item past its maximum, and none when it needs items. */
    private static void listBounds(Class<?> type, ObjectNode node, String path, JsonNode root,
                                   List<BrokenFieldsTest.Breakage> out) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = RequestValidator.jsonName(component);
            String field = path.isEmpty() ? name : path + "." + name;
            JsonNode value = node.get(name);
            if (component.getType().isRecord() && value instanceof ObjectNode child) {
                listBounds(component.getType(), child, field, root, out);
            }
            if (!(value instanceof ArrayNode items)) {
                continue;
            }
            MaxItems max = component.getAnnotation(MaxItems.class);
            if (max != null && !items.isEmpty()) {
                JsonNode tooMany = root.deepCopy();
                ArrayNode list = (ArrayNode) at(tooMany, field);
                while (list.size() <= max.value()) {
                    list.add(items.get(0).deepCopy());
                }
                out.add(new BrokenFieldsTest.Breakage(max.value() + 1 + " items in " + field, tooMany, field));
            }
            if (component.isAnnotationPresent(NotEmpty.class)) {
                JsonNode none = root.deepCopy();
                ((ArrayNode) at(none, field)).removeAll();
                out.add(new BrokenFieldsTest.Breakage("no items in " + field, none, field));
            }
        }
    }

    /** The node at a dotted path of plain field names (lists inside lists are not bounded by this walk). */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.get(part);
        }
        return node;
    }
}
