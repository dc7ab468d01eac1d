package smos.tabletext;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import smos.engine.table.CellText;
import smos.engine.table.NormalisedWorkbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workbook as aligned text, one line per non-empty row, so that a changed cell shows up as a
 * changed line in {@code git diff}. Each line starts with the row number ({@code h} marks a hidden
 * row); cells appear under their column letter, with the text Drools reads (so {@code 0.155} shows
 * as {@code 0.155} even where the sheet shows {@code 0.16}; a formula shows its saved value, a cell a
 * merged region covers shows the region's value), read through {@link NormalisedWorkbook} so that
 * the program that saved the file makes no difference. Columns wider than {@value #MAX_WIDTH} characters are not padded further.
 */
public final class WorkbookText {
    static final int MAX_WIDTH = 40;
    private static final String SEPARATOR = " | ";

    private WorkbookText() {
    }

    /** Reads the bytes only: the file on disk is never opened for writing. */
    public static String of(byte[] xlsx) throws IOException {
        StringBuilder out = new StringBuilder();
        try (NormalisedWorkbook normalised = NormalisedWorkbook.open("workbook", xlsx)) {
            Workbook workbook = normalised.workbook();
            CellText text = new CellText(workbook.getCreationHelper().createFormulaEvaluator());
            for (Sheet sheet : workbook) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append("=== sheet ").append(sheet.getSheetName()).append(" ===\n");
                appendSheet(sheet, text, out);
            }
            for (var problem : normalised.problems()) {
                out.append("\n").append(problem.sheet()).append('!').append(problem.cell()).append(": ")
                        .append(problem.message()).append('\n');
            }
        }
        return out.toString();
    }

    private static void appendSheet(Sheet sheet, CellText text, StringBuilder out) {
        Map<Integer, Map<Integer, String>> rows = new TreeMap<>();
        Map<Integer, Integer> widths = new TreeMap<>();
        List<Integer> hidden = new ArrayList<>();
        for (Row row : sheet) {
            Map<Integer, String> cells = new TreeMap<>();
            for (Cell cell : row) {
                String value = show(sheet, cell, text);
                if (!value.isEmpty()) {
                    cells.put(cell.getColumnIndex(), value);
                    widths.merge(cell.getColumnIndex(), Math.min(value.length(), MAX_WIDTH), Math::max);
                }
            }
            if (!cells.isEmpty()) {
                rows.put(row.getRowNum(), cells);
                if (row.getZeroHeight()) {
                    hidden.add(row.getRowNum());
                }
            }
        }
        if (rows.isEmpty()) {
            out.append("(empty)\n");
            return;
        }
        int last = widths.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder header = new StringBuilder("      ");
        for (int c = 0; c <= last; c++) {
            String letter = CellReference.convertNumToColString(c);
            header.append(SEPARATOR).append(c == last ? letter : pad(letter, widths.getOrDefault(c, 0)));
        }
        out.append(header.toString().stripTrailing()).append('\n');
        rows.forEach((r, cells) -> {
            StringBuilder line = new StringBuilder(String.format("%5d%s", r + 1, hidden.contains(r) ? "h" : " "));
            int lastInRow = ((TreeMap<Integer, String>) cells).lastKey();
            for (int c = 0; c <= lastInRow; c++) {
                String value = cells.getOrDefault(c, "");
                line.append(SEPARATOR).append(c == lastInRow ? value : pad(value, widths.getOrDefault(c, 0)));
            }
            out.append(line).append('\n');
        });
    }

    /** What Drools reads: a cell covered by a merged region reads as the region's first cell. */
    private static String show(Sheet sheet, Cell cell, CellText text) {
        Cell source = cell;
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.isInRange(cell) && sheet.getRow(range.getFirstRow()) != null
                    && sheet.getRow(range.getFirstRow()).getCell(range.getFirstColumn()) != null) {
                source = sheet.getRow(range.getFirstRow()).getCell(range.getFirstColumn());
                break;
            }
        }
        return text.of(source).replace("\r", "").replace("\n", "\\n").strip();
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }
}
