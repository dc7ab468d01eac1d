package smos.diff;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.cli.Main;
import smos.testing.PublishingServer;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET .../diff}, the history's changes and {@code smos diff} against a real server (the app
 * factory on a free port, reads protected): one value cell published in returns, one DRL line in quota.
 */
class DiffApiTest {
    private static final String TOKEN = "diff-publisher-token-0123456789";
    private static final String DRL = "rules/quota/quota-allocation.drl";
    private static final String FEE_LABEL = "Restocking fee rate (0.15 = 15% of the price; refunds only)";
    private static final String FEE_RULE = "ChangedMindOpenedIsRefundedLessFee";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    @Test
    void theDiffListsExactlyThePublishedCellAndLineAndTheHistoryAndCliShowThem() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "ops:publisher=" + TOKEN + "\n");
        try (PublishingServer server = new PublishingServer(dir, Tokens.watching(tokens), true, List.of("returns", "quota"))) {
            // returns: the opened-unit restocking fee, 0.15 in the shipped table, published as 0.2
            String returnsBefore = server.base("returns", TOKEN);
            PublishingServer.Reply fee = server.publishTogether("returns", Map.of(
                    "returns-policy.xlsx", ReturnsChanges.policyWithFee(dir, 0.2),
                    "change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent()), "fee 20%", TOKEN, returnsBefore);
            assertEquals(200, fee.status(), fee::toString);
            // the scenarios pin the new fee (0.19 or 0.21 would change their fees): no warning that it is untested
            assertTrue(fee.json().path("warnings").findValuesAsText("message").stream()
                    .noneMatch(m -> m.contains("no scenario notices")), fee::toString);
            String returnsAfter = server.base("returns", TOKEN);
            String cell = Workbooks.cellOf(TestHomes.REPO.resolve(ReturnsChanges.POLICY), "Outcome", FEE_RULE,
                    "Restocking fee rate");

            JsonNode returns = get(server, "/api/v1/domains/returns/diff?from=" + returnsBefore + "&to=" + returnsAfter).json();
            assertEquals(returnsBefore, returns.path("from").asText());
            assertEquals(returnsAfter, returns.path("to").asText());
            assertEquals(1, returns.path("cells").size(), returns::toPrettyString);
            JsonNode changed = returns.path("cells").get(0);
            assertEquals(ReturnsChanges.POLICY, changed.path("file").asText());
            assertEquals("Outcome", changed.path("sheet").asText());
            assertEquals(cell, changed.path("cell").asText());
            assertEquals(FEE_RULE, changed.path("row").asText());
            assertEquals(FEE_LABEL, changed.path("column").asText());
            assertEquals("0.15", changed.path("before").asText());
            assertEquals("0.2", changed.path("after").asText());
            assertEquals(0, returns.path("lines").size());
            assertEquals(0, returns.path("rows").size());

            // quota: one comment line of the DRL reworded (a code change, for a publisher)
            String shipped = Files.readString(TestHomes.REPO.resolve(DRL));
            String before = "// Stage allocation.";
            String after = "// Stage allocation: the revenue target split over the regions.";
            int line = shipped.lines().toList().indexOf(before) + 1;
            assertTrue(line > 0, "the quota DRL changed; pick another line");
            String quotaBefore = server.base("quota", TOKEN);
            PublishingServer.Reply drl = server.putFile("quota", "quota-allocation.drl",
                    shipped.replace(before + "\n", after + "\n").getBytes(StandardCharsets.UTF_8), TOKEN, quotaBefore);
            assertEquals(200, drl.status(), drl::toString);
            String quotaAfter = server.base("quota", TOKEN);

            JsonNode quota = get(server, "/api/v1/domains/quota/diff?from=" + quotaBefore + "&to=" + quotaAfter).json();
            assertEquals(1, quota.path("lines").size(), quota::toPrettyString);
            JsonNode lineChange = quota.path("lines").get(0);
            assertEquals(DRL, lineChange.path("file").asText());
            assertEquals(line, lineChange.path("line").asInt());
            assertEquals(before, lineChange.path("before").asText());
            assertEquals(after, lineChange.path("after").asText());
            assertEquals(0, quota.path("cells").size());
            assertEquals(1, quota.path("files").size());

            // a version the history lacks is a 404 naming it; a missing parameter a 400 naming it
            PublishingServer.Reply unknown = get(server, "/api/v1/domains/returns/diff?from=" + returnsBefore + "&to=0123456789ab");
            assertEquals(404, unknown.status(), unknown::toString);
            assertTrue(unknown.isProblem() && unknown.json().path("detail").asText().contains("0123456789ab"), unknown::toString);
            PublishingServer.Reply missing = get(server, "/api/v1/domains/returns/diff?from=" + returnsBefore);
            assertEquals(400, missing.status(), missing::toString);
            assertTrue(missing.isProblem() && missing.body().contains("\"to\""), missing::toString);
            assertEquals(401, server.send(server.to("/api/v1/domains/returns/diff?from=" + returnsBefore + "&to="
                    + returnsAfter).GET()).status(), "reads are protected: the diff needs a token like the history");

            // the history's newest entry lists the changed cell against the version it replaced
            JsonNode newest = get(server, "/api/v1/domains/returns/history").json().get(0);
            assertEquals(returnsAfter, newest.path("version").asText());
            List<String> listed = new ArrayList<>();
            newest.path("changes").forEach(c -> listed.add(c.asText()));
            assertTrue(listed.contains("Outcome!" + cell + " 0.15 -> 0.2"), listed::toString);

            String[] connection = {"--server", server.url(), "--token-file", tokens.toString()};
            assertEquals(0, Main.run(concat(new String[] {"diff", "returns", returnsBefore, returnsAfter}, connection)),
                    this::output);
            assertTrue(output().contains("Outcome!" + cell + " (row \"" + FEE_RULE + "\", column \"" + FEE_LABEL
                    + "\") 0.15 -> 0.2"), this::output);
            assertEquals(0, Main.run(concat(new String[] {"history", "returns"}, connection)), this::output);
            assertTrue(output().contains("changed: Outcome!" + cell + " 0.15 -> 0.2"), this::output);
        }
    }

    private static PublishingServer.Reply get(PublishingServer server, String path) {
        return server.send(PublishingServer.authorized(server.to(path).GET(), TOKEN, null));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
