package smos.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.testing.CapturedOutput;
import smos.testing.PublishingServer;
import smos.testing.ReturnsChanges;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code smos publish}, {@code rollback} and {@code history} against a real server: they name the base for you. */
class PublishCliTest {
    private static final String TOKEN = "cli-publisher-token-0123456789";

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput console = new CapturedOutput();

    @Test
    void publishAndRollbackSendTheActiveVersionAndAStaleBaseChangesNothing() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "ops:publisher=" + TOKEN + "\n");
        Path upload = Files.createDirectories(dir.resolve("upload"));
        Path policy = Files.write(upload.resolve("returns-policy.xlsx"), ReturnsChanges.policyWithFee(dir, 0.2));
        Path scenarios = Files.write(upload.resolve("change-of-mind.yaml"), ReturnsChanges.scenariosForTwentyPercent());
        // reads protected too: the CLI's reads of the base and the history carry the token
        try (PublishingServer server = new PublishingServer(dir, Tokens.watching(tokens), true)) {
            String[] connection = {"--server", server.url(), "--token-file", tokens.toString()};
            String original = server.base("returns", TOKEN);

            int published = Main.run(concat(new String[] {"publish", "returns", policy.toString(), scenarios.toString(),
                    "-m", "fee 20%"}, connection));
            assertEquals(0, published, console::all);
            String version = server.base("returns", TOKEN);
            assertTrue(console.out.toString(StandardCharsets.UTF_8).contains("published returns version " + version + " (was "
                    + original + ")"), console::all);

            String policyNow = server.sha256(ReturnsChanges.POLICY);
            int stale = Main.run(concat(new String[] {"publish", "returns", policy.toString(), "--base", original}, connection));
            assertEquals(1, stale, console::all);
            assertTrue(console.err.toString(StandardCharsets.UTF_8).contains("failed (409)"), console::all);
            assertTrue(console.err.toString(StandardCharsets.UTF_8).contains("version " + version + " serves now"), console::all);
            assertEquals(policyNow, server.sha256(ReturnsChanges.POLICY));
            assertEquals(version, server.base("returns", TOKEN));

            int rolledBack = Main.run(concat(new String[] {"rollback", "returns", original}, connection));
            assertEquals(0, rolledBack, console::all);
            assertEquals(original, server.base("returns", TOKEN));

            console.out.reset();
            assertEquals(0, Main.run(concat(new String[] {"history", "returns"}, connection)), console::all);
            String history = console.out.toString(StandardCharsets.UTF_8);
            assertTrue(history.contains("rollback") && history.contains(version) && history.contains("ops"), history);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
