package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request with several mistakes gets one 400 that lists every one of them with its JSON path:
 * values of the wrong type or format, unknown enumeration values, unknown and missing fields, range
 * violations, and the cross-field checks of the objects that read cleanly. Through a real server.
 */
class EveryFieldErrorTest {
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** The errors of a 400, field to message, in the order given; a field listed twice fails. */
    private static Map<String, String> errors(Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode e : reply.json().path("errors")) {
            String before = errors.put(e.path("field").asText(), e.path("message").asText());
            assertEquals(null, before, () -> "listed twice: " + e + " in " + reply);
        }
        return errors;
    }

    @Test
    void aClaimWithFourMistakesGetsOneAnswerNamingAllFour() {
        // a bad date, a word where a number goes, an unknown channel, a missing flag; the claim date is
        // also before the purchase date, but that check needs a readable purchase date, so it stays silent
        Reply reply = http.postJson("/api/v1/decisions/returns", """
                {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "PHONE",
                 "purchaseDate": "2026-13-01", "claimDate": "2026-09-01", "purchasePrice": "cheap",
                 "reason": "CHANGED_MIND", "proofOfPurchase": true, "registered": false}}""");
        Map<String, String> errors = errors(reply);
        assertEquals(java.util.Set.of("claim.channel", "claim.purchaseDate", "claim.purchasePrice", "claim.opened"),
                errors.keySet(), reply::toString);
        assertTrue(errors.get("claim.channel").contains("'PHONE'")
                && errors.get("claim.channel").contains("DIRECT, RETAILER, DISTRIBUTOR"), reply::toString);
        assertTrue(errors.get("claim.purchaseDate").contains("'2026-13-01' is not a valid date"), reply::toString);
        assertTrue(errors.get("claim.purchasePrice").startsWith("must be a number"), reply::toString);
        assertEquals("is required", errors.get("claim.opened"));
    }

    @Test
    void aStatementListsErrorsInsideItsListsAndChecksTheObjectsThatReadCleanly() {
        // deals[0]: a date that is not one; deals[1]: a field the contract does not have; deals[2]: a word
        // for revenue; the participant: a number for a role and a negative quota; the period ends before
        // it starts: the period's own fields read, so its cross-field check runs and is reported too
        Reply reply = http.postJson("/api/v1/decisions/compensation", """
                {"period": {"id": "2027-Q1", "start": "2027-01-01", "end": "2026-12-31"},
                 "participant": {"repId": "R-1", "role": 7, "targetIncentive": 20000, "revenueQuota": -5,
                                 "grossProfitQuota": 175000, "priorPeriodGrossProfit": 0, "startDate": "2026-03-01"},
                 "deals": [
                   {"dealId": "D-0", "closeDate": "tomorrow", "productLine": "SWITCH", "revenue": 1000, "cost": 500, "creditPercent": 100},
                   {"dealId": "D-1", "closeDate": "2027-01-10", "productLine": "SWITCH", "revenue": 1000, "cost": 500, "creditPercent": 100, "discount": 5},
                   {"dealId": "D-2", "closeDate": "2027-01-11", "productLine": "SWITCH", "revenue": "lots", "cost": 500, "creditPercent": 100}],
                 "returns": []}""");
        Map<String, String> errors = errors(reply);
        assertEquals(java.util.Set.of("period.end", "participant.role", "participant.revenueQuota",
                "deals[0].closeDate", "deals[1].discount", "deals[2].revenue"), errors.keySet(), reply::toString);
        assertTrue(errors.get("period.end").contains("must not be before start"), reply::toString);
        assertTrue(errors.get("participant.role").contains("ACCOUNT_EXECUTIVE"), reply::toString);
        assertEquals("must be above 0", errors.get("participant.revenueQuota"));
        assertTrue(errors.get("deals[1].discount").startsWith("is not a known field"), reply::toString);
        assertTrue(errors.get("deals[2].revenue").startsWith("must be a number"), reply::toString);
    }

    @Test
    void aDealWithFiveMistakesOfFiveKindsListsThemAll() {
        Reply reply = http.postJson("/api/v1/decisions/discount-approval", """
                {"deal": {"dealId": "D-9", "listPrice": 0, "unitCost": 45.00, "quantity": 2.5,
                          "requestedDiscountPercent": 150, "customerSegment": "BIG", "strategicAccount": "yes"}}""");
        Map<String, String> errors = errors(reply);
        assertEquals(java.util.Set.of("deal.listPrice", "deal.quantity", "deal.requestedDiscountPercent",
                "deal.customerSegment", "deal.strategicAccount"), errors.keySet(), reply::toString);
        assertEquals("must be above 0", errors.get("deal.listPrice"));
        assertTrue(errors.get("deal.quantity").startsWith("must be a whole number"), reply::toString);
        assertTrue(errors.get("deal.customerSegment").contains("CONSUMER, SMB, ENTERPRISE, CHANNEL_PARTNER"),
                reply::toString);
        assertEquals("must be true or false", errors.get("deal.strategicAccount"));
    }

    @Test
    void anItemOfAJsonArrayBatchListsEveryErrorToo() {
        Reply reply = http.postJson("/api/v1/decisions/discount-approval/batch", """
                [{"deal": {"dealId": "D-9", "listPrice": "ten", "unitCost": -1, "quantity": 3,
                           "requestedDiscountPercent": 5, "customerSegment": "SMB"}}]""");
        assertEquals(200, reply.status(), reply::toString);
        JsonNode item = reply.json().get(0);
        java.util.Set<String> fields = new java.util.HashSet<>();
        item.path("error").path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(java.util.Set.of("deal.listPrice", "deal.unitCost", "deal.strategicAccount"), fields,
                item::toString);
    }

    @Test
    void malformedJsonEndsTheReadingWithTheSyntaxError() {
        // the reading stops where the JSON breaks: the error before it and the break itself, nothing after
        Reply reply = http.postJson("/api/v1/decisions/discount-approval", """
                {"deal": {"dealId": "D-9", "listPrice": "ten", "unitCost": , "quantity": "x"}}""");
        Map<String, String> errors = errors(reply);
        assertEquals(2, errors.size(), reply::toString);
        assertTrue(errors.get("deal.listPrice").startsWith("must be a number"), reply::toString);
        assertTrue(errors.get("deal.unitCost").startsWith("malformed JSON at line 1"), reply::toString);
    }

    @Test
    void aCleanObjectNextToABrokenOneIsStillCheckedAcrossItsFields() {
        // the claim's own dates read, so the claim date before the purchase date is reported with the
        // unknown top-level field
        Reply reply = http.postJson("/api/v1/decisions/returns", """
                {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                 "purchaseDate": "2026-10-01", "claimDate": "2026-09-01", "purchasePrice": 10,
                 "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false},
                 "customer": "ACME"}""");
        Map<String, String> errors = errors(reply);
        assertEquals(java.util.Set.of("customer", "claim.claimDate"), errors.keySet(), reply::toString);
    }
}
