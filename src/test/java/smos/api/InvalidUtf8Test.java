package smos.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body that is not well-formed UTF-8 is refused (400 naming the field), never decoded into another
 * string: {@code "C-\xc0\xaf1"} must not become {@code C-/1}, {@code \xc0\x80} not NUL, CESU-8 bytes
 * not lone surrogates.
 */
class InvalidUtf8Test {
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static Stream<Arguments> illFormed() {
        return Stream.of(
                Arguments.of("overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("overlong NUL", new byte[] {(byte) 0xC0, (byte) 0x80}),
                Arguments.of("overlong 3-byte", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("CESU-8 high surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("CESU-8 surrogate pair", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80}),
                Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}),
                Arguments.of("truncated 3-byte sequence", new byte[] {(byte) 0xE2, (byte) 0x82}),
                Arguments.of("past U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("0xFF", new byte[] {(byte) 0xFF}));
    }

    private static byte[] claimWithId(byte[] inside) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"claim\": {\"claimId\": \"C-".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(inside);
        body.writeBytes(("1\", \"productLine\": \"CONSUMER_ROUTER\", \"condition\": \"NEW\", \"channel\": \"DIRECT\", "
                + "\"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\", \"purchasePrice\": 199.99, "
                + "\"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true, \"registered\": false}}")
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illFormed")
    void anIllFormedSequenceInAValueIsA400NamingTheField(String name, byte[] sequence) {
        Reply reply = http.post("/api/v1/decisions/returns", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(claimWithId(sequence)));

        assertEquals(400, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("claim.claimId", reply.errorFields().get(0), reply::toString);
        assertTrue(reply.json().at("/errors/0/message").asText().contains("UTF-8"), reply::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illFormed")
    void anIllFormedSequenceOutsideAnyValueIsA400ForTheBody(String name, byte[] sequence) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(sequence);
        body.writeBytes("{}".getBytes(StandardCharsets.UTF_8));
        Reply reply = http.post("/api/v1/decisions/returns", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));

        assertEquals(400, reply.status(), reply::toString);
        assertEquals("$", reply.errorFields().get(0), reply::toString);
    }

    @org.junit.jupiter.api.Test
    void wellFormedFourByteCharactersAreKept() {
        byte[] emoji = "\uD83D\uDE00é".getBytes(StandardCharsets.UTF_8);
        Reply reply = http.post("/api/v1/decisions/returns", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(claimWithId(emoji)));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("C-\uD83D\uDE00é1", reply.json().at("/decision/claimId").asText());
    }
}
