package smos.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Edits decision-table workbooks the way a business user would: one cell at a time. */
public final class Workbooks {
    private Workbooks() {
    }

    /** The cell of the row whose rule name is {@code rule}, in the column whose label starts with {@code label}. */
    public static String cellOf(Path xlsx, String sheetName, String rule, String label) {
        String[] found = new String[1];
        withSheet(xlsx, sheetName, false, sheet -> {
            int labelRow = -1;
            int labelColumn = -1;
            int nameRow = -1;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    // column A holds titles and notes; labels and names sit right of it
                    if (cell.getCellType() == CellType.STRING && cell.getColumnIndex() > 0) {
                        String text = cell.getStringCellValue();
                        if (labelColumn < 0 && text.startsWith(label)) {
                            labelRow = row.getRowNum();
                            labelColumn = cell.getColumnIndex();
                        }
                        if (text.equals(rule)) {
                            nameRow = row.getRowNum();
                        }
                    }
                }
            }
            if (labelRow < 0 || nameRow < 0) {
                throw new IllegalArgumentException("no rule " + rule + " / column " + label + " in " + sheetName);
            }
            found[0] = new CellReference(nameRow, labelColumn).formatAsString(false);
        });
        return found[0];
    }

    public static void set(Path xlsx, String sheetName, String ref, Object value) {
        withSheet(xlsx, sheetName, true, sheet -> {
            CellReference at = new CellReference(ref);
            Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
            Cell cell = row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
            if (value == null) {
                row.removeCell(cell);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                cell.setCellValue(value.toString());
            }
        });
    }

    public static void withSheet(Path xlsx, String sheetName, boolean save, Consumer<Sheet> change) {
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            if (sheet == null) {
                throw new IllegalArgumentException("no sheet " + sheetName + " in " + xlsx);
            }
            change.accept(sheet);
            if (save) {
                try (OutputStream out = Files.newOutputStream(xlsx)) {
                    workbook.write(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void withWorkbook(Path xlsx, Consumer<Workbook> change) {
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = WorkbookFactory.create(in)) {
            change.accept(workbook);
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
