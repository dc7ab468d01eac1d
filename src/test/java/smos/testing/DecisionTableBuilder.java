package smos.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a one-sheet decision-table workbook from scratch, laid out as docs/decision-tables.md says:
 * a title in A1, the RuleSet area from row 3 (keyword in B, value in C), a blank row, the RuleTable
 * cell in B, then the type, pattern, template and label rows, then the data rows. Column B is the
 * NAME column; the columns given start at C.
 */
public final class DecisionTableBuilder {
    private final String sheet;
    private final Map<String, String> ruleSet = new LinkedHashMap<>();
    private final List<String[]> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private String table;

    public DecisionTableBuilder(String sheet) {
        this.sheet = sheet;
        this.table = sheet;
    }

    public DecisionTableBuilder keyword(String keyword, String value) {
        ruleSet.put(keyword, value);
        return this;
    }

    /** A CONDITION or ACTION column: its type, pattern (null: none), template and label. */
    public DecisionTableBuilder column(String type, String pattern, String template, String label) {
        columns.add(new String[] {type, pattern, template, label});
        return this;
    }

    /** A data row: the rule name, then one value per column (null leaves the cell empty). */
    public DecisionTableBuilder row(String name, Object... values) {
        Object[] row = new Object[values.length + 1];
        row[0] = name;
        System.arraycopy(values, 0, row, 1, values.length);
        rows.add(row);
        return this;
    }

    /** The Excel row (1-based) of the RuleTable cell, in column B. */
    public int ruleTableRow() {
        return ruleSet.size() + 4;
    }

    /** The Excel row (1-based) of the first data row. */
    public int firstDataRow() {
        return ruleTableRow() + 5;
    }

    public byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = workbook.createSheet(sheet);
            set(s, 0, 0, "Test table " + table);
            int r = 2;
            for (Map.Entry<String, String> e : ruleSet.entrySet()) {
                set(s, r, 1, e.getKey());
                set(s, r, 2, e.getValue());
                r++;
            }
            r++;
            set(s, r++, 1, "RuleTable " + table);
            set(s, r, 1, "NAME");
            set(s, r + 3, 1, "Rule");
            for (int c = 0; c < columns.size(); c++) {
                String[] column = columns.get(c);
                set(s, r, c + 2, column[0]);
                set(s, r + 1, c + 2, column[1]);
                set(s, r + 2, c + 2, column[2]);
                set(s, r + 3, c + 2, column[3]);
            }
            r += 4;
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    set(s, r, c + 1, row[c]);
                }
                r++;
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Sheet sheet, int row, int column, Object value) {
        if (value == null) {
            return;
        }
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.createCell(column);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
