package smos.diff;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.testing.PublishingServer;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Is the change tested? The return window of an opened unit (Outcome, rule ChangedMindOpenedIsRefundedLessFee,
 * "Claimed at most (days after purchase)", 30 days) is pinned by scenarios exactly at the threshold: day
 * 30 refunded, day 31 denied. Moving it makes the day-31 scenario fail; with that one fixed, the day-30
 * scenario still passes but tests nothing any more: the publish goes live with a warning naming the cell.
 */
class UntestedChangeTest {
    private static final String TOKEN = "untested-publisher-token-0123456789";
    private static final String RULE = "ChangedMindOpenedIsRefundedLessFee";
    private static final String DAY_31 = """
              - name: opened unit returned on day 31 is denied
                given:
                  claim: {claimId: C-7, productLine: SWITCH, condition: NEW, channel: DIRECT,
                          purchaseDate: 2026-01-10, claimDate: 2026-02-10, purchasePrice: 899.00,
                          reason: CHANGED_MIND, opened: true, proofOfPurchase: true, registered: true}
                expect:
                  outcome: DENY
                  refundAmount: null
                  restockingFee: null
                  warrantyEndDate: 2031-01-10   # 60 months for a switch
                expectRules: [NewSwitchWarranty, ChangedMindAfterWindowIsDenied]
            """;
    /** Day 31 inside a longer window: refunded less the 15% fee, 899.00 x 0.15 = 134.85. */
    private static final String DAY_31_REFUNDED = """
              - name: opened unit returned on day 31 is refunded less the fee
                given:
                  claim: {claimId: C-7, productLine: SWITCH, condition: NEW, channel: DIRECT,
                          purchaseDate: 2026-01-10, claimDate: 2026-02-10, purchasePrice: 899.00,
                          reason: CHANGED_MIND, opened: true, proofOfPurchase: true, registered: true}
                expect:
                  outcome: REFUND
                  restockingFee: 134.85
                  refundAmount: 764.15
                  warrantyEndDate: 2031-01-10
                expectRules: [NewSwitchWarranty, ChangedMindOpenedIsRefundedLessFee]
            """;
    /** The day after a 31-day window: outside it, denied. */
    private static final String DAY_32_DENIED = """
              - name: opened unit returned on day 32 is denied
                given:
                  claim: {claimId: C-7b, productLine: SWITCH, condition: NEW, channel: DIRECT,
                          purchaseDate: 2026-01-10, claimDate: 2026-02-11, purchasePrice: 899.00,
                          reason: CHANGED_MIND, opened: true, proofOfPurchase: true, registered: true}
                expect:
                  outcome: DENY
                  refundAmount: null
                  restockingFee: null
                expectRules: [NewSwitchWarranty, ChangedMindAfterWindowIsDenied]
            """;

    @TempDir
    Path dir;

    @Test
    void aMovedThresholdWithItsOneFailingScenarioFixedGoesLiveWithAWarningNamingTheCell() throws IOException {
        String cell = windowCell();
        byte[] policy = policyWithWindow(35);
        try (PublishingServer server = new PublishingServer(dir, Tokens.of(Map.of("ops", TOKEN)))) {
            String base = server.base("returns", null);
            // the window moved alone: exactly the day-31 scenario fails
            PublishingServer.Reply refused = server.putFile("returns", "returns-policy.xlsx", policy, TOKEN, base);
            assertEquals(422, refused.status(), refused::toString);
            java.util.Set<String> failing = new java.util.TreeSet<>();
            refused.json().path("failures").forEach(f -> failing.add(f.path("scenario").asText()));
            assertEquals(java.util.Set.of("opened unit returned on day 31 is denied"), failing, refused::toString);

            PublishingServer.Reply published = server.publishTogether("returns", Map.of("returns-policy.xlsx", policy,
                    "change-of-mind.yaml", changeOfMind(DAY_31_REFUNDED)), "window 35 days", TOKEN, base);

            assertEquals(200, published.status(), published::toString);
            List<JsonNode> untested = untested(published);
            // 35 a day either way: no scenario sits at day 34, 35 or 36
            assertEquals(2, untested.size(), published::toString);
            assertEquals("Outcome!" + cell + " changed 30 -> 35, but no scenario notices 35 -> 34: add a scenario at the "
                    + "new boundary", untested.get(0).path("message").asText());
            assertEquals("Outcome!" + cell + " changed 30 -> 35, but no scenario notices 35 -> 36: add a scenario at the "
                    + "new boundary", untested.get(1).path("message").asText());
            assertEquals(cell, untested.get(0).path("cell").asText());
            assertEquals(ReturnsChanges.POLICY, untested.get(0).path("file").asText());
        }
    }

    @Test
    void aThresholdMovedWithScenariosOnBothSidesOfTheNewBoundaryGivesNoWarning() throws IOException {
        byte[] policy = policyWithWindow(31);
        try (PublishingServer server = new PublishingServer(dir, Tokens.of(Map.of("ops", TOKEN)))) {
            PublishingServer.Reply published = server.publishTogether("returns", Map.of("returns-policy.xlsx", policy,
                    "change-of-mind.yaml", changeOfMind(DAY_31_REFUNDED + "\n" + DAY_32_DENIED)), "window 31 days", TOKEN,
                    server.base("returns", null));

            assertEquals(200, published.status(), published::toString);
            assertEquals(List.of(), untested(published), published::toString);
        }
    }

    /** The cell of the opened-unit return window, worked out from the shipped workbook. */
    private static String windowCell() {
        return Workbooks.cellOf(TestHomes.REPO.resolve(ReturnsChanges.POLICY), "Outcome", RULE, "Claimed at most");
    }

    private byte[] policyWithWindow(int days) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("upload")).resolve("window-" + days + ".xlsx");
        Files.copy(TestHomes.REPO.resolve(ReturnsChanges.POLICY), copy);
        Workbooks.set(copy, "Outcome", windowCell(), days);
        return Files.readAllBytes(copy);
    }

    private static byte[] changeOfMind(String dayThirtyOne) throws IOException {
        String shipped = Files.readString(TestHomes.REPO.resolve(ReturnsChanges.CHANGE_OF_MIND));
        if (!shipped.contains(DAY_31)) {
            throw new IllegalStateException("the change-of-mind scenarios changed; update UntestedChangeTest");
        }
        return shipped.replace(DAY_31, dayThirtyOne).getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> untested(PublishingServer.Reply published) {
        List<JsonNode> untested = new ArrayList<>();
        published.json().path("warnings").forEach(w -> {
            if (w.path("message").asText().contains("but no scenario notices")) {
                untested.add(w);
            }
        });
        return untested;
    }
}
