package smos.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.testing.PublishingServer;
import smos.testing.PublishingServer.Reply;
import smos.testing.ReturnsChanges;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a clumsy or hostile publisher sends: malformed multipart (reproduction 8), names that differ by
 * case (reproduction 9), oversized scenario files. Each is a 4xx problem+json that changes nothing.
 */
class PublishingInputTest {
    private static final String TOKEN = "publisher-token-0123456789";

    @TempDir
    Path dir;

    private PublishingServer server() {
        return new PublishingServer(dir, Tokens.of(Map.of("paula", TOKEN)));
    }

    private static Reply multipart(PublishingServer server, String contentType, byte[] body, String base) {
        return server.send(PublishingServer.authorized(server.to("/api/v1/domains/returns/publish")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)), TOKEN, base));
    }

    private static byte[] form(String boundary, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        return body.append("--").append(boundary).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(int status, Reply reply, String detailPart) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        String text = reply.json().path("detail").asText() + " " + reply.json().path("errors");
        assertTrue(text.contains(detailPart), () -> "expected '" + detailPart + "' in " + reply);
    }

    @Test
    void malformedMultipartIs400Or413NeverA500() throws Exception {
        try (PublishingServer server = server()) {
            String base = server.base("returns", null);
            String before = server.sha256(ReturnsChanges.POLICY);
            byte[] deleteDamage = form("XX", "delete", "damage.yaml");

            assertProblem(400, multipart(server, "multipart/form-data", deleteDamage, base), "boundary");
            assertProblem(400, multipart(server, "multipart/form-data; boundary=", deleteDamage, base), "boundary");
            assertProblem(400, multipart(server, "multipart/form-data; boundary=" + "b".repeat(71), deleteDamage, base), "boundary");
            assertProblem(400, multipart(server, "multipart/form-data; boundary=YY", deleteDamage, base), "multipart");
            assertProblem(400, multipart(server, "multipart/form-data; boundary=XX",
                    Arrays.copyOf(deleteDamage, deleteDamage.length - 12), base), "multipart");
            assertProblem(400, multipart(server, "multipart/form-data; boundary=XX", form("XX", "remove", "damage.yaml"), base),
                    "unknown field");

            String[] thousand = new String[2000];
            for (int i = 0; i < 1000; i++) {
                thousand[2 * i] = "delete";
                thousand[2 * i + 1] = "file-" + i + ".yaml";
            }
            assertProblem(413, multipart(server, "multipart/form-data; boundary=XX", form("XX", thousand), base),
                    "at most " + 100 + " parts");

            assertEquals(before, server.sha256(ReturnsChanges.POLICY));
            assertTrue(Files.exists(server.home().resolve("scenarios/returns/damage.yaml")));
            assertEquals(base, server.base("returns", null));
        }
    }

    /** A chunked body declares no length; it is cut off at the publish limit (16 MiB), long before 200 MB. */
    @Test
    void aChunked200MegabyteBodyIs413() throws Exception {
        try (PublishingServer server = server()) {
            String base = server.base("returns", null);
            URI uri = URI.create(server.url());
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(120_000);
                CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readResponse(socket));
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/domains/returns/publish HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + TOKEN + "\r\nIf-Match: \"" + base + "\"\r\n"
                        + "Content-Type: multipart/form-data; boundary=XX\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                long sent = 0;
                try {
                    while (sent < 200L * 1024 * 1024 && !answer.isDone()) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent += chunk.length;
                    }
                } catch (IOException closedByTheServer) {
                    // expected: the server answers and stops reading
                }
                String response = answer.get(2, TimeUnit.MINUTES);
                assertTrue(response.startsWith("HTTP/1.1 413"), response);
                assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
                assertTrue(response.contains("at most " + (16L * 1024 * 1024) + " bytes"), response);
                assertTrue(sent < 200L * 1024 * 1024, "the server read all 200 MB");
            }
            assertEquals(base, server.base("returns", null));
        }
    }

    @Test
    void aScenarioFileOverOneMebibyteIs413NamingIt() throws Exception {
        try (PublishingServer server = server()) {
            String base = server.base("returns", null);
            byte[] big = ReturnsChanges.bulkScenarios(1024 * 1024 + 4096);
            assertTrue(big.length > 1024 * 1024);
            assertProblem(413, server.putFile("returns", "bulk.yaml", big, TOKEN, base), "bulk.yaml");
            assertProblem(413, server.publishTogether("returns", Map.of("bulk.yaml", big), "m", TOKEN, base), "bulk.yaml");
            assertTrue(Files.notExists(server.home().resolve("scenarios/returns/bulk.yaml")));
            assertEquals(base, server.base("returns", null));
        }
    }

    /** Reproduction 9: x.XLSX was written, answered 200 with the version unchanged, and could not be deleted. */
    @Test
    void namesThatDifferByCaseAreRefusedNamingTheSpelling() throws Exception {
        try (PublishingServer server = server()) {
            String base = server.base("returns", null);
            byte[] policy = ReturnsChanges.policyWithFee(dir, 0.2);
            assertProblem(400, server.putFile("returns", "returns-policy.XLSX", policy, TOKEN, base), "name the file returns-policy.xlsx");
            assertProblem(400, server.putFile("returns", "x.XLSX", policy, TOKEN, base), "name the file x.xlsx");
            assertProblem(400, server.putFile("returns", "Returns-Policy.xlsx", policy, TOKEN, base),
                    "use that spelling: returns-policy.xlsx");
            assertProblem(400, server.putFile("returns", "DAMAGE.yaml", "domain: returns\n".getBytes(StandardCharsets.UTF_8),
                    TOKEN, base), "use that spelling: damage.yaml");
            assertProblem(400, server.deleteFile("returns", "returns-policy.XLSX", TOKEN, base), "name the file returns-policy.xlsx");
            assertProblem(400, server.deleteFile("returns", "Damage.yaml", TOKEN, base), "use that spelling: damage.yaml");
            assertProblem(400, server.deleteFile("returns", "x.XLSX", TOKEN, base), "name the file x.xlsx");

            try (Stream<Path> tables = Files.list(server.home().resolve("decision-tables/returns"));
                 Stream<Path> scenarios = Files.list(server.home().resolve("scenarios/returns"))) {
                assertEquals(1, tables.count(), "a file was written");
                assertEquals(5, scenarios.count(), "a scenario file was written or deleted");
            }
            assertEquals(base, server.base("returns", null));
        }
    }

    /** The status line, headers and body of one HTTP/1.1 response (with a Content-Length). */
    private static String readResponse(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "no response: " + e;
        }
    }
}
