package smos.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smos.engine.CompiledRuleSet;
import smos.request.Json;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planning domains (compensation, territory, org-structure): every rule is proven by a scenario, and
 * the bad input the issue names gets a 400 naming the field (the scenario files can only hold good input).
 */
class PlanningDomainsTest {
    private static final String COMPENSATION = """
            {"period": {"id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31"},
             "participant": {"repId": "R-1", "role": "ACCOUNT_EXECUTIVE", "targetIncentive": 20000,
                             "revenueQuota": 500000, "grossProfitQuota": 175000, "priorPeriodGrossProfit": 150000,
                             "startDate": "2027-01-01"},
             "deals": [{"dealId": "D-1", "closeDate": "2027-02-15", "productLine": "BUSINESS_ROUTER",
                        "revenue": 550000, "cost": 357500, "creditPercent": 100}],
             "returns": [{"dealId": "D-0", "dealCloseDate": "2026-12-20", "returnDate": "2027-01-10",
                          "revenue": 1000, "cost": 600, "creditPercent": 100}]}
            """;
    private static final String TERRITORY = """
            {"account": {"accountId": "A-1", "state": "NY", "tier": "KEY", "legacyRegion": "MID_ATLANTIC"},
             "effectiveDate": "2027-01-01",
             "openDeals": [{"dealId": "O-1", "ownerRepId": "R-1", "createdDate": "2026-11-01",
                            "expectedCloseDate": "2027-02-01"}]}
            """;
    private static final String ORG = """
            {"baselineManagerCount": 10,
             "managers": [{"managerId": "VP-1", "level": "VP_SALES", "directReports": 4},
                          {"managerId": "FL-1", "level": "FIRST_LINE_MANAGER", "region": "WEST", "directReports": 8}]}
            """;

    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"compensation", "territory", "org-structure", "quota"})
    void everyRuleIsNamedByAScenario(String domain) {
        CompiledRuleSet rules = Services.shipped().registry().state(domain).orElseThrow().active();
        assertTrue(rules != null, domain + " does not compile");
        Set<String> named = new TreeSet<>();
        Path folder = TestHomes.REPO.resolve(ScenarioLoader.SCENARIOS_DIR).resolve(domain);
        for (Path path : ScenarioLoader.find(List.of(folder))) {
            ScenarioFile file = ScenarioLoader.load(path, path.toString());
            file.scenarios().stream().map(Scenario::expectRules).forEach(named::addAll);
        }
        Set<String> unproven = new TreeSet<>(rules.origins().keySet());
        unproven.removeAll(named);
        assertEquals(Set.of(), unproven, "rules of " + domain + " that no scenario names in expectRules");
    }

    @Test
    void theRequestsUsedHereAreValid() {
        assertEquals(200, post("compensation", COMPENSATION, b -> { }).status());
        assertEquals(200, post("territory", TERRITORY, b -> { }).status());
        assertEquals(200, post("org-structure", ORG, b -> { }).status());
    }

    @Test
    void compensationRejectsBadInputNamingTheField() {
        assertRejects(post("compensation", COMPENSATION, b -> participant(b).put("revenueQuota", 0)),
                "participant.revenueQuota");
        assertRejects(post("compensation", COMPENSATION, b -> participant(b).put("grossProfitQuota", 0)),
                "participant.grossProfitQuota");
        assertRejects(post("compensation", COMPENSATION, b -> item(b, "deals").put("creditPercent", 100.01)),
                "deals[0].creditPercent");
        assertRejects(post("compensation", COMPENSATION, b -> item(b, "returns").put("creditPercent", 101)),
                "returns[0].creditPercent");
        assertRejects(post("compensation", COMPENSATION, b -> item(b, "deals").put("creditPercent", -1)),
                "deals[0].creditPercent");
        assertRejects(post("compensation", COMPENSATION, b -> ((ObjectNode) b.get("period")).put("end", "2026-12-31")),
                "period.end");
        assertRejects(post("compensation", COMPENSATION, b -> participant(b).put("startDate", "2027-04-01")),
                "participant.startDate");
        assertRejects(post("compensation", COMPENSATION, b -> item(b, "returns").put("returnDate", "2026-12-19")),
                "returns[0].returnDate");
        assertRejects(post("compensation", COMPENSATION, b -> item(b, "deals").put("revenue", -5)), "deals[0].revenue");
        assertRejects(post("compensation", COMPENSATION, b -> participant(b).put("role", "CEO")), "participant.role");
        // a quota that prorates to 0.00 cents could not divide attainment
        assertRejects(post("compensation", COMPENSATION, b -> participant(b).put("revenueQuota", 0.01)
                .put("startDate", "2027-03-31")), "participant.revenueQuota");
    }

    @Test
    void compensationAcceptsTheEdgesOfItsRanges() {
        assertEquals(200, post("compensation", COMPENSATION, b -> item(b, "deals").put("creditPercent", 100)).status());
        assertEquals(200, post("compensation", COMPENSATION, b -> item(b, "deals").put("creditPercent", 0)).status());
        assertEquals(200, post("compensation", COMPENSATION, b -> ((ObjectNode) b.get("period"))
                .put("end", "2027-01-01")).status());
        assertEquals(200, post("compensation", COMPENSATION, b -> participant(b).put("startDate", "2027-03-31")).status());
    }

    @Test
    void territoryRejectsAStateThatIsNotTwoUpperCaseLetters() {
        for (String state : List.of("ny", "NYC", "N", "N1", "Ny", "")) {
            assertRejects(post("territory", TERRITORY, b -> ((ObjectNode) b.get("account")).put("state", state)),
                    "account.state");
        }
        assertRejects(post("territory", TERRITORY, b -> ((ObjectNode) b.get("account")).put("tier", "GOLD")),
                "account.tier");
        assertRejects(post("territory", TERRITORY, b -> item(b, "openDeals").put("expectedCloseDate", "2026-10-31")),
                "openDeals[0].expectedCloseDate");
        assertEquals(200, post("territory", TERRITORY, b -> ((ObjectNode) b.get("account")).put("state", "PR")).status());
    }

    @Test
    void orgStructureRejectsBadInputNamingTheField() {
        assertRejects(post("org-structure", ORG, b -> b.put("baselineManagerCount", 0)), "baselineManagerCount");
        assertRejects(post("org-structure", ORG, b -> b.putArray("managers")), "managers");
        assertRejects(post("org-structure", ORG, b -> item(b, "managers").put("level", "ACCOUNT_EXECUTIVE")),
                "managers[0].level");
        assertRejects(post("org-structure", ORG, b -> ((ObjectNode) b.get("managers").get(1)).remove("region")),
                "managers[1].region");
        assertRejects(post("org-structure", ORG, b -> ((ObjectNode) b.get("managers").get(1)).put("managerId", "VP-1")),
                "managers[1].managerId");
        assertRejects(post("org-structure", ORG, b -> item(b, "managers").put("directReports", -1)),
                "managers[0].directReports");
    }

    private static ObjectNode participant(ObjectNode body) {
        return (ObjectNode) body.get("participant");
    }

    private static ObjectNode item(ObjectNode body, String list) {
        return (ObjectNode) body.get(list).get(0);
    }

    private static Reply post(String domain, String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode body = (ObjectNode) Json.mapper().readTree(json);
            change.accept(body);
            return http.postJson("/api/v1/decisions/" + domain, body.toString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRejects(Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        JsonNode problem = reply.json();
        assertEquals("/problems/invalid-request", problem.path("type").asText(), reply::toString);
        assertEquals(List.of(field), reply.errorFields(), reply::toString);
    }
}
