package smos.checks;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import smos.engine.table.ColumnTypes;
import smos.engine.table.RuleTableModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.ValueType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Numbers that are not what they look like: a number stored as text (Excel neither checks, sorts
 * nor sums it), and a number whose format shows fewer decimals than it holds (the rules use what it
 * holds, not what the sheet shows).
 */
final class NumbersAsTextCheck implements TableCheck {
    static final String AS_TEXT = "number-stored-as-text";
    static final String SHOWN = "number-shown-rounded";

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        ColumnTypes types = sheet.types(table);
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        FormulaEvaluator evaluator = sheet.stored().getWorkbook().getCreationHelper().createFormulaEvaluator();
        for (TableRow row : table.rows()) {
            for (TableCell cell : row.cells().values()) {
                TableColumn column = table.column(cell.column()).orElse(null);
                if (column == null) {
                    continue;
                }
                ValueType type = types.of(column);
                if (!(type instanceof ValueType.WholeNumber || type instanceof ValueType.Decimal)) {
                    continue;
                }
                Cell stored = sheet.cell(cell.row(), cell.column());
                String where = " (" + column.describe() + ")";
                if (sheet.typedText(cell.row(), cell.column()) != null) {
                    if (type.problem(cell.text()) == null) {
                        findings.warning(AS_TEXT, sheet.file(), sheet.name(), List.of(cell.ref()), cell.text()
                                + " is a number stored as text: SMOS reads it, but Excel will not check, sort or sum it"
                                + " as a number. Re-enter it as a number" + where + ".");
                    }
                } else if (stored.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(stored)) {
                    BigDecimal shown = number(formatter.formatCellValue(stored, evaluator));
                    BigDecimal held = number(cell.text());
                    if (shown != null && held != null && shown.compareTo(held) != 0) {
                        findings.warning(SHOWN, sheet.file(), sheet.name(), List.of(cell.ref()), "the cell shows "
                                + formatter.formatCellValue(stored, evaluator) + " but holds " + cell.text()
                                + ", and the rules use " + cell.text() + ": type the value exactly, or let its format"
                                + " show every decimal" + where + ".");
                    }
                }
            }
        }
    }

    /** A number as shown or read, with thousands separators and a percent sign understood; null otherwise. */
    private static BigDecimal number(String text) {
        String plain = text.trim().replace(",", "");
        boolean percent = plain.endsWith("%");
        if (percent) {
            plain = plain.substring(0, plain.length() - 1).trim();
        }
        try {
            BigDecimal value = new BigDecimal(plain);
            return percent ? value.movePointLeft(2) : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
