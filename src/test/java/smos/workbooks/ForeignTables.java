package smos.workbooks;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the foreign tables under src/test/resources/foreign: decision tables in the shapes of Drools'
 * own examples (an .xls, no RULEFLOW-GROUP, no NAME column, shorthand templates, a helper sheet of
 * lists, merged title and data cells), written for SMOS's returns facts so that they can be decided.
 * Look-alikes built with POI, no example file copied. Run {@link #main} to rewrite them.
 */
final class ForeignTables {
    static final Path DIR = Path.of("src/test/resources/foreign");

    private ForeignTables() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        Files.write(DIR.resolve("loyalty-extension.xls"), loyaltyExtension(new HSSFWorkbook(), true));
        Files.write(DIR.resolve("loyalty-no-import.xls"), loyaltyExtension(new HSSFWorkbook(), false));
        Files.write(DIR.resolve("pricing-group.xlsx"), otherGroup(new XSSFWorkbook()));
    }

    /**
     * Sheet Extension, laid out like Drools' pricing example: a RuleSet area with an Import (or, when
     * {@code withImport} is false, without one), no RULEFLOW-GROUP, a RuleTable whose title is merged
     * across the table, one pattern merged over three conditions, the templates in shorthand (a bare
     * field name, a {@code $1}/{@code $2} range, an enumeration), no NAME column, the product-line cell
     * merged over two rows with another value hidden under it; and a sheet Lists of drop-down values.
     */
    static byte[] loyaltyExtension(Workbook workbook, boolean withImport) throws IOException {
        Sheet sheet = workbook.createSheet("Extension");
        set(sheet, 0, 0, "Loyalty: extra warranty months for registered units");
        set(sheet, 2, 1, "RuleSet");
        set(sheet, 2, 2, "smos.returns.loyalty");
        if (withImport) {
            set(sheet, 3, 1, "Import");
            set(sheet, 3, 2, "smos.returns.ReturnCase, smos.common.ProductLine");
        }
        set(sheet, 4, 1, "Notes");
        set(sheet, 4, 2, "Extra months for registered units, by product line and age of the claim");
        set(sheet, 6, 1, "RuleTable Loyalty extension");
        sheet.addMergedRegion(new CellRangeAddress(6, 6, 1, 4));
        set(sheet, 7, 1, "CONDITION");
        set(sheet, 7, 2, "CONDITION");
        set(sheet, 7, 3, "CONDITION");
        set(sheet, 7, 4, "ACTION");
        set(sheet, 8, 1, "$claim: ReturnCase");
        sheet.addMergedRegion(new CellRangeAddress(8, 8, 1, 3));
        set(sheet, 9, 1, "registered");
        set(sheet, 9, 2, "productLine == ProductLine.$param");
        set(sheet, 9, 3, "daysSincePurchase >= $1, daysSincePurchase <= $2");
        set(sheet, 9, 4, "$claim.setExtraWarrantyMonths($param);");
        set(sheet, 10, 1, "Registered");
        set(sheet, 10, 2, "Product line");
        set(sheet, 10, 3, "Claimed between (days)");
        set(sheet, 10, 4, "Extra months");
        Object[][] rows = {
            {"true", "MESH_SYSTEM", "0, 365", 6},
            {"true", "WIFI7_ROUTER", "366, 730", 3},
            {"true", "SWITCH", "0, 730", 12},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                set(sheet, 11 + r, 1 + c, rows[r][c]);
            }
        }
        // the product line of rows 12 and 13 merged: Drools reads WIFI7_ROUTER's cell as MESH_SYSTEM
        sheet.addMergedRegion(new CellRangeAddress(11, 12, 2, 2));
        Sheet lists = workbook.createSheet("Lists");
        set(lists, 0, 0, "Product lines");
        String[] lines = {"CONSUMER_ROUTER", "WIFI7_ROUTER", "MESH_SYSTEM", "BUSINESS_ROUTER", "ACCESS_POINT", "SWITCH"};
        for (int i = 0; i < lines.length; i++) {
            set(lists, 1 + i, 0, lines[i]);
        }
        return bytes(workbook);
    }

    /** A table in a RULEFLOW-GROUP that is not a stage of the returns domain: its rules could never fire. */
    static byte[] otherGroup(Workbook workbook) throws IOException {
        Sheet sheet = workbook.createSheet("Pricing");
        set(sheet, 0, 1, "RuleSet");
        set(sheet, 0, 2, "smos.returns.pricing");
        set(sheet, 1, 1, "Import");
        set(sheet, 1, 2, "smos.returns.*");
        set(sheet, 2, 1, "RULEFLOW-GROUP");
        set(sheet, 2, 2, "pricing");
        set(sheet, 4, 1, "RuleTable Pricing");
        set(sheet, 5, 1, "NAME");
        set(sheet, 5, 2, "CONDITION");
        set(sheet, 5, 3, "ACTION");
        set(sheet, 6, 2, "$claim: ReturnCase");
        set(sheet, 7, 2, "opened == $param");
        set(sheet, 7, 3, "$claim.setExtraWarrantyMonths($param);");
        set(sheet, 8, 1, "Rule");
        set(sheet, 8, 2, "Opened");
        set(sheet, 8, 3, "Extra months");
        set(sheet, 9, 1, "UnopenedBonus");
        set(sheet, 9, 2, false);
        set(sheet, 9, 3, 1);
        return bytes(workbook);
    }

    private static void set(Sheet sheet, int row, int column, Object value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        if (value instanceof Number n) {
            r.createCell(column).setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            r.createCell(column).setCellValue(b);
        } else {
            r.createCell(column).setCellValue(value.toString());
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
