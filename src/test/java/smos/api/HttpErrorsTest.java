package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.testing.HttpHarness;
import smos.testing.RawHttp;
import smos.testing.Services;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error is problem+json, Jetty's own included: requests written byte by byte over a socket,
 * malformed in the ways HTTP clients never are, each answered with its status (from RFC 9110/9112),
 * content type {@code application/problem+json} and a body whose {@code status} matches.
 */
class HttpErrorsTest {
    private static final String DECIDE = "/api/v1/decisions/returns";
    private static final String CLAIM = "{\"claim\": {\"claimId\": \"C-1\"}}";
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String post(String headers, String body) {
        return "POST " + DECIDE + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n" + body;
    }

    /** Each case: the raw request and the status it must get; 0 means any 4xx or 5xx but 500. */
    private static Map<String, Object[]> cases() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        String json = "Content-Type: application/json\r\n";
        cases.put("Content-Length not a number", new Object[] {post(json + "Content-Length: abc\r\n", CLAIM), 400});
        cases.put("Content-Length negative", new Object[] {post(json + "Content-Length: -5\r\n", CLAIM), 400});
        cases.put("two different Content-Lengths", new Object[] {post(json + "Content-Length: 3\r\nContent-Length: 30\r\n", CLAIM), 400});
        cases.put("Content-Length past 2^63", new Object[] {post(json + "Content-Length: 99999999999999999999999\r\n", CLAIM), 400});
        cases.put("both Transfer-Encoding and Content-Length", new Object[] {post(json
                + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "5\r\nhello\r\n0\r\n\r\n"), 400});
        cases.put("unknown Transfer-Encoding", new Object[] {post(json + "Transfer-Encoding: gzip\r\n", "x"), 0});
        cases.put("chunk size not hex", new Object[] {post(json + "Transfer-Encoding: chunked\r\n", "zz\r\nhello\r\n0\r\n\r\n"), 400});
        cases.put("NUL in a header value", new Object[] {post(json + "X-Note: a\u0000b\r\nContent-Length: 2\r\n", "{}"), 400});
        cases.put("NUL in a header name", new Object[] {post(json + "X-N\u0000te: a\r\nContent-Length: 2\r\n", "{}"), 400});
        cases.put("header without a colon", new Object[] {post(json + "NoColonHere\r\nContent-Length: 2\r\n", "{}"), 400});
        cases.put("space before the colon", new Object[] {post(json + "Content-Length : 2\r\n", "{}"), 400});
        cases.put("obsolete line folding", new Object[] {post(json + "X-Note: a\r\n  folded\r\nContent-Length: 2\r\n", "{}"), 400});
        cases.put("no Host in HTTP/1.1", new Object[] {"GET /health HTTP/1.1\r\n\r\n", 400});
        cases.put("two Host headers", new Object[] {"GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400});
        cases.put("%zz in the path", new Object[] {"GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n", 400});
        cases.put("%00 in the path", new Object[] {"GET /api/v1/a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400});
        cases.put("encoded slash in the path", new Object[] {"GET /api/v1/decisions/a%2Fb HTTP/1.1\r\nHost: localhost\r\n\r\n", 0});
        cases.put("dot segments above the root", new Object[] {"GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n", 400});
        cases.put("raw byte 0xFF in the path", new Object[] {"GET /api/v1/\u00ff HTTP/1.1\r\nHost: localhost\r\n\r\n", 400});
        cases.put("URI too long", new Object[] {"GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414});
        cases.put("headers too large", new Object[] {"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n", 431});
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        cases.put("too many headers", new Object[] {"GET /health HTTP/1.1\r\nHost: localhost\r\n" + many + "\r\n", 431});
        cases.put("Expect other than 100-continue", new Object[] {post(json + "Expect: the-impossible\r\nContent-Length: 2\r\n", "{}"), 417});
        cases.put("HTTP/2.0 on the request line", new Object[] {"GET /health HTTP/2.0\r\nHost: localhost\r\n\r\n", 0});
        cases.put("HTTP/9.9", new Object[] {"GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n", 0});
        cases.put("HTTP/0.9 request line", new Object[] {"GET /health\r\n\r\n", 0});
        cases.put("not HTTP at all", new Object[] {"HELLO THERE\r\n\r\n", 0});
        cases.put("request line with extra parts", new Object[] {"GET /health HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", 0});
        cases.put("CONNECT", new Object[] {"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 0});
        cases.put("TRACE", new Object[] {"TRACE /health HTTP/1.1\r\nHost: localhost\r\n\r\n", 0});
        cases.put("unknown method", new Object[] {"BREW /health HTTP/1.1\r\nHost: localhost\r\n\r\n", 0});
        cases.put("lower-case method", new Object[] {"get /health HTTP/1.1\r\nHost: localhost\r\n\r\n", 0});
        cases.put("Upgrade to WebSocket", new Object[] {"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", 0});
        cases.put("Upgrade to h2c", new Object[] {"GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n", 404});
        cases.put("HTTP/2 preface on HTTP/1", new Object[] {"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 0});
        cases.put("body shorter than Content-Length", new Object[] {post(json + "Content-Length: 500\r\n", CLAIM), 400});
        cases.put("absolute URI of another host", new Object[] {"GET http://elsewhere.example/nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n", 400});
        cases.put("OPTIONS *", new Object[] {"OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n", 0});
        return cases;
    }

    @Test
    void everyMalformedRequestIsAnsweredWithProblemJson() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Object[]> c : cases().entrySet()) {
            String request = (String) c.getValue()[0];
            int expected = (Integer) c.getValue()[1];
            RawHttp.Answer answer = RawHttp.exchange(http.port(), request.getBytes(StandardCharsets.ISO_8859_1));
            String problem = check(answer, expected);
            if (problem != null) {
                failures.add(c.getKey() + ": " + problem + "\n    " + answer.toString().replace("\r\n", "\n    "));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases().size() + " cases:\n" + String.join("\n", failures));
    }

    /** Null when the answer is right; what is wrong otherwise. */
    private static String check(RawHttp.Answer answer, int expected) {
        if (answer.status() < 0) {
            return "no HTTP answer";
        }
        if (expected != 0 && answer.status() != expected) {
            return "status " + answer.status() + ", expected " + expected;
        }
        if (expected == 0 && (answer.status() < 400 || answer.status() == 500)) {
            return "status " + answer.status() + ", expected an error other than 500";
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "content type " + answer.contentType();
        }
        JsonNode body;
        try {
            body = answer.json();
        } catch (AssertionError e) {
            return "body is not JSON";
        }
        if (body.path("status").asInt() != answer.status() || !body.path("type").asText().startsWith("/problems/")
                || body.path("title").asText().isEmpty() || body.path("detail").asText().isEmpty()) {
            return "not a complete problem: " + body;
        }
        return null;
    }

    @Test
    void aCompleteRequestStillDecides() {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        String body = "{\"claim\": {\"claimId\": \"C-1\", \"productLine\": \"CONSUMER_ROUTER\", \"condition\": \"NEW\", "
                + "\"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\", "
                + "\"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true, "
                + "\"registered\": false}}";
        request.writeBytes(post("Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n", body)
                .getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Answer answer = RawHttp.exchange(http.port(), request.toByteArray());
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("REFUND", answer.json().at("/decision/outcome").asText());
    }
}
