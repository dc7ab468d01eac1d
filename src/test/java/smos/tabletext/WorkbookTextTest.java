package smos.tabletext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workbook as aligned text: a line per row, cells under their column letter, hidden rows marked. */
class WorkbookTextTest {
    private static final Path RETURNS = TestHomes.REPO.resolve("decision-tables/returns/returns-policy.xlsx");

    @Test
    void everySheetIsPrintedRowByRowWithCellsAlignedUnderTheirColumn() throws Exception {
        String text = WorkbookText.of(Files.readAllBytes(RETURNS));
        List<String> lines = text.lines().toList();

        for (String sheet : List.of("Outcome", "Warranty", "Registration", "Proof", "DeadOnArrival")) {
            assertTrue(lines.contains("=== sheet " + sheet + " ==="), sheet);
        }
        String header = lines.get(1);
        String row23 = lines.stream().filter(l -> l.startsWith("   23  |")).findFirst().orElseThrow();
        String row22 = lines.stream().filter(l -> l.startsWith("   22  |")).findFirst().orElseThrow();
        // the fee rate sits under the letter L, on every row
        assertEquals(header.indexOf(" L "), row23.indexOf(" 0.15 "), header + "\n" + row23);
        assertEquals(row22.indexOf(" 0 "), row23.indexOf(" 0.15 "), row22 + "\n" + row23);
        assertTrue(row23.contains("| ChangedMindOpenedIsRefundedLessFee "), row23);
        // the code rows are hidden on purpose, and marked
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("   12h |") && l.contains("RuleTable Outcome")), text);
    }

    @Test
    void dumpingNeverWritesTheWorkbook(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("returns-policy.xlsx");
        Files.copy(RETURNS, copy);
        byte[] before = Files.readAllBytes(copy);
        long modified = Files.getLastModifiedTime(copy).toMillis();

        assertEquals(0, smos.cli.Main.run("table", "dump", copy.toString()));

        assertTrue(Arrays.equals(before, Files.readAllBytes(copy)));
        assertEquals(modified, Files.getLastModifiedTime(copy).toMillis());
    }

    @Test
    void aChangedCellChangesOnlyItsOwnLine(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("returns-policy.xlsx");
        Files.copy(RETURNS, copy);
        List<String> before = WorkbookText.of(Files.readAllBytes(copy)).lines().toList();
        Workbooks.set(copy, "Outcome", "L23", 0.2);
        List<String> after = WorkbookText.of(Files.readAllBytes(copy)).lines().toList();

        assertEquals(before.size(), after.size());
        List<Integer> changed = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i))).boxed().toList();
        assertEquals(1, changed.size(), () -> changed.toString());
        assertTrue(after.get(changed.get(0)).contains("| 0.2 "), after.get(changed.get(0)));
    }
}
