package smos.console;

import smos.checks.Finding;
import smos.engine.RuleProblem;
import smos.engine.SourceFile;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.WorkbookModel;
import smos.engine.table.WorkbookReader;
import smos.engine.table.ColumnCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision-table workbook as its business user knows it: per sheet, each table's label row and its
 * rows of values with each row's rule name; the code rows (type, pattern, template) folded away; and
 * every compile problem and spreadsheet finding on the cell it names. Built from the same reading the
 * compiler uses ({@link WorkbookReader}), so the cells are the ones {@code verify} names.
 */
public record WorkbookView(String file, List<SheetView> sheets, List<Note> fileNotes) {

    public record SheetView(String name, String anchor, List<TableView> tables, List<Note> notes) {
    }

    public record TableView(String name, List<ColumnView> columns, List<RowView> rows) {
    }

    /** A column: its label, and its code (header and template) for the fold. */
    public record ColumnView(String ref, String label, String code) {
    }

    public record RowView(String anchor, String ref, String ruleName, List<CellView> cells) {
    }

    public record CellView(String ref, String text, List<Note> notes) {
        public boolean marked() {
            return !notes.isEmpty();
        }
    }

    /** A message on a cell (or a sheet, or the file): an error stops a version, a warning or info does not. */
    public record Note(String severity, String message) {
    }

    /** The row a fired rule came from, as the console addresses it: the anchor of its row on the domain's page. */
    public static String rowAnchor(String sheet, String rowRef) {
        return "row-" + slug(sheet) + "-" + rowRef;
    }

    /**
     * The address of a rule's row on its domain's workbook page, from a rule's location as the trace and
     * the coverage say it ({@code Outcome!B23}); empty for a location that is not a sheet's cell.
     */
    public static String rowLink(String domain, String location) {
        int bang = location == null ? -1 : location.indexOf('!');
        return bang < 0 ? "" : "/console/domains/" + domain + "#" + rowAnchor(location.substring(0, bang),
                location.substring(bang + 1));
    }

    static WorkbookView of(SourceFile file, List<RuleProblem> problems, List<Finding> findings) {
        Map<String, List<Note>> byCell = new LinkedHashMap<>();
        List<Note> fileNotes = new ArrayList<>();
        Map<String, List<Note>> bySheet = new LinkedHashMap<>();
        for (RuleProblem problem : problems) {
            if (file.path().equals(problem.file())) {
                place(byCell, bySheet, fileNotes, problem.sheet(), problem.cell(), new Note("error", problem.message()));
            }
        }
        for (Finding finding : findings) {
            if (file.path().equals(finding.file())) {
                Note note = new Note(finding.severity().name().toLowerCase(java.util.Locale.ROOT), finding.message());
                if (finding.cells().isEmpty()) {
                    place(byCell, bySheet, fileNotes, finding.sheet(), null, note);
                }
                for (String cell : finding.cells()) {
                    place(byCell, bySheet, fileNotes, finding.sheet(), cell, note);
                }
            }
        }
        WorkbookModel model = WorkbookReader.read(file.path(), file.bytes());
        for (RuleProblem problem : model.problems()) {
            if (problems.stream().noneMatch(p -> p.message().equals(problem.message()))) {
                place(byCell, bySheet, fileNotes, problem.sheet(), problem.cell(), new Note("error", problem.message()));
            }
        }
        List<SheetView> sheets = new ArrayList<>();
        for (SheetModel sheet : model.sheets()) {
            List<TableView> tables = new ArrayList<>();
            for (RuleTableModel table : sheet.tables()) {
                tables.add(table(sheet.name(), table, byCell));
            }
            List<Note> sheetNotes = new ArrayList<>(bySheet.getOrDefault(sheet.name(), List.of()));
            // a message on a cell outside every table (a code row, a title) is shown with its sheet
            byCell.forEach((key, notes) -> {
                if (key.startsWith(sheet.name() + "!") && tables.stream().noneMatch(t -> shows(t, key))) {
                    notes.forEach(n -> sheetNotes.add(new Note(n.severity(), key.substring(sheet.name().length() + 1) + ": " + n.message())));
                }
            });
            sheets.add(new SheetView(sheet.name(), "sheet-" + slug(sheet.name()), tables, sheetNotes));
        }
        return new WorkbookView(file.path(), sheets, fileNotes);
    }

    private static boolean shows(TableView table, String key) {
        String ref = key.substring(key.indexOf('!') + 1);
        return table.rows().stream().anyMatch(r -> r.cells().stream().anyMatch(c -> c.ref().equals(ref)));
    }

    private static TableView table(String sheet, RuleTableModel table, Map<String, List<Note>> byCell) {
        List<TableColumn> shown = table.columns().stream().filter(c -> c.code() != ColumnCode.NAME).toList();
        List<ColumnView> columns = shown.stream().map(c -> new ColumnView(
                smos.engine.table.TableCell.ref(c.headerCell().row(), c.column()),
                c.label() == null || c.label().isBlank() ? c.describe() : c.label().strip(),
                c.headerCell().text() + (c.pattern() == null ? "" : "  " + c.pattern())
                        + (c.template() == null ? "" : "  " + c.template()))).toList();
        List<RowView> rows = new ArrayList<>();
        for (TableRow row : table.rows()) {
            List<CellView> cells = new ArrayList<>();
            for (TableColumn column : shown) {
                String ref = smos.engine.table.TableCell.ref(row.row(), column.column());
                String text = row.text(column.column());
                cells.add(new CellView(ref, text == null ? "" : text, byCell.getOrDefault(sheet + "!" + ref, List.of())));
            }
            rows.add(new RowView(rowAnchor(sheet, row.ref()), row.ref(), table.ruleName(row), cells));
        }
        return new TableView(table.name(), columns, rows);
    }

    private static void place(Map<String, List<Note>> byCell, Map<String, List<Note>> bySheet, List<Note> fileNotes,
                              String sheet, String cell, Note note) {
        if (sheet == null) {
            fileNotes.add(note);
        } else if (cell == null) {
            bySheet.computeIfAbsent(sheet, s -> new ArrayList<>()).add(note);
        } else {
            byCell.computeIfAbsent(sheet + "!" + cell.replace("$", ""), c -> new ArrayList<>()).add(note);
        }
    }

    private static String slug(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
