package smos.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.testing.PublishingServer;
import smos.testing.PublishingServer.Reply;
import smos.testing.ReturnsChanges;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change over HTTP names the version it replaces (If-Match); the check and the swap are one step
 * under the domain's lock, so of two changes on the same base exactly one goes live. The gate has a
 * time limit.
 */
class BaseVersionTest {
    private static final String TOKEN = "publisher-token-0123456789";
    private static final String GATE_THREAD = "smos-gate-returns";

    @TempDir
    Path dir;

    private PublishingServer server() {
        return new PublishingServer(dir, Tokens.of(Map.of("paula", TOKEN)));
    }

    private byte[] valueChange() {
        return ReturnsChanges.policyWithFee(dir, 0.2);
    }

    private Map<String, byte[]> feeWithExpectations() {
        return Map.of("returns-policy.xlsx", valueChange(), "change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent());
    }

    private byte[] codeChange() {
        return ReturnsChanges.policyWithCodeCell(dir, "DeadOnArrival", "smos.returns.*", "smos.returns.*, java.util.List").bytes();
    }

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() {
        try (PublishingServer server = server()) {
            String base = server.base("returns", null);
            String before = server.sha256(ReturnsChanges.POLICY);
            List<Reply> refused = List.of(
                    server.putFile("returns", "returns-policy.xlsx", codeChange(), TOKEN, null),
                    server.deleteFile("returns", "damage.yaml", TOKEN, null),
                    server.publishTogether("returns", feeWithExpectations(), "fee", TOKEN, null),
                    server.rollback("returns", base, TOKEN, null));
            for (Reply reply : refused) {
                assertEquals(428, reply.status(), reply::toString);
                assertTrue(reply.isProblem(), reply::toString);
                assertTrue(reply.json().path("detail").asText().contains("If-Match: \"<version>\""), reply::toString);
            }
            Reply star = server.send(PublishingServer.authorized(server.to("/api/v1/domains/returns/files/returns-policy.xlsx")
                    .header("If-Match", "*").PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(codeChange())), TOKEN, null));
            assertEquals(428, star.status(), star::toString);
            assertEquals(before, server.sha256(ReturnsChanges.POLICY));
            assertEquals(base, server.base("returns", null));
            assertTrue(server.home().resolve("scenarios/returns/damage.yaml").toFile().exists());
        }
    }

    @Test
    void aStaleBaseIs409NamingTheActiveVersionAndChangesNothing() {
        try (PublishingServer server = server()) {
            String original = server.base("returns", null);
            Reply first = server.publishTogether("returns", feeWithExpectations(), "fee 20%", TOKEN, original);
            assertEquals(200, first.status(), first::toString);
            String active = first.json().path("version").asText();
            assertEquals("\"" + active + "\"", first.etag(), "a publish answers the new version as its ETag");
            assertEquals(active, server.base("returns", null), "the history's ETag is the active version");
            String policy = server.sha256(ReturnsChanges.POLICY);
            String scenarios = server.sha256(ReturnsChanges.CHANGE_OF_MIND);

            List<Reply> stale = List.of(
                    server.putFile("returns", "returns-policy.xlsx", codeChange(), TOKEN, original),
                    server.deleteFile("returns", "damage.yaml", TOKEN, original),
                    server.rollback("returns", original, TOKEN, original));
            for (Reply reply : stale) {
                assertEquals(409, reply.status(), reply::toString);
                assertTrue(reply.isProblem(), reply::toString);
                String detail = reply.json().path("detail").asText();
                assertTrue(detail.contains("version " + active + " serves now") && detail.contains(original), detail);
            }
            assertEquals(policy, server.sha256(ReturnsChanges.POLICY));
            assertEquals(scenarios, server.sha256(ReturnsChanges.CHANGE_OF_MIND));
            assertTrue(server.home().resolve("scenarios/returns/damage.yaml").toFile().exists());
            assertEquals(active, server.base("returns", null));
            assertEquals(active, server.send(server.to("/api/v1/domains/returns/history").GET()).json().get(0)
                    .path("version").asText(), "a refused change was recorded");
        }
    }

