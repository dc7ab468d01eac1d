package smos.checks;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;
import smos.checks.logic.RequestBounds;
import smos.engine.table.CellText;
import smos.engine.table.ColumnTypes;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;

/**
 * One sheet under check, seen two ways: as SMOS and Drools read it ({@link SheetModel}: the RuleSet
 * area, the tables, their columns and rows) and as Excel stores it (the POI sheet: hidden rows, cell
 * types, text exactly as typed, spaces included); with the bounds the domain's request contract puts
 * on numeric fields (empty when the workbook is checked on its own).
 */
public record CheckedSheet(String file, SheetModel model, Sheet stored, CellText text, ClassLoader loader,
                           List<RequestBounds.Bound> requestBounds) {

    public String name() {
        return model.name();
    }

    /** The stored cell, or null when the sheet has none there. */
    public Cell cell(int row, int column) {
        Row r = stored.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    /** The text of a text cell exactly as typed (spaces kept); null for numbers, booleans and blanks. */
    public String typedText(int row, int column) {
        Cell cell = cell(row, column);
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.STRING ? cell.getStringCellValue() : null;
    }

    public boolean hidden(int row) {
        Row r = stored.getRow(row);
        return r != null && r.getZeroHeight();
    }

    public ColumnTypes types(RuleTableModel table) {
        return new ColumnTypes(model, table, loader);
    }
}
