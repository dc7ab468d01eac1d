package smos.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NDJSON sent the wrong way gets an answer that says the right way: to the single-decision endpoint
 * a 415 naming the batch endpoint, as application/json a 400 naming application/x-ndjson. Through a
 * real server.
 */
class BatchHintsTest {
    private static final String SINGLE = "/api/v1/decisions/returns";
    private static final String BATCH = SINGLE + "/batch";
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String claim(String id) {
        return "{\"claim\": {\"claimId\": \"" + id + "\", \"productLine\": \"CONSUMER_ROUTER\", \"condition\": \"NEW\", "
                + "\"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\", "
                + "\"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true, "
                + "\"registered\": false}}";
    }

    private static final String TWO_LINES = claim("N-0") + "\n" + claim("N-1") + "\n";

    private static Reply post(String path, String type, String body) {
        return http.post(path, type, HttpRequest.BodyPublishers.ofString(body));
    }

    private static String detail(Reply reply) {
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        return reply.json().path("detail").asText();
    }

    @Test
    void ndjsonToTheSingleEndpointIs415NamingTheBatchEndpoint() {
        Reply reply = post(SINGLE, "application/x-ndjson; charset=utf-8", TWO_LINES);
        assertEquals(415, reply.status(), reply::toString);
        assertTrue(detail(reply).contains("/api/v1/decisions/returns/batch"), reply::toString);
    }

    @Test
    void ndjsonAsJsonToTheSingleEndpointIs400NamingTheNdjsonType() {
        Reply reply = post(SINGLE, "application/json", TWO_LINES);
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(detail(reply).contains("application/x-ndjson"), reply::toString);
        assertTrue(detail(reply).contains("/api/v1/decisions/returns/batch"), reply::toString);
        assertEquals("$", reply.json().at("/errors/0/field").asText(), reply::toString);
    }

    @Test
    void ndjsonAsJsonToTheBatchEndpointIs400NamingTheNdjsonType() {
        Reply reply = post(BATCH, "application/json", TWO_LINES);
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(detail(reply).contains("application/x-ndjson"), reply::toString);
    }

    @Test
    void sentTheRightWayTheSameLinesAreDecided() {
        Reply reply = post(BATCH, "application/x-ndjson", TWO_LINES);
        assertEquals(200, reply.status(), reply::toString);
        String[] lines = reply.body().strip().split("\n");
        assertEquals(2, lines.length, reply::toString);
        assertTrue(lines[1].contains("\"claimId\":\"N-1\"") && lines[1].contains("REFUND"), reply::toString);
    }

    @Test
    void aSingleRequestWithTrailingGarbageIsStillAnOrdinaryError() {
        Reply reply = post(SINGLE, "application/json", claim("N-0") + " ]");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("$", reply.json().at("/errors/0/field").asText(), reply::toString);
        assertTrue(!detail(reply).contains("x-ndjson"), reply::toString);
    }
}
