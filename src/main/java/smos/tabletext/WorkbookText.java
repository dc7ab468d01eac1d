package smos.tabletext;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import smos.engine.table.CellText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workbook as aligned text, one line per non-empty row, so that a changed cell shows up as a
 * changed line in {@code git diff}. Each line starts with the row number ({@code h} marks a hidden
 * row); cells appear under their column letter, with the text Drools reads (so {@code 0.155} shows
 * as {@code 0.155} even where the sheet shows {@code 0.16}); a formula is followed by
 * {@code {=its formula}}. Columns wider than {@value #MAX_WIDTH} characters are not padded further.
 */
public final class WorkbookText {
    static final int MAX_WIDTH = 40;
    private static final String SEPARATOR = " | ";

    private WorkbookText() {
    }

    /** Reads the bytes only: the file on disk is never opened for writing. */
    public static String of(byte[] xlsx) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            CellText text = new CellText(workbook.getCreationHelper().createFormulaEvaluator());
            for (Sheet sheet : workbook) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append("=== sheet ").append(sheet.getSheetName()).append(" ===\n");
                appendSheet(sheet, text, out);
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
                String value = show(cell, text);
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

    private static String show(Cell cell, CellText text) {
        String value = text.of(cell).replace("\r", "").replace("\n", "\\n");
        if (cell.getCellType() == CellType.FORMULA) {
            value = value + " {=" + cell.getCellFormula() + "}";
        }
        return value.strip();
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }
}
