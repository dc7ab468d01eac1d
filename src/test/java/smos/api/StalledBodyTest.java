package smos.api;

import org.junit.jupiter.api.Test;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.RawHttp;
import smos.testing.Services;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops sending its body, or sends it slower than the minimum rate, is told it was too late (408),
 * not that its request was wrong (400); and the server goes on deciding for others.
 */
class StalledBodyTest {
    private static final Duration IDLE = Duration.ofSeconds(1);

    @Test
    void aBodyThatStopsArrivingIsARequestTimeout() {
        ClientLimits d = ClientLimits.defaults();
        ClientLimits limits = new ClientLimits(d.minRequestBytesPerSecond(), IDLE, d.maxConnections(),
                d.threadsPerClient(), d.maxActiveRequests(), d.maxQueuedRequests(), d.maxQueueWait(), d.trustedProxies());
        try (HttpHarness http = new HttpHarness(Services.shipped(), ApiSettings.defaults().withClients(limits), new Metrics())) {
            long started = System.nanoTime();
            RawHttp.Answer answer = RawHttp.sendAndStall(http.port(), "POST /api/v1/decisions/returns HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"claim\": {");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(408, answer.status(), answer::toString);
            assertEquals("application/problem+json", answer.contentType());
            assertEquals("/problems/request-timeout", answer.json().path("type").asText(), answer::toString);
            assertEquals(408, answer.json().path("status").asInt());
            assertTrue(answer.json().path("detail").asText().contains("stopped arriving"), answer::toString);
            // not before the idle timeout, and well before the 15 s the client waits (a generous bound)
            assertTrue(millis >= IDLE.toMillis() - 100 && millis < 10_000, "answered after " + millis + " ms");
            assertEquals(200, http.postJson("/api/v1/decisions/returns", BatchItemLimitsTest.claim("AFTER")).status());
        }
    }

    /** A body that trickles in below the minimum rate (256 bytes a second by default) is late too, and says so. */
    @Test
    void aBodySlowerThanTheMinimumRateIsARequestTimeout() throws Exception {
        try (HttpHarness http = new HttpHarness(Services.shipped(), ApiSettings.defaults(), new Metrics());
             Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/decisions/returns HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long end = System.currentTimeMillis() + 15_000; // generous: the rate is checked within a second or two
            byte[] buffer = new byte[4096];
            while (System.currentTimeMillis() < end) {
                try {
                    int n = socket.getInputStream().read(buffer);
                    if (n < 0) {
                        break;
                    }
                    answer.write(buffer, 0, n);
                } catch (SocketTimeoutException quiet) {
                    try {
                        out.write(' '); // a byte every half second: 2 bytes a second
                        out.flush();
                    } catch (IOException closed) {
                        break;
                    }
                }
            }
            String raw = answer.toString(StandardCharsets.ISO_8859_1);
            assertTrue(raw.startsWith("HTTP/1.1 408 "), raw);
            assertTrue(raw.contains("\"type\":\"/problems/request-timeout\""), raw);
            assertTrue(raw.contains("slower than the minimum rate"), raw);
        }
    }
}
