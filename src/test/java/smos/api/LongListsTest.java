package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's firing limit scales with the facts of the request: the longest lists a request may
 * hold decide, correctly, instead of stopping as a rules defect (a 500). 1,000 items is at least the
 * contract's list bound; 10,000 quarters, the reproduction, decides too.
 */
class LongListsTest {
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static Reply decide(String domain, String body) {
        return http.postJson("/api/v1/decisions/" + domain, body);
    }

    /** Every quarter below the 0.70 threshold (at 0.50, above the 0.40 severe miss): n in a row, step 3 or more. */
    private static String quartersAllBelow(int n) {
        StringJoiner quarters = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            quarters.add("{\"periodId\": \"Q-" + i + "\", \"attainment\": 0.50}");
        }
        return "{\"rep\": {\"repId\": \"R-1\", \"managerId\": \"M-1\", \"tenureMonths\": 60}, \"quarters\": " + quarters + "}";
    }

    /** The contract's bound on a list of a request record: the longest list a client may send. */
    private static int bound(Class<?> record, String component) {
        for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(component)) {
                return c.getAnnotation(smos.request.MaxItems.class).value();
            }
        }
        throw new AssertionError(record + " has no " + component);
    }

    @Test
    void asManyQuartersAsTheContractTakesAllBelowTheThresholdAreCountedAndGoToEmploymentReview() {
        int most = bound(smos.performancereview.PerformanceReviewRequest.class, "quarters");
        assertEmploymentReview(decide("performance-review", quartersAllBelow(most)), most);
    }

    @Test
    void tenThousandQuartersAreRefusedByTheContractNotStoppedAsARulesDefect() {
        Reply reply = decide("performance-review", quartersAllBelow(10_000));
        assertEquals(400, reply.status(), () -> reply.toString().substring(0, Math.min(600, reply.toString().length())));
        assertEquals(java.util.List.of("quarters"), reply.errorFields());
    }

    private static void assertEmploymentReview(Reply reply, int quarters) {
        assertEquals(200, reply.status(), () -> reply.toString().substring(0, Math.min(600, reply.toString().length())));
        JsonNode decision = reply.json().path("decision");
        assertEquals(quarters, decision.path("consecutiveQuartersBelow").asInt());
        assertEquals("EMPLOYMENT_REVIEW", decision.path("action").asText());
        assertEquals("REGIONAL_DIRECTOR", decision.path("owner").asText());
        assertEquals(14, decision.path("reviewInDays").asInt());
    }

    @Test
    void asManyOpenDealsAsTheContractTakesEachKeepOrLoseTheirRepByTheProtectionWindow() {
        // effective 2027-01-01: closing 2027-04-01 (day 90) stays with the rep, 2027-04-02 (day 91) moves
        int most = bound(smos.territory.TerritoryRequest.class, "openDeals");
        StringJoiner deals = new StringJoiner(",", "[", "]");
        for (int i = 0; i < most; i++) {
            deals.add("{\"dealId\": \"O-" + i + "\", \"ownerRepId\": \"R-" + i + "\", \"createdDate\": \"2026-10-01\", "
                    + "\"expectedCloseDate\": \"" + (i % 2 == 0 ? "2027-04-01" : "2027-04-02") + "\"}");
        }
        Reply reply = decide("territory", "{\"account\": {\"accountId\": \"A-TX-1\", \"state\": \"TX\", \"tier\": \"KEY\", "
                + "\"legacyRegion\": \"GULF\"}, \"effectiveDate\": \"2027-01-01\", \"openDeals\": " + deals + "}");

        assertEquals(200, reply.status(), reply::toString);
        JsonNode decision = reply.json().path("decision");
        assertEquals("SOUTH", decision.path("region").asText());
        JsonNode ownership = decision.path("dealOwnership");
        assertEquals(most, ownership.size());
        for (int i = 0; i < most; i++) {
            assertEquals("O-" + i, ownership.get(i).path("dealId").asText());
            assertEquals(i % 2 == 0 ? "ORIGINAL_REP" : "NEW_REGION", ownership.get(i).path("owner").asText());
        }
    }

    @Test
    void aThousandDealsAndAThousandLateReturnsAddUpToTheStatementOfOneLargeDeal() {
        // 1,000 x 600 revenue, 390 cost = 600,000 and 210,000 gross profit against quotas of 500,000 and
        // 175,000: attainment 1.20, factor 1.40, 12,000 x 1.40 + 8,000 x 1.40 = 28,000. Each return is
        // 91 days after its deal closed, outside the 90-day clawback window, so none is clawed back.
        StringJoiner deals = new StringJoiner(",", "[", "]");
        StringJoiner returns = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 1_000; i++) {
            deals.add("{\"dealId\": \"D-" + i + "\", \"closeDate\": \"2027-01-15\", \"productLine\": \"BUSINESS_ROUTER\", "
                    + "\"revenue\": 600, \"cost\": 390, \"creditPercent\": 100}");
            returns.add("{\"dealId\": \"D-OLD-" + i + "\", \"dealCloseDate\": \"2026-11-30\", \"returnDate\": \"2027-03-01\", "
                    + "\"revenue\": 100, \"cost\": 65, \"creditPercent\": 100}");
        }
        Reply reply = decide("compensation", "{\"period\": {\"id\": \"2027-Q1\", \"start\": \"2027-01-01\", \"end\": \"2027-03-31\"}, "
                + "\"participant\": {\"repId\": \"R-700\", \"role\": \"ACCOUNT_EXECUTIVE\", \"targetIncentive\": 20000, "
                + "\"revenueQuota\": 500000, \"grossProfitQuota\": 175000, \"priorPeriodGrossProfit\": 0, "
                + "\"startDate\": \"2026-03-01\"}, \"deals\": " + deals + ", \"returns\": " + returns + "}");

        assertEquals(200, reply.status(), reply::toString);
        JsonNode decision = reply.json().path("decision");
        assertEquals(0, decision.path("creditedRevenue").decimalValue().compareTo(new java.math.BigDecimal("600000")));
        assertEquals(0, decision.path("creditedGrossProfit").decimalValue().compareTo(new java.math.BigDecimal("210000")));
        assertEquals(0, decision.path("totalPayout").decimalValue().compareTo(new java.math.BigDecimal("28000")));
    }

    @Test
    void aThousandManagersWithinTheirSpansAreApproved() {
        // baseline 2,000 -> at most floor(1,600) managers; 1,000 managers -> reduction 0.50. One VP, a
        // director per region with 5 reports (span 3..8), 995 first-line managers with 8 (span 6..10).
        String[] regions = {"NORTHEAST", "MIDWEST", "SOUTH", "WEST"};
        StringJoiner managers = new StringJoiner(",", "[", "]");
        managers.add("{\"managerId\": \"VP-1\", \"level\": \"VP_SALES\", \"directReports\": 4}");
        for (String region : regions) {
            managers.add("{\"managerId\": \"RD-" + region + "\", \"level\": \"REGIONAL_DIRECTOR\", \"region\": \""
                    + region + "\", \"directReports\": 5}");
        }
        for (int i = 0; i < 995; i++) {
            managers.add("{\"managerId\": \"FL-" + i + "\", \"level\": \"FIRST_LINE_MANAGER\", \"region\": \""
                    + regions[i % 4] + "\", \"directReports\": 8}");
        }
        Reply reply = decide("org-structure", "{\"baselineManagerCount\": 2000, \"managers\": " + managers + "}");

        assertEquals(200, reply.status(), reply::toString);
        JsonNode decision = reply.json().path("decision");
        assertEquals("APPROVED", decision.path("verdict").asText());
        assertEquals(1_000, decision.path("managerCount").asInt());
        assertEquals(1_600, decision.path("maxAllowedManagers").asInt());
        assertEquals(0, decision.path("reduction").decimalValue().compareTo(new java.math.BigDecimal("0.5")));
        assertEquals(0, decision.path("findings").size(), decision::toString);
    }
}
