package smos.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.cli.Main;
import smos.request.Json;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quota domain through HTTP, {@code decide} and {@code test}: the FY2027 plan of the quota policy's
 * worked example (every figure below is the policy's, worked out by hand), the rejections naming their
 * field, and the trace naming both table rows and DRL lines.
 */
class QuotaDomainTest {
    static final String WORKED_EXAMPLE = """
            {"plan": {"planId": "FY2027", "fiscalYearStart": "2027-01-01", "fiscalYearEnd": "2027-12-31",
                      "revenueTarget": 48000000.00, "grossProfitTarget": 15800000.00},
             "regions": [{"region": "NORTHEAST", "priorYearRevenue": 11500000, "marketPotential": 30000000},
                         {"region": "MIDWEST", "priorYearRevenue": 9200000, "marketPotential": 22000000},
                         {"region": "SOUTH", "priorYearRevenue": 12300000, "marketPotential": 39000000},
                         {"region": "WEST", "priorYearRevenue": 10000000, "marketPotential": 28000000}],
             "reps": [{"repId": "NE-1", "region": "NORTHEAST", "startDate": "2019-03-04", "priorYearRevenue": 6200000, "accountPotential": 15000000},
                      {"repId": "NE-2", "region": "NORTHEAST", "startDate": "2021-06-14", "priorYearRevenue": 5300000, "accountPotential": 14000000},
                      {"repId": "MW-1", "region": "MIDWEST", "startDate": "2018-09-10", "priorYearRevenue": 6300000, "accountPotential": 9000000},
                      {"repId": "MW-2", "region": "MIDWEST", "startDate": "2022-02-01", "priorYearRevenue": 2900000, "accountPotential": 13000000},
                      {"repId": "SO-1", "region": "SOUTH", "startDate": "2017-05-22", "priorYearRevenue": 8100000, "accountPotential": 22000000},
                      {"repId": "SO-2", "region": "SOUTH", "startDate": "2027-02-15", "priorYearRevenue": 0, "accountPotential": 14000000},
                      {"repId": "SO-3", "region": "SOUTH", "startDate": "2020-11-02", "priorYearRevenue": 4200000, "accountPotential": 4000000},
                      {"repId": "WE-1", "region": "WEST", "startDate": "2016-01-11", "priorYearRevenue": 9000000, "accountPotential": 14000000},
                      {"repId": "WE-2", "region": "WEST", "startDate": "2026-09-08", "priorYearRevenue": 1000000, "accountPotential": 10000000}],
             "transfers": [{"accountId": "ACC-1001", "fromRepId": "MW-1", "toRepId": "MW-2", "effectiveDate": "2027-04-01", "annualRevenue": 600000},
                           {"accountId": "ACC-2002", "fromRepId": "NE-2", "toRepId": "SO-1", "effectiveDate": "2027-10-01", "annualRevenue": 250000}]}
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

    @Test
    void theWorkedExampleOverHttp() {
        Reply reply = post(b -> { });
        assertEquals(200, reply.status(), reply::toString);
        JsonNode decision = reply.json().get("decision");
        assertEquals("FY2027", decision.get("planId").asText());
        assertEquals("APPROVED", decision.get("verdict").asText());
        assertAmount("15768854.56", decision.get("plannedGrossProfit"));
        Map<String, JsonNode> regions = byKey(decision.get("regions"), "region");
        assertRegion(regions.get("NORTHEAST"), "0.2613", "12542661.72", "4264504.98", "13733914.19", "1.0950");
        assertRegion(regions.get("MIDWEST"), "0.2023", "9711440.30", "3107660.90", "10682584.33", "1.1000");
        assertRegion(regions.get("SOUTH"), "0.3027", "14530576.50", "4359172.95", "14787936.67", "1.0177");
        assertRegion(regions.get("WEST"), "0.2337", "11215321.48", "4037515.73", "11858800.55", "1.0574");
        Map<String, JsonNode> reps = byKey(decision.get("reps"), "repId");
        assertEquals(9, reps.size());
        assertRep(reps.get("MW-2"), false, "0.4531", "1.00", "4839886.28", "-452054.79", "5291941.07", "1693421.14");
        assertRep(reps.get("SO-2"), true, "0.1750", "0.55", "1538424.79", "0.00", "1538424.79", "461527.44");
        assertRep(reps.get("WE-2"), true, "0.2583", "0.85", "2708967.44", "0.00", "2708967.44", "975228.28");
        assertRep(reps.get("NE-2"), false, "0.4718", "1.00", "6509585.02", "63013.70", "6446571.32", "2191834.25");
        Map<String, JsonNode> transfers = byKey(decision.get("transfers"), "accountId");
        assertAmount("452054.79", transfers.get("ACC-1001").get("relief"));
        assertAmount("63013.70", transfers.get("ACC-2002").get("relief"));
        Set<String> findings = new TreeSet<>();
        decision.get("findings").forEach(f -> findings.add(f.get("code").asText() + " " + f.get("repId").asText()));
        assertEquals(Set.of("GROSS_PROFIT_TARGET_GAP null", "QUOTA_ABOVE_GROWTH_BOUND MW-2", "QUOTA_BELOW_FLOOR SO-3"),
                findings);
    }

    @Test
    void theTraceNamesTableRowsAndDrlLines() throws Exception {
        JsonNode trace = post(b -> { }).json().get("trace");
        Map<String, JsonNode> byRule = byKey(trace, "rule");
        JsonNode remainder = byRule.get("RoundingRemainderToTheLargestWeight");
        assertEquals("rules/quota/quota-allocation.drl", remainder.get("source").asText());
        List<String> drl = Files.readAllLines(TestHomes.REPO.resolve("rules/quota/quota-allocation.drl"));
        int line = Integer.parseInt(remainder.get("location").asText().replace("line ", ""));
        assertEquals("rule \"RoundingRemainderToTheLargestWeight\"", drl.get(line - 1).strip());
        JsonNode ramp = byRule.get("StartInMonthsZeroToTwo");
        assertEquals("decision-tables/quota/quota-plan.xlsx", ramp.get("source").asText());
        assertTrue(ramp.get("location").asText().startsWith("Ramp!B"), ramp::toString);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertRejects(post(b -> ((ArrayNode) b.get("regions")).remove(3)), "regions");
        assertRejects(post(b -> item(b, "regions", 3).put("region", "MIDWEST")), "regions[3].region");
        assertRejects(post(b -> item(b, "reps", 2).put("region", "GREAT_LAKES")), "reps[2].region");
        assertRejects(post(b -> item(b, "reps", 4).put("repId", "NE-1")), "reps[4].repId");
        assertRejects(post(b -> item(b, "reps", 5).put("startDate", "2028-01-01")), "reps[5].startDate");
        assertRejects(post(b -> item(b, "transfers", 1).put("toRepId", "NE-2")), "transfers[1].toRepId");
        assertRejects(post(b -> item(b, "transfers", 0).put("fromRepId", "XX-1")), "transfers[0].fromRepId");
        assertRejects(post(b -> plan(b).put("fiscalYearStart", "2027-01-15")), "plan.fiscalYearStart");
        assertRejects(post(b -> plan(b).put("fiscalYearEnd", "2027-01-01")), "plan.fiscalYearEnd");
        assertRejects(post(b -> plan(b).put("revenueTarget", new BigDecimal("0.99"))), "plan.revenueTarget");
        assertRejects(post(b -> plan(b).put("grossProfitTarget", new BigDecimal("15800000.001"))), "plan.grossProfitTarget");
        assertRejects(post(b -> b.putArray("reps")), "reps");
        assertRejects(post(b -> item(b, "transfers", 0).put("annualRevenue", -1)), "transfers[0].annualRevenue");
        // not refused: totals of 0 and no transfers
        assertEquals(200, post(b -> {
            b.putArray("transfers");
            b.get("regions").forEach(r -> ((ObjectNode) r).put("priorYearRevenue", 0).put("marketPotential", 0));
        }).status());
    }

    @Test
    void decideAndTestOnTheCommandLine(@TempDir Path home) throws Exception {
        TestHomes.copyOfShipped(home);
        Path request = home.resolve("plan.json");
        Files.writeString(request, WORKED_EXAMPLE);
        Path wrong = home.resolve("scenarios/quota/wrong.yaml");
        Files.writeString(wrong, """
                domain: quota
                scenarios:
                  - name: names another field
                    given: %s
                    expectError: {status: 400, field: regions}
                  - name: a valid plan is not refused
                    given: %s
                    expectError: {status: 400, field: reps}
                """.formatted(changed(b -> plan(b).put("fiscalYearStart", "2027-01-02")).toString(), compact()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        int decided;
        int tested;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            decided = Main.run("decide", "--home", home.toString(), "quota", request.toString());
            tested = Main.run("test", "--home", home.toString(), home.resolve("scenarios/quota").toString());
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, decided, text);
        assertTrue(text.contains("\"revenueQuota\":14530576.50"), text);
        assertEquals(1, tested, text);
        assertTrue(text.contains("expectError: expected 400 at field regions, actual 400 at another field: "
                + "plan.fiscalYearStart (must be the first day of a month)"), text);
        assertTrue(text.contains("expectError: expected 400 at field reps, actual a decision (the request was accepted)"), text);
        assertTrue(text.strip().endsWith(" passed, 2 failed"), text);
    }

    private static void assertRegion(JsonNode region, String weight, String revenueQuota, String grossProfitQuota,
                                     String assigned, String coverage) {
        assertAmount(weight, region.get("weight"));
        assertAmount(revenueQuota, region.get("revenueQuota"));
        assertAmount(grossProfitQuota, region.get("grossProfitQuota"));
        assertAmount(assigned, region.get("assignedRevenueQuota"));
        assertAmount(coverage, region.get("coverage"));
    }

    private static void assertRep(JsonNode rep, boolean newHire, String share, String rampFactor, String baseQuota,
                                  String relief, String revenueQuota, String grossProfitQuota) {
        assertEquals(newHire, rep.get("newHire").asBoolean(), rep::toString);
        assertAmount(share, rep.get("share"));
        assertAmount(rampFactor, rep.get("rampFactor"));
        assertAmount(baseQuota, rep.get("baseQuota"));
        assertAmount(relief, rep.get("relief"));
        assertAmount(revenueQuota, rep.get("revenueQuota"));
        assertAmount(grossProfitQuota, rep.get("grossProfitQuota"));
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " vs " + actual);
    }

    private static Map<String, JsonNode> byKey(JsonNode list, String key) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(item -> map.putIfAbsent(item.get(key).asText(), item));
        return map;
    }

    private static ObjectNode plan(ObjectNode body) {
        return (ObjectNode) body.get("plan");
    }

    private static ObjectNode item(ObjectNode body, String list, int index) {
        return (ObjectNode) body.get(list).get(index);
    }

    private static String compact() throws Exception {
        return Json.mapper().readTree(WORKED_EXAMPLE).toString();
    }

    private static ObjectNode changed(Consumer<ObjectNode> change) {
        try {
            ObjectNode body = (ObjectNode) Json.mapper().readTree(WORKED_EXAMPLE);
            change.accept(body);
            return body;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Reply post(Consumer<ObjectNode> change) {
        return http.postJson("/api/v1/decisions/quota", changed(change).toString());
    }

    private static void assertRejects(Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("/problems/invalid-request", reply.json().path("type").asText(), reply::toString);
        assertTrue(reply.errorFields().contains(field), reply::toString);
    }
}
