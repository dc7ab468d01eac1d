package smos.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Workbooks as other programs save them: Python's openpyxl (run for real), LibreOffice (copies saved
 * once and committed under src/test/resources/roundtrip/libreoffice, see its README), and a POI-built
 * writer with the habits of scripts and exporters: covered cells of merged regions left out, strings
 * written inline, cells that hold only a style.
 */
public final class OtherWriters {
    public static final String PYTHON = "/usr/bin/python3";
    public static final Path LIBREOFFICE_COPIES = TestHomes.REPO.resolve("src/test/resources/roundtrip/libreoffice");

    private OtherWriters() {
    }

    /**
     * Loads {@code in} with openpyxl, sets the given cells ({@code Sheet!A1} to a number, a boolean or
     * a string) and saves it to {@code out}. Fails, naming the Debian package, when openpyxl is missing.
     */
    public static void openpyxl(Path in, Path out, Map<String, Object> edits) {
        StringBuilder script = new StringBuilder("import sys\ntry:\n    import openpyxl\nexcept ImportError:\n"
                + "    sys.exit(3)\nwb = openpyxl.load_workbook(sys.argv[1])\n");
        edits.forEach((at, value) -> {
            String[] parts = at.split("!");
            String literal = value instanceof Boolean b ? (b ? "True" : "False")
                    : value instanceof Number ? value.toString() : "'" + value.toString().replace("'", "\\'") + "'";
            script.append("wb['").append(parts[0]).append("']['").append(parts[1]).append("'].value = ").append(literal).append('\n');
        });
        script.append("wb.save(sys.argv[2])\n");
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing: install the Debian packages python3 and python3-openpyxl (bin/test does)");
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", script.toString(), in.toString(), out.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("openpyxl did not save " + in + " within 120 s");
            }
            if (p.exitValue() == 3) {
                fail("Python's openpyxl is missing: install the Debian package python3-openpyxl (bin/test does)");
            }
            if (p.exitValue() != 0) {
                fail("openpyxl could not re-save " + in + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The committed LibreOffice-saved copy of a shipped workbook ({@code returns/returns-policy.xlsx}). */
    public static Path libreOffice(String domainAndFile) {
        Path copy = LIBREOFFICE_COPIES.resolve(domainAndFile);
        if (!Files.isRegularFile(copy)) {
            fail("no LibreOffice-saved copy " + copy + ": make it as src/test/resources/roundtrip/libreoffice/README.md says");
        }
        return copy;
    }

    /**
     * The workbook written as a script or an exporter writes it: every cell a merged region covers left
     * out, every string stored inline instead of in the shared table, and a style-only (blank, filled)
     * cell right of every row and in a few rows below the last.
     */
    public static byte[] sparse(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle filled = workbook.createCellStyle();
            filled.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            filled.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (Sheet sheet : workbook) {
                for (CellRangeAddress range : sheet.getMergedRegions()) {
                    for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                        Row row = sheet.getRow(r);
                        for (int c = range.getFirstColumn(); row != null && c <= range.getLastColumn(); c++) {
                            Cell covered = row.getCell(c);
                            if (covered != null && (r != range.getFirstRow() || c != range.getFirstColumn())) {
                                row.removeCell(covered);
                            }
                        }
                    }
                }
                int last = sheet.getLastRowNum();
                List<Row> rows = new ArrayList<>();
                sheet.forEach(rows::add);
                for (Row row : rows) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            inline((XSSFCell) cell);
                        }
                    }
                    row.createCell(Math.max(row.getLastCellNum(), 0) + 1, CellType.BLANK).setCellStyle(filled);
                }
                for (int r = last + 1; r <= last + 3; r++) {
                    sheet.createRow(r).createCell(1, CellType.BLANK).setCellStyle(filled);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inline(XSSFCell cell) {
        String text = cell.getStringCellValue();
        CTCell ct = cell.getCTCell();
        ct.setT(STCellType.INLINE_STR);
        if (ct.isSetV()) {
            ct.unsetV();
        }
        ct.addNewIs().setT(text);
    }
}
