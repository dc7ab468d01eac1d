package smos.mutation;

import smos.engine.DomainSources;
import smos.engine.SourceFile;
import smos.engine.table.ColumnCode;
import smos.engine.table.ColumnTypes;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.ValueType;
import smos.engine.table.WorkbookModel;
import smos.engine.table.WorkbookReader;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutants of a domain's tables: every non-empty value cell of a CONDITION or ACTION column whose
 * type SMOS knows. A number is nudged one step down and one step up (1 for whole numbers; 0.01, or
 * one unit of its last decimal, for decimals), which moves a threshold across its neighbouring
 * value; a choice becomes the next value of its enumeration; true and false are flipped. Texts
 * (messages for people) and rule names are not changed.
 */
public final class CellMutations {
    private static final int MIN_DECIMALS = 2;

    private CellMutations() {
    }

    public static List<CellMutant> of(DomainSources sources, ClassLoader loader) {
        List<CellMutant> mutants = new ArrayList<>();
        for (SourceFile file : sources.files()) {
            if (file.kind() == SourceFile.Kind.DECISION_TABLE) {
                mutants.addAll(of(file, loader));
            }
        }
        return mutants;
    }

    private static List<CellMutant> of(SourceFile file, ClassLoader loader) {
        List<CellMutant> mutants = new ArrayList<>();
        try (Workbook stored = WorkbookFactory.create(new ByteArrayInputStream(file.bytes()))) {
            WorkbookModel workbook = WorkbookReader.read(file.path(), file.bytes());
            for (SheetModel sheet : workbook.sheets()) {
                for (RuleTableModel table : sheet.tables()) {
                    ColumnTypes types = new ColumnTypes(sheet, table, loader);
                    for (TableRow row : table.rows()) {
                        for (TableCell cell : row.cells().values()) {
                            TableColumn column = table.column(cell.column()).orElse(null);
                            if (column == null || column.code() != ColumnCode.CONDITION && column.code() != ColumnCode.ACTION) {
                                continue;
                            }
                            boolean text = storedAsText(stored, sheet.name(), cell);
                            for (String[] change : changes(types.of(column), cell.text())) {
                                mutants.add(new CellMutant(file.path(), sheet.name(), cell.row(), cell.column(),
                                        table.ruleName(row), column.describe(), cell.text(), change[1],
                                        CellMutant.Kind.valueOf(change[0]), text));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
        return mutants;
    }

    /** A number typed as text stays text when changed. */
    private static boolean storedAsText(Workbook workbook, String sheet, TableCell cell) {
        Row row = workbook.getSheet(sheet).getRow(cell.row());
        Cell stored = row == null ? null : row.getCell(cell.column());
        return stored != null && stored.getCellType() == CellType.STRING;
    }

    /** Pairs of kind and changed value for one cell; none for a type SMOS does not change or a value that does not fit. */
    static List<String[]> changes(ValueType type, String value) {
        if (type.problem(value) != null) {
            return List.of();
        }
        if (type instanceof ValueType.WholeNumber) {
            long n = Long.parseLong(value);
            return List.of(new String[] {"NUMBER", Long.toString(n - 1)}, new String[] {"NUMBER", Long.toString(n + 1)});
        }
        if (type instanceof ValueType.Decimal) {
            BigDecimal n = new BigDecimal(value);
            BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(MIN_DECIMALS, n.stripTrailingZeros().scale()));
            return List.of(new String[] {"NUMBER", n.subtract(step).stripTrailingZeros().toPlainString()},
                    new String[] {"NUMBER", n.add(step).stripTrailingZeros().toPlainString()});
        }
        if (type instanceof ValueType.Bool) {
            return List.<String[]>of(new String[] {"TRUE_FALSE", Boolean.toString(!Boolean.parseBoolean(value))});
        }
        if (type instanceof ValueType.Choice choice) {
            List<String> allowed = choice.allowed();
            if (allowed.size() < 2) {
                return List.of();
            }
            return List.<String[]>of(new String[] {"CHOICE", allowed.get((allowed.indexOf(value) + 1) % allowed.size())});
        }
        return List.of();
    }
}
