package smos.tabletext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With {@code table dump} registered as git's textconv for {@code *.xlsx} (as README, "Readable
 * diffs", shows), {@code git diff} prints a changed cell as a changed line of text.
 */
class GitDiffDriverTest {
    @TempDir
    Path repo;

    @Test
    void gitDiffShowsTheChangedCellAsText() throws Exception {
        assumeTrue(run(repo, "git", "--version").startsWith("git version"), "git is not installed");
        run(repo, "git", "init", "-q");
        run(repo, "git", "config", "user.email", "tester@example.com");
        run(repo, "git", "config", "user.name", "Tester");
        Path xlsx = repo.resolve("decision-tables/returns/returns-policy.xlsx");
        Files.createDirectories(xlsx.getParent());
        Files.copy(TestHomes.REPO.resolve("decision-tables/returns/returns-policy.xlsx"), xlsx);
        Files.copy(TestHomes.REPO.resolve(".gitattributes"), repo.resolve(".gitattributes"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(repo, "git", "config", "diff.xlsx.textconv",
                "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' smos.cli.Main table dump");
        run(repo, "git", "config", "diff.xlsx.xfuncname", "^=== sheet .* ===$");
        run(repo, "git", "add", "-A");
        run(repo, "git", "commit", "-q", "-m", "shipped returns policy");

        Workbooks.set(xlsx, "Outcome", "L23", 0.2);
        String diff = run(repo, "git", "diff");

        assertFalse(diff.contains("Binary files"), diff);
        List<String> removed = diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).toList();
        List<String> added = diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).toList();
        assertEquals(1, removed.size(), diff);
        assertEquals(1, added.size(), diff);
        assertTrue(removed.get(0).contains("ChangedMindOpenedIsRefundedLessFee") && removed.get(0).contains("| 0.15 "), diff);
        assertTrue(added.get(0).contains("ChangedMindOpenedIsRefundedLessFee") && added.get(0).contains("| 0.2 "), diff);
        // the hunk header names the sheet
        assertTrue(diff.lines().anyMatch(l -> l.startsWith("@@") && l.endsWith("@@ === sheet Outcome ===")), diff);
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "git did not finish: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);
        return output;
    }
}
