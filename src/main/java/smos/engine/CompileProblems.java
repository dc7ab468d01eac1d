package smos.engine;

import org.apache.poi.ss.util.CellReference;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.WorkbookModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drools reports a broken template once per rule, at each data row. Grouped here: the errors of one
 * table column in several rows become one problem at the column's code cell (its template), saying
 * which rows it affects; the "null Package" Drools adds after any other error of a sheet is dropped;
 * the rest is sorted by file, sheet and cell, as a person reads the workbook.
 */
final class CompileProblems {
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private CompileProblems() {
    }

    static List<RuleProblem> group(List<RuleProblem> problems, Map<String, WorkbookModel> workbooks) {
        Map<String, List<RuleProblem>> byColumn = new LinkedHashMap<>();
        List<RuleProblem> others = new ArrayList<>();
        for (RuleProblem p : problems) {
            Place place = place(p, workbooks);
            if (place == null) {
                others.add(p);
            } else {
                byColumn.computeIfAbsent(p.file() + "|" + p.sheet() + "|" + place.table.start().ref() + "|"
                        + place.column.column(), k -> new ArrayList<>()).add(p);
            }
        }
        List<RuleProblem> grouped = new ArrayList<>(others);
        for (List<RuleProblem> column : byColumn.values()) {
            if (column.size() == 1) {
                grouped.add(column.get(0));
                continue;
            }
            RuleProblem first = column.get(0);
            Place place = place(first, workbooks);
            List<Integer> rows = column.stream().map(p -> new CellReference(p.cell()).getRow() + 1).sorted().toList();
            String cell = place.column.templateCell() != null ? place.column.templateCell().ref() : first.cell();
            grouped.add(RuleProblem.inCell(first.file(), first.sheet(), cell, first.message() + " (the code of "
                    + place.column.describe() + " fails in " + rows.size() + " rows; affects rows " + rows.get(0) + "-"
                    + rows.get(rows.size() - 1) + ")"));
        }
        List<RuleProblem> kept = grouped.stream().filter(p -> !p.message().contains(NULL_PACKAGE) || grouped.stream()
                .noneMatch(o -> o != p && Objects.equals(o.file(), p.file()) && Objects.equals(o.sheet(), p.sheet()))).toList();
        return kept.stream().sorted(order(workbooks)).toList();
    }

    /** File, then the sheet's position in its workbook, then row and column (or DRL line). */
    static Comparator<RuleProblem> order(Map<String, WorkbookModel> workbooks) {
        return Comparator.comparing((RuleProblem p) -> String.valueOf(p.file()))
                .thenComparingInt(p -> sheetIndex(p, workbooks))
                .thenComparingInt(p -> p.cell() == null ? -1 : new CellReference(p.cell()).getRow())
                .thenComparingInt(p -> p.cell() == null ? -1 : new CellReference(p.cell()).getCol())
                .thenComparingInt(p -> p.line() == null ? -1 : p.line());
    }

    private static int sheetIndex(RuleProblem p, Map<String, WorkbookModel> workbooks) {
        WorkbookModel workbook = workbooks.get(p.file());
        if (workbook == null || p.sheet() == null) {
            return -1;
        }
        for (int i = 0; i < workbook.sheets().size(); i++) {
            if (workbook.sheets().get(i).name().equals(p.sheet())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private record Place(RuleTableModel table, TableColumn column) {
    }

    /** The table column of a problem at a data cell, or null when it is elsewhere. */
    private static Place place(RuleProblem p, Map<String, WorkbookModel> workbooks) {
        WorkbookModel workbook = workbooks.get(p.file());
        if (workbook == null || p.sheet() == null || p.cell() == null) {
            return null;
        }
        CellReference ref = new CellReference(p.cell());
        for (SheetModel sheet : workbook.sheets()) {
            if (!sheet.name().equals(p.sheet())) {
                continue;
            }
            for (RuleTableModel table : sheet.tables()) {
                for (TableRow row : table.rows()) {
                    if (row.row() == ref.getRow()) {
                        return table.column(ref.getCol()).map(c -> new Place(table, c)).orElse(null);
                    }
                }
            }
        }
        return null;
    }
}
