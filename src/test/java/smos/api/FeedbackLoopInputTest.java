package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import smos.request.Json;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad input of the kpi-alerts, retention and strategy contracts (docs/domains/kpi-alerts.md, retention.md and strategy.md)
 * gets a 400 naming the field, including the cross-field rules the generated tests cannot reach;
 * and the one oddity that is valid data (stock in the channel, nothing sold) gets a decision.
 */
class FeedbackLoopInputTest {
    private static final String SCORECARD = """
            {"scorecard": {"scopeLevel": "REGION", "scopeId": "WEST", "periodStart": "2027-01-01",
                           "periodEnd": "2027-03-31", "asOf": "2027-02-14", "quota": 1000000.00,
                           "bookedRevenue": 400000.00, "openPipeline": 900000.00, "winRate": 0.25,
                           "grossMargin": 0.33, "unitsInChannel": 1200, "weeklySellThrough": 150,
                           "returnRate30d": 0.02, "nps": 35}}
            """;
    private static final String CUSTOMER = """
            {"customer": {"customerId": "CU-1", "segment": "ENTERPRISE", "annualRevenue": 300000.00, "npsScore": 4,
                          "ordersLast90Days": 70000.00, "ordersPrior90Days": 100000.00, "openSupportCases": 3,
                          "competitorMentioned": true, "renewalDate": "2027-03-31", "asOf": "2027-01-01",
                          "grossMargin": 0.33}}
            """;
    private static final String PRODUCT_LINE = """
            {"productLine": {"productLine": "WIFI7_ROUTER", "marketGrowthRate": 0.18, "relativeMarketShare": 1.6,
                             "capabilityFit": 5, "nps": 30, "returnRate": 0.03}}
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

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The request with one field of its single top-level object set to a JSON value, or removed when null. */
    private static String with(String request, String field, String json) {
        ObjectNode root = read(request);
        ObjectNode inner = (ObjectNode) root.elements().next();
        if (json == null) {
            inner.remove(field);
        } else {
            inner.set(field, read("{\"v\": " + json + "}").get("v"));
        }
        return root.toString();
    }

    private static void assertRejects(String domain, String body, String field) {
        Reply reply = http.postJson("/api/v1/decisions/" + domain, body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(List.of(field), reply.errorFields(), reply::toString);
    }

    @Test
    void theUntouchedRequestsAreValid() {
        assertEquals(200, http.postJson("/api/v1/decisions/kpi-alerts", SCORECARD).status());
        assertEquals(200, http.postJson("/api/v1/decisions/retention", CUSTOMER).status());
        assertEquals(200, http.postJson("/api/v1/decisions/strategy", PRODUCT_LINE).status());
    }

    @ParameterizedTest(name = "scorecard.{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "winRate           | 0",
            "winRate           | 1.0001",
            "winRate           | -0.2",
            "asOf              | \"2026-12-31\"",
            "asOf              | \"2027-04-01\"",
            "periodEnd         | \"2026-12-31\"",
            "quota             | 0",
            "bookedRevenue     | -1",
            "openPipeline      | -0.01",
            "grossMargin       | 1.2",
            "unitsInChannel    | -5",
            "unitsInChannel    | 12.5",
            "weeklySellThrough | -1",
            "returnRate30d     | 1.01",
            "returnRate30d     | -0.01",
            "nps               | 101",
            "nps               | -100.5",
            "scopeLevel        | \"TERRITORY\"",
            "scopeId           | \"  \""})
    void aBadScorecardFieldIsNamed(String field, String value) {
        assertRejects("kpi-alerts", with(SCORECARD, field, value), "scorecard." + field);
    }

    @Test
    void unitsInTheChannelNeedAWeeklySellThroughAndTheOtherWayRound() {
        assertRejects("kpi-alerts", with(SCORECARD, "weeklySellThrough", null), "scorecard.weeklySellThrough");
        assertRejects("kpi-alerts", with(SCORECARD, "weeklySellThrough", "null"), "scorecard.weeklySellThrough");
        assertRejects("kpi-alerts", with(SCORECARD, "unitsInChannel", null), "scorecard.unitsInChannel");
    }

    @Test
    void stockInTheChannelWithNothingSoldIsValidAndAnOverstock() {
        Reply reply = http.postJson("/api/v1/decisions/kpi-alerts", with(SCORECARD, "weeklySellThrough", "0"));
        assertEquals(200, reply.status(), reply::toString);
        JsonNode decision = reply.json().path("decision");
        assertTrue(decision.path("suspendSellInIncentives").asBoolean(), reply::toString);
        assertTrue(decision.at("/kpis/weeksOfChannelInventory").isNull(), reply::toString);
        boolean overstock = false;
        for (JsonNode alert : decision.path("alerts")) {
            overstock |= alert.path("code").asText().equals("CHANNEL_OVERSTOCK");
        }
        assertTrue(overstock, reply::toString);
    }

    @ParameterizedTest(name = "customer.{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "npsScore          | 11",
            "npsScore          | -1",
            "npsScore          | 7.5",
            "annualRevenue     | -100",
            "ordersLast90Days  | -1",
            "ordersPrior90Days | -1",
            "openSupportCases  | -1",
            "grossMargin       | 1.5",
            "competitorMentioned | \"yes\"",
            "renewalDate       | \"2027-02-30\"",
            "segment           | \"GOVERNMENT\""})
    void aBadCustomerFieldIsNamed(String field, String value) {
        assertRejects("retention", with(CUSTOMER, field, value), "customer." + field);
    }

    @ParameterizedTest(name = "productLine.{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "capabilityFit       | 6",
            "capabilityFit       | 0",
            "capabilityFit       | 4.5",
            "nps                 | -101",
            "returnRate          | 1.2",
            "relativeMarketShare | -0.1",
            "marketGrowthRate    | -1.5",
            "productLine         | \"ROUTER\""})
    void aBadProductLineFieldIsNamed(String field, String value) {
        assertRejects("strategy", with(PRODUCT_LINE, field, value), "productLine." + field);
    }
}
