package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import smos.engine.DecisionDomain;
import smos.request.Matches;
import smos.request.NonNegative;
import smos.request.Optional;
import smos.request.Positive;
import smos.request.Range;
import smos.request.RequestValidator;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Takes every scenario request and breaks it one field at a time: drops it, gives it the wrong type,
 * puts it out of range, gives an enumeration an unknown value. Each broken request must get a 4xx
 * that names the field, never a 500. The fields and their constraints come from the request records,
 * so new domains and fields are covered without touching this test.
 */
class BrokenFieldsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** One way of breaking a request, and the field the answer must name (null: the request stays valid). */
    record Breakage(String description, JsonNode request, String field) {
    }

    @TestFactory
    List<DynamicContainer> everyFieldOfEveryScenarioRequest() {
        DecisionService service = Services.shipped();
        List<DynamicContainer> containers = new ArrayList<>();
        for (Path path : ScenarioLoader.find(List.of(TestHomes.REPO.resolve(ScenarioLoader.SCENARIOS_DIR)))) {
            ScenarioFile file = ScenarioLoader.load(path, TestHomes.REPO.relativize(path).toString());
            DecisionDomain<?, ?> domain = service.registry().domain(file.domain()).orElseThrow();
            for (Scenario scenario : file.scenarios()) {
                if (scenario.refused()) {
                    continue; // already bad input, with the field it names checked by the scenario itself
                }
                List<Breakage> breakages = new ArrayList<>();
                breakRecord(domain.requestType(), (ObjectNode) scenario.given(), "", scenario.given(), breakages);
                assertTrue(!breakages.isEmpty());
                String url = "/api/v1/decisions/" + file.domain();
                containers.add(DynamicContainer.dynamicContainer(file.path() + " :: " + scenario.name(),
                        breakages.stream().map(b -> DynamicTest.dynamicTest(b.description(), () -> check(url, b)))));
            }
        }
        return containers;
    }

    private static void check(String url, Breakage breakage) {
        Reply reply = http.postJson(url, breakage.request().toString());
        assertNotEquals(500, reply.status(), () -> breakage.description() + " -> " + reply);
        if (breakage.field() == null) {
            assertTrue(reply.status() == 200 || (reply.status() == 400 && !reply.errorFields().isEmpty()),
                    () -> breakage.description() + " -> " + reply);
            return;
        }
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> breakage.description() + " -> " + reply);
        assertTrue(reply.errorFields().contains(breakage.field()),
                () -> breakage.description() + ": the answer does not name " + breakage.field() + " -> " + reply);
    }

    /** Every way of breaking one field of {@code node} (a {@code type} record at {@code path} of {@code root}); also used by SchemaAgreementTest. */
    static void breakRecord(Class<?> type, ObjectNode node, String path, JsonNode root, List<Breakage> out) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = RequestValidator.jsonName(component);
            String field = path.isEmpty() ? name : path + "." + name;
            Class<?> fieldType = component.getType();
            boolean optional = component.isAnnotationPresent(Optional.class);
            if (!node.has(name) && optional) {
                continue;
            }
            out.add(new Breakage("drop " + field, with(root, node, n -> n.remove(name)), optional ? null : field));
            out.add(new Breakage("wrong type for " + field, with(root, node, n -> n.set(name, wrongType(fieldType))), field));
            if (fieldType.isEnum()) {
                out.add(new Breakage("unknown value for " + field,
                        with(root, node, n -> n.put(name, "NOT_A_VALUE")), field));
            }
            JsonNode outOfRange = outOfRange(component);
            if (outOfRange != null) {
                out.add(new Breakage("out of range " + field + " = " + outOfRange,
                        with(root, node, n -> n.set(name, outOfRange)), field));
            }
            JsonNode value = node.get(name);
            if (fieldType.isRecord() && value instanceof ObjectNode child) {
                breakRecord(fieldType, child, field, root, out);
            } else if (List.class.isAssignableFrom(fieldType) && value instanceof ArrayNode items) {
                Class<?> element = elementType(component);
                for (int i = 0; i < items.size(); i++) {
                    if (element.isRecord() && items.get(i) instanceof ObjectNode item) {
                        breakRecord(element, item, field + "[" + i + "]", root, out);
                    }
                }
            }
        }
    }

    /** A copy of the whole request with one change made to the copy of {@code target}. */
    private static JsonNode with(JsonNode root, ObjectNode target, java.util.function.Consumer<ObjectNode> change) {
        JsonNode copy = root.deepCopy();
        change.accept((ObjectNode) find(copy, root, target));
        return copy;
    }

    /** The node of {@code copy} at the place {@code target} holds in {@code original}. */
    private static JsonNode find(JsonNode copy, JsonNode original, JsonNode target) {
        if (original == target) {
            return copy;
        }
        if (original.isContainerNode()) {
            var names = original.isObject() ? (Iterable<String>) original::fieldNames : null;
            if (names != null) {
                for (String name : names) {
                    JsonNode found = find(copy.get(name), original.get(name), target);
                    if (found != null) {
                        return found;
                    }
                }
            } else {
                for (int i = 0; i < original.size(); i++) {
                    JsonNode found = find(copy.get(i), original.get(i), target);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode wrongType(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return NODES.numberNode(123);
        }
        if (type == Boolean.class || type == boolean.class) {
            return NODES.textNode("yes");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return NODES.textNode("many");
        }
        if (type == LocalDate.class || type == OffsetDateTime.class) {
            return NODES.numberNode(20261001);
        }
        if (List.class.isAssignableFrom(type)) {
            return NODES.textNode("not a list");
        }
        return NODES.textNode("not an object");
    }

    private static JsonNode outOfRange(RecordComponent c) {
        if (c.isAnnotationPresent(NonNegative.class)) {
            return NODES.numberNode(new BigDecimal("-1"));
        }
        if (c.isAnnotationPresent(Positive.class)) {
            return NODES.numberNode(BigDecimal.ZERO);
        }
        Range range = c.getAnnotation(Range.class);
        if (range != null && !range.min().isEmpty()) {
            BigDecimal min = new BigDecimal(range.min());
            return NODES.numberNode(range.minExclusive() ? min : min.subtract(BigDecimal.ONE));
        }
        if (range != null && !range.max().isEmpty()) {
            BigDecimal max = new BigDecimal(range.max());
            return NODES.numberNode(range.maxExclusive() ? max : max.add(BigDecimal.ONE));
        }
        if (c.isAnnotationPresent(Matches.class)) {
            return NODES.textNode("?!");
        }
        if (c.getType() == String.class && !c.isAnnotationPresent(Optional.class)) {
            return NODES.textNode("  ");
        }
        return null;
    }

    private static Class<?> elementType(RecordComponent c) {
        return (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
    }
}
