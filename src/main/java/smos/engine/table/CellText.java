package smos.engine.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;

import java.text.SimpleDateFormat;
import java.util.Locale;

/**
 * The text Drools' ExcelParser makes of a cell, reproduced so that checks see exactly the value that
 * will be pasted into a rule: booleans as true/false, whole numbers as formatted, other numbers as
 * Java prints a double, dates quoted.
 */
public final class CellText {
    private final DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
    private final FormulaEvaluator evaluator;

    public CellText(FormulaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public String of(Cell cell) {
        switch (cell.getCellType()) {
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "true" : "false";
            case FORMULA:
                try {
                    if (evaluator.evaluate(cell).getCellType() == CellType.BOOLEAN) {
                        return cell.getBooleanCellValue() ? "true" : "false";
                    }
                    return formatter.formatCellValue(cell, evaluator);
                } catch (RuntimeException e) {
                    return formatter.formatCellValue(cell);
                }
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return "\"" + new SimpleDateFormat("dd-MMM-yyyy", Locale.ENGLISH).format(cell.getDateCellValue()) + "\"";
                }
                double number = cell.getNumericCellValue();
                return number - Math.round(number) != 0 ? String.valueOf(number) : formatter.formatCellValue(cell);
            default:
                return formatter.formatCellValue(cell);
        }
    }
}
