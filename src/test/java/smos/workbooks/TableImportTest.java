package smos.workbooks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.checks.SpreadsheetChecks;
import smos.cli.Main;
import smos.engine.CompileResult;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.RuleOrigin;
import smos.returns.ReturnsDomain;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code smos table import}: what a plain Drools table needs for a domain, and the NAME column and code-row grouping it adds. */
class TableImportTest {
    private static final Path FOREIGN = TestHomes.REPO.resolve("src/test/resources/foreign");

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
    void reportsWhatTheTableNeedsAndWritesItWithNamesAndHiddenCodeRows() {
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        Path written = home.resolve("decision-tables/returns/loyalty-extension.xls");

        int code = Main.run("table", "import", FOREIGN.resolve("loyalty-extension.xls").toString(), "--domain", "returns",
                "--write", written.toString());

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("ok      sheet Lists: no RuleTable, skipped"), text);
        assertTrue(text.contains("ok      sheet Extension, table Loyalty extension (cell B7): no RULEFLOW-GROUP, so its rules"
                + " run in returns's stage terms (stages: terms, outcome)"), text);
        assertTrue(text.contains("adds    sheet Extension, table Loyalty extension (cell B7): a NAME column (LoyaltyExtension12, ...)"), text);
        assertTrue(text.contains("adds    sheet Extension, table Loyalty extension (cell B7): rows 9-10 (pattern and code) grouped and hidden"), text);

        CompileResult compiled = new DomainRegistry(home, List.of(new ReturnsDomain())).load("returns");
        assertTrue(compiled.ok(), () -> compiled.problems().toString());
        assertEquals(RuleOrigin.inCell("decision-tables/returns/loyalty-extension.xls", "Extension", "B13"),
                compiled.ruleSet().origin("LoyaltyExtension13"));
        assertTrue(new SpreadsheetChecks().check(DomainSources.scan(home, "returns")).stream()
                .noneMatch(f -> f.message().contains("NAME column")), "the NAME column is there");
        Workbooks.withSheet(written, "Extension", false, sheet -> {
            assertTrue(sheet.getRow(8).getZeroHeight() && sheet.getRow(9).getZeroHeight(), "code rows hidden");
            assertEquals(1, sheet.getRow(8).getOutlineLevel(), "code rows grouped");
        });
    }

    @Test
    void aMissingImportIsNamedAndFailsTheCommand() {
        int code = Main.run("table", "import", FOREIGN.resolve("loyalty-no-import.xls").toString(), "--domain", "returns");

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        assertTrue(text.contains("needs   loyalty-no-import.xls, sheet Extension, cell B9: the fact type ReturnCase"), text);
    }
}
