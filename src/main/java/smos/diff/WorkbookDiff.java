package smos.diff;

import smos.engine.table.ColumnCode;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.WorkbookModel;
import smos.engine.table.WorkbookReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two versions of one workbook compared as the rules read them ({@link WorkbookReader}: the same model
 * the compiler and the checks use, so a value shows as the text pasted into a rule). Sheets match by
 * name, RuleTables by name, rule rows by rule name, so a row inserted above does not make every row
 * below it look changed; within matched rows, cells match by column. The RuleSet area (keyword and
 * value) and each column's header (type, pattern, template, label) are compared too. Cells the rules
 * never read (notes beside a table) are not listed; the file still shows as changed.
 */
final class WorkbookDiff {
    private static final int PATTERN_OFFSET = 1;
    private static final int TEMPLATE_OFFSET = 2;
    private static final int LABEL_OFFSET = 3;

    private final String file;
    private final List<CellChange> cells = new ArrayList<>();
    private final List<RowChange> rows = new ArrayList<>();

    private WorkbookDiff(String file) {
        this.file = file;
    }

    static WorkbookDiff of(String file, byte[] before, byte[] after) {
        WorkbookDiff diff = new WorkbookDiff(file);
        diff.compare(WorkbookReader.read(file, before), WorkbookReader.read(file, after));
        return diff;
    }

    List<CellChange> cells() {
        return cells;
    }

    List<RowChange> rows() {
        return rows;
    }

    private void compare(WorkbookModel before, WorkbookModel after) {
        Map<String, SheetModel> old = byName(before.sheets());
        Map<String, SheetModel> now = byName(after.sheets());
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(old.keySet());
        for (String name : names) {
            SheetModel o = old.get(name);
            SheetModel n = now.get(name);
            if (o == null || n == null) {
                for (RuleTableModel table : (o == null ? n : o).tables()) {
                    table.rows().forEach(r -> rowOnlyIn(table, r, o == null ? Change.ADDED : Change.REMOVED));
                }
                continue;
            }
            compareProperties(name, o, n);
            compareTables(o, n);
        }
    }

    private static Map<String, SheetModel> byName(List<SheetModel> sheets) {
        Map<String, SheetModel> map = new LinkedHashMap<>();
        sheets.forEach(s -> map.put(s.name(), s));
        return map;
    }

    /** The RuleSet area: keyword to value cells, compared in order under each keyword. */
    private void compareProperties(String sheet, SheetModel before, SheetModel after) {
        Set<String> keywords = new LinkedHashSet<>(after.properties().keySet());
        keywords.addAll(before.properties().keySet());
        for (String keyword : keywords) {
            List<TableCell> o = before.properties().getOrDefault(keyword, List.of());
            List<TableCell> n = after.properties().getOrDefault(keyword, List.of());
            for (int i = 0; i < Math.max(o.size(), n.size()); i++) {
                TableCell oc = i < o.size() ? o.get(i) : null;
                TableCell nc = i < n.size() ? n.get(i) : null;
                cell(sheet, nc != null ? nc.ref() : oc.ref(), null, keyword, text(oc), text(nc), false);
            }
        }
    }

    private void compareTables(SheetModel before, SheetModel after) {
        List<RuleTableModel> unmatched = new ArrayList<>(before.tables());
        for (RuleTableModel n : after.tables()) {
            RuleTableModel o = unmatched.stream().filter(t -> t.name().equals(n.name())).findFirst().orElse(null);
            if (o == null) {
                n.rows().forEach(r -> rowOnlyIn(n, r, Change.ADDED));
                continue;
            }
            unmatched.remove(o);
            compareHeaders(o, n);
            compareRows(o, n);
        }
        unmatched.forEach(o -> o.rows().forEach(r -> rowOnlyIn(o, r, Change.REMOVED)));
    }

    /** Each column's type, pattern, template and label: code cells, by column. */
    private void compareHeaders(RuleTableModel before, RuleTableModel after) {
        TreeSet<Integer> columns = new TreeSet<>();
        before.columns().forEach(c -> columns.add(c.column()));
        after.columns().forEach(c -> columns.add(c.column()));
        int typeRow = after.start().row() + 1;
        for (int column : columns) {
            TableColumn o = before.column(column).orElse(null);
            TableColumn n = after.column(column).orElse(null);
            String label = label(n != null ? n : o);
            header(after.sheet(), typeRow, column, label, o == null ? null : o.headerCell().text(),
                    n == null ? null : n.headerCell().text());
            header(after.sheet(), typeRow + PATTERN_OFFSET, column, label, o == null ? null : o.pattern(),
                    n == null ? null : n.pattern());
            header(after.sheet(), typeRow + TEMPLATE_OFFSET, column, label, o == null ? null : o.template(),
                    n == null ? null : n.template());
            header(after.sheet(), typeRow + LABEL_OFFSET, column, label, o == null ? null : o.label(),
                    n == null ? null : n.label());
        }
    }

    private void header(String sheet, int row, int column, String label, String before, String after) {
        cell(sheet, TableCell.ref(row, column), null, label, blankAsNull(before), blankAsNull(after), false);
    }

    /** Rule rows matched by rule name (each name once, in order); cells of matched rows by column. */
    private void compareRows(RuleTableModel before, RuleTableModel after) {
        List<TableRow> unmatched = new ArrayList<>(before.rows());
        for (TableRow n : after.rows()) {
            String rule = after.ruleName(n);
            TableRow o = unmatched.stream().filter(r -> before.ruleName(r).equals(rule)).findFirst().orElse(null);
            if (o == null) {
                rowOnlyIn(after, n, Change.ADDED);
                continue;
            }
            unmatched.remove(o);
            TreeSet<Integer> columns = new TreeSet<>(o.cells().keySet());
            columns.addAll(n.cells().keySet());
            for (int column : columns) {
                TableColumn described = after.column(column).or(() -> before.column(column)).orElse(null);
                boolean value = described != null
                        && (described.code() == ColumnCode.CONDITION || described.code() == ColumnCode.ACTION);
                cell(after.sheet(), TableCell.ref(n.row(), column), rule, label(described), o.text(column),
                        n.text(column), value);
            }
        }
        unmatched.forEach(o -> rowOnlyIn(before, o, Change.REMOVED));
    }

    private void rowOnlyIn(RuleTableModel table, TableRow row, Change change) {
        rows.add(new RowChange(file, table.sheet(), row.ref(), table.ruleName(row), change));
    }

    private void cell(String sheet, String ref, String rule, String column, String before, String after, boolean value) {
        if (Objects.equals(before, after)) {
            return;
        }
        Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED;
        cells.add(new CellChange(file, sheet, ref, rule, column, before, after, change, value));
    }

    /** The column's label as one line, or null when its label row is empty. */
    private static String label(TableColumn column) {
        if (column == null || column.label() == null || column.label().isBlank()) {
            return null;
        }
        return column.label().replaceAll("\\s+", " ").trim();
    }

    private static String text(TableCell cell) {
        return cell == null ? null : cell.text();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
