package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch items and NDJSON lines may each be as large as a single request: a larger one is that item's
 * error (413, with its index) and the batch goes on; so is an item that is malformed in any way a
 * single request can be. Only a broken array framing fails the whole batch.
 */
class BatchItemLimitsTest {
    private static final String BATCH = "/api/v1/decisions/returns/batch";
    private static final int MAX_REQUEST = 4_096;
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped(), ApiSettings.defaults().withBodyLimits(MAX_REQUEST, 1 << 20),
                new Metrics());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static String claim(String id) {
        return "{\"claim\": {\"claimId\": \"" + id + "\", \"productLine\": \"CONSUMER_ROUTER\", \"condition\": \"NEW\", "
                + "\"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\", "
                + "\"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true, "
                + "\"registered\": false}}";
    }

    private static List<JsonNode> lines(Reply reply) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : reply.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(new Reply(200, "", line).json());
            }
        }
        return lines;
    }

    /** A line of {@code size} bytes ({@code {"claim": {"claimId": "xxxx...`}) made as it is read, never held. */
    private static InputStream hugeLine(long size) {
        byte[] head = "{\"claim\": {\"claimId\": \"".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    long at = sent + i;
                    b[off + i] = at < head.length ? head[(int) at] : (byte) 'x';
                }
                sent += n;
                return n;
            }
        };
    }

    @Test
    void aSixtyFourMegabyteLineIsThatLinesErrorAndTheLinesAfterItAreDecided() {
        long size = 64L * 1024 * 1024;
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream((claim("BEFORE") + "\n").getBytes(StandardCharsets.UTF_8)),
                hugeLine(size),
                new java.io.ByteArrayInputStream(("\n" + claim("AFTER-1") + "\n" + claim("AFTER-2") + "\n")
                        .getBytes(StandardCharsets.UTF_8)))));

        Reply reply = http.post(BATCH, "application/x-ndjson", HttpRequest.BodyPublishers.ofInputStream(() -> body));

        assertEquals(200, reply.status(), reply::toString);
        List<JsonNode> lines = lines(reply);
        assertEquals(4, lines.size(), reply::toString);
        assertEquals("BEFORE", lines.get(0).at("/decision/claimId").asText());
        assertEquals(1, lines.get(1).path("index").asInt());
        assertEquals(413, lines.get(1).at("/error/status").asInt(), lines.get(1)::toString);
        assertEquals("/problems/limit-exceeded", lines.get(1).at("/error/type").asText());
        assertTrue(lines.get(1).at("/error/detail").asText().contains(size + " bytes"), lines.get(1)::toString);
        assertEquals("AFTER-1", lines.get(2).at("/decision/claimId").asText());
        assertEquals("AFTER-2", lines.get(3).at("/decision/claimId").asText());
    }

    @Test
    void eachBadItemOfAJsonArrayIsThatItemsErrorWithItsIndex() {
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        List<byte[]> items = List.of(
                claim("OK-0").getBytes(StandardCharsets.UTF_8),
                claim("DUP").replace("\"opened\": true", "\"opened\": true, \"opened\": false").getBytes(StandardCharsets.UTF_8),
                claim("NAN").replace("199.99", "NaN").getBytes(StandardCharsets.UTF_8),
                ("{\"claim\": " + "[".repeat(70) + "]".repeat(70) + "}").getBytes(StandardCharsets.UTF_8),
                claim("HUGE").replace("199.99", "1e999999").getBytes(StandardCharsets.UTF_8),
                concat(claim("C-").substring(0, claim("C-").indexOf("C-") + 2), new byte[] {(byte) 0xC0, (byte) 0xAF},
                        claim("C-").substring(claim("C-").indexOf("C-") + 2)),
                claim("X".repeat(MAX_REQUEST)).getBytes(StandardCharsets.UTF_8),
                claim("OK-7").getBytes(StandardCharsets.UTF_8));
        array.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                array.write(',');
            }
            array.writeBytes(items.get(i));
        }
        array.write(']');

        Reply reply = http.post(BATCH, "application/json", HttpRequest.BodyPublishers.ofByteArray(array.toByteArray()));

        assertEquals(200, reply.status(), reply::toString);
        JsonNode results = reply.json();
        assertEquals(items.size(), results.size(), reply::toString);
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i, results.get(i).path("index").asInt());
        }
        assertEquals("OK-0", results.get(0).at("/decision/claimId").asText());
        assertItemError(results.get(1), 400, "claim.opened");
        assertItemError(results.get(2), 400, "claim.purchasePrice");
        assertItemError(results.get(3), 400, "claim");
        assertItemError(results.get(4), 400, "claim.purchasePrice");
        assertItemError(results.get(5), 400, "claim.claimId");
        assertEquals(413, results.get(6).at("/error/status").asInt(), results.get(6)::toString);
        assertEquals("OK-7", results.get(7).at("/decision/claimId").asText());
    }

    private static void assertItemError(JsonNode result, int status, String field) {
        assertEquals(status, result.at("/error/status").asInt(), result::toString);
        assertEquals(field, result.at("/error/errors/0/field").asText(), result::toString);
        assertTrue(result.path("decision").isMissingNode(), result::toString);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void aBrokenArrayFramingFailsTheWholeBatchAsA400() {
        for (String body : List.of("[" + claim("A") + "] trailing", "[" + claim("A") + ",", "{\"not\": \"an array\"}")) {
            Reply reply = http.post(BATCH, "application/json", HttpRequest.BodyPublishers.ofString(body));
            assertEquals(400, reply.status(), reply::toString);
            assertEquals("application/problem+json", reply.contentType());
            assertEquals("$", reply.errorFields().get(0), reply::toString);
        }
    }
}
