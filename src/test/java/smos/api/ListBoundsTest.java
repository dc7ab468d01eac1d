package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.request.MaxItems;
import smos.scenarios.ScenarioLoader;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every list of every request has a maximum size, and a list past it is a 400 naming the list: a
 * performance review of 10,000 quarters used to run the rules into their loop guard and answer 500.
 */
class ListBoundsTest {
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void everyListOfEveryRequestOfEveryDomainHasAMaximum() {
        List<String> unbounded = new ArrayList<>();
        for (DecisionDomain<?, ?> domain : DomainRegistry.discover()) {
            walk(domain.requestType(), domain.id() + ":", unbounded, new HashSet<>());
        }
        assertEquals(List.of(), unbounded, "lists without @MaxItems (smos.request.MaxItems: give each a bound "
                + "far above any real request, with its reason)");
    }

    @Test
    void aReviewOfTenThousandQuartersIsRefusedNamingQuarters() {
        ObjectNode request = (ObjectNode) ScenarioLoader.examples(TestHomes.REPO).get("performance-review").deepCopy();
        ArrayNode quarters = (ArrayNode) request.get("quarters");
        JsonNode quarter = quarters.get(0);
        quarters.removeAll();
        for (int i = 0; i < 10_000; i++) {
            quarters.add(quarter.deepCopy());
        }
        Reply reply = http.postJson("/api/v1/decisions/performance-review", request.toString());
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(List.of("quarters"), reply.errorFields(), reply::toString);
        assertTrue(reply.json().path("errors").get(0).path("message").asText().contains("at most 100"), reply::toString);
    }

    @Test
    void aListAtItsMaximumIsDecided() {
        ObjectNode request = (ObjectNode) ScenarioLoader.examples(TestHomes.REPO).get("performance-review").deepCopy();
        ArrayNode quarters = (ArrayNode) request.get("quarters");
        JsonNode quarter = quarters.get(quarters.size() - 1);
        while (quarters.size() < 100) {
            quarters.insert(0, quarter.deepCopy());
        }
        Reply reply = http.postJson("/api/v1/decisions/performance-review", request.toString());
        assertEquals(200, reply.status(), reply::toString);
    }

    private static void walk(Class<?> type, String path, List<String> unbounded, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String field = path + component.getName();
            if (List.class.isAssignableFrom(component.getType())) {
                if (!component.isAnnotationPresent(MaxItems.class)) {
                    unbounded.add(field + " (" + type.getName() + ")");
                }
                if (component.getGenericType() instanceof ParameterizedType p
                        && p.getActualTypeArguments()[0] instanceof Class<?> item) {
                    walk(item, field + "[].", unbounded, seen);
                }
            } else {
                walk(component.getType(), field + ".", unbounded, seen);
            }
        }
    }
}
