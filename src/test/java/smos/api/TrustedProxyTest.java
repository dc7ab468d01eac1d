package smos.api;

import org.junit.jupiter.api.Test;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.Services;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code --trusted-proxy}: one request per client at a time ({@code threadsPerClient} 1), and a client
 * holding its one request open with an unfinished body. Behind a trusted proxy the client is the one
 * {@code X-Forwarded-For} names, so another forwarded client is served at once while the same one
 * waits; from an address that is not a trusted proxy the header is ignored, so a client cannot pose
 * as another to escape its own limit.
 */
class TrustedProxyTest {
    /** Generous: a decision takes milliseconds. */
    private static final Duration SERVED = Duration.ofSeconds(10);
    /** Long enough for a request that could be served to have been served. */
    private static final Duration WAITING = Duration.ofMillis(1_500);

    private static ApiSettings settings(List<String> trustedProxies) {
        ClientLimits oneAtATime = new ClientLimits(1, Duration.ofSeconds(30), 100, 1, 50, 100,
                Duration.ofSeconds(30), trustedProxies);
        return ApiSettings.defaults().withClients(oneAtATime);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() throws Exception {
        try (HttpHarness http = new HttpHarness(Services.shipped(), settings(List.of("127.0.0.1")), new Metrics());
             HeldRequest held = HeldRequest.open(http.port(), "127.0.0.1", "203.0.113.7")) {
            assertEquals(200, decide(http.port(), "203.0.113.8").get(SERVED.toMillis(), TimeUnit.MILLISECONDS));

            CompletableFuture<Integer> sameClient = decide(http.port(), "203.0.113.7");
            assertThrows(TimeoutException.class, () -> sameClient.get(WAITING.toMillis(), TimeUnit.MILLISECONDS),
                    "the forwarded client already holding its one request was served a second one at once");
            held.finish();
            assertEquals(200, sameClient.get(SERVED.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void fromAnAddressThatIsNoTrustedProxyTheHeaderIsIgnored() throws Exception {
        try (HttpHarness http = new HttpHarness(Services.shipped(), settings(List.of()), new Metrics());
             HeldRequest held = HeldRequest.open(http.port(), "127.0.0.1", "203.0.113.7")) {
            CompletableFuture<Integer> posing = decide(http.port(), "203.0.113.8");
            assertThrows(TimeoutException.class, () -> posing.get(WAITING.toMillis(), TimeUnit.MILLISECONDS),
                    "a client escaped its limit by naming another address in X-Forwarded-For");
            held.finish();
            assertEquals(200, posing.get(SERVED.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** A decision from 127.0.0.1 naming {@code forwardedFor}; its status when answered. */
    private static CompletableFuture<Integer> decide(int port, String forwardedFor) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/decisions/returns"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(BatchItemLimitsTest.claim("P-" + forwardedFor)))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    /** A decision whose headers are sent and whose body is held back: its request keeps its thread. */
    private static final class HeldRequest implements AutoCloseable {
        private final Socket socket;
        private final byte[] body;

        private HeldRequest(Socket socket, byte[] body) {
            this.socket = socket;
            this.body = body;
        }

        static HeldRequest open(int port, String from, String forwardedFor) {
            byte[] body = BatchItemLimitsTest.claim("HELD").getBytes(StandardCharsets.UTF_8);
            try {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/decisions/returns HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nX-Forwarded-For: " + forwardedFor + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(500); // the server takes the request and waits for the rest of its body
                return new HeldRequest(socket, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void finish() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(body, 10, body.length - 10);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