    @Test
    void ofTwoConcurrentPublishesOnTheSameBaseExactlyOneGoesLive() throws Exception {
        try (PublishingServer server = server()) {
            String base = server.base("returns", null);
            byte[] code = codeChange();
            Map<String, byte[]> fee = feeWithExpectations();
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> {
                await(go);
                return server.publishTogether("returns", fee, "fee 20%", TOKEN, base);
            });
            CompletableFuture<Reply> b = CompletableFuture.supplyAsync(() -> {
                await(go);
                return server.putFile("returns", "returns-policy.xlsx", code, TOKEN, base);
            });
            go.countDown();
            Reply ra = a.get(3, TimeUnit.MINUTES);
            Reply rb = b.get(3, TimeUnit.MINUTES);

            List<Integer> statuses = new ArrayList<>(List.of(ra.status(), rb.status()));
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, () -> ra + "\n" + rb);
            Reply winner = ra.status() == 200 ? ra : rb;
            byte[] winnerPolicy = ra.status() == 200 ? fee.get("returns-policy.xlsx") : code;
            assertEquals(winner.json().path("version").asText(), server.base("returns", null));
            assertEquals(sha256(winnerPolicy), server.sha256(ReturnsChanges.POLICY), "the table on disk is not the winner's");
        }
    }

    /** Reproduction 12: a publish queued behind a slow gate used to go live merged with the slow version. */
    @Test
    void aPublishQueuedBehindASlowGateIsRefused() throws Exception {
        try (PublishingServer server = server()) {
            String base = server.base("returns", null);
            Map<String, byte[]> slow = Map.of("returns-policy.xlsx", valueChange(),
                    "change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent(),
                    "bulk.yaml", ReturnsChanges.bulkScenarios(900_000));
            CompletableFuture<Reply> first = CompletableFuture.supplyAsync(
                    () -> server.publishTogether("returns", slow, "fee 20% with many scenarios", TOKEN, base));
            assertTrue(waitFor(() -> gateThreadAlive() || first.isDone(), Duration.ofMinutes(2)), "the first publish never reached the gate");
            boolean queued = gateThreadAlive();
            Reply second = server.putFile("returns", "returns-policy.xlsx", codeChange(), TOKEN, base);
            Reply firstReply = first.get(3, TimeUnit.MINUTES);

            assertTrue(queued, "the first publish's gate had finished before the second was sent; the test proved nothing");
            assertEquals(200, firstReply.status(), firstReply::toString);
            assertEquals(409, second.status(), second::toString);
            String active = firstReply.json().path("version").asText();
            assertTrue(second.json().path("detail").asText().contains(active), second::toString);
            assertEquals(active, server.base("returns", null));
            assertEquals(sha256(slow.get("returns-policy.xlsx")), server.sha256(ReturnsChanges.POLICY),
                    "the queued change went live merged with the slow one");
        }
    }

    @Test
    void aVersionWhoseGateRunsPastTheTimeLimitIsRefusedAndStopped() throws Exception {
        try (PublishingServer server = server()) {
            server.manager().gateTimeout(Duration.ofMillis(50));
            String base = server.base("returns", null);
            String before = server.sha256(ReturnsChanges.CHANGE_OF_MIND);
            Reply slow = server.publishTogether("returns", Map.of("bulk.yaml", ReturnsChanges.bulkScenarios(1_000_000),
                    "change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent(),
                    "returns-policy.xlsx", valueChange()), "many scenarios", TOKEN, base);

            assertEquals(422, slow.status(), slow::toString);
            assertTrue(slow.json().path("detail").asText().contains("time limit of 50 ms"), slow::toString);
            assertEquals("scenarios/returns", slow.json().at("/problems/0/file").asText(), slow::toString);
            assertEquals(base, server.base("returns", null));
            assertEquals(before, server.sha256(ReturnsChanges.CHANGE_OF_MIND));
            assertFalse(server.home().resolve("scenarios/returns/bulk.yaml").toFile().exists());
            // the gate's thread does not go on evaluating (a generous deadline: compiling cannot be stopped)
            assertTrue(waitFor(() -> !gateThreadAlive(), Duration.ofMinutes(1)), "the refused version's gate kept running");

            server.manager().gateTimeout(Duration.ofSeconds(60));
            Reply again = server.publishTogether("returns", feeWithExpectations(), "fee 20%", TOKEN, base);
            assertEquals(200, again.status(), again::toString);
        }
    }

    private static boolean gateThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(GATE_THREAD) && t.isAlive());
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(2);
        }
        return condition.getAsBoolean();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
