package smos.engine.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import smos.engine.DecisionDomain;
import smos.engine.RuleProblem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a decision table written for plain Drools needs before it serves in a SMOS domain: a RuleSet
 * and an Import that finds the domain's facts, a stage (its RULEFLOW-GROUP, else the domain's default
 * stage), and a NAME column for stable rule names. {@link #rewrite} adds what SMOS can add without
 * guessing at policy: a NAME column (Drools' own names, {@code Table_17} as {@code Table17}) and the
 * hidden, grouped code rows business users do not edit.
 */
public final class TableImport {
    private static final int PATTERN_ROW = 2;
    private static final int TEMPLATE_ROW = 3;
    private static final int LABEL_ROW = 4;

    private TableImport() {
    }

    /** One line per thing found: {@code ok}, {@code needs} or {@code adds}, with the sheet and cell. */
    public static List<String> report(String file, byte[] bytes, DecisionDomain<?, ?> domain, ClassLoader loader) {
        List<String> lines = new ArrayList<>();
        WorkbookModel model = WorkbookReader.read(file, bytes);
        for (RuleProblem problem : model.problems()) {
            lines.add("needs   " + problem);
        }
        for (SheetModel sheet : model.sheets()) {
            if (sheet.tables().isEmpty()) {
                lines.add("ok      sheet " + sheet.name() + ": no RuleTable, skipped (lists, notes)");
                continue;
            }
            if (sheet.property("RuleSet").isEmpty()) {
                lines.add("needs   sheet " + sheet.name() + ", cell A1: a RuleSet row (keyword RuleSet, the package name right of it)");
            }
            String group = sheet.single("RULEFLOW-GROUP");
            for (RuleTableModel table : sheet.tables()) {
                String where = "sheet " + sheet.name() + ", table " + table.name() + " (cell " + table.start().ref() + ")";
                boolean groupColumn = table.columns().stream().anyMatch(c -> c.code() == ColumnCode.RULEFLOW_GROUP
                        || c.code() == ColumnCode.AGENDA_GROUP);
                if (group == null && !groupColumn) {
                    lines.add("ok      " + where + ": no RULEFLOW-GROUP, so its rules run in " + domain.id()
                            + "'s stage " + domain.defaultStage() + " (stages: " + String.join(", ", domain.stages())
                            + "); add a RULEFLOW-GROUP row to choose another");
                } else if (group != null && !domain.stages().contains(group)) {
                    lines.add("needs   " + where + ": RULEFLOW-GROUP " + group + " is not a stage of " + domain.id()
                            + ": use one of " + String.join(", ", domain.stages()));
                }
                List<RuleProblem> problems = new ArrayList<>(TableValidator.validate(
                        new WorkbookModel(file, List.of(new SheetModel(sheet.name(), sheet.properties(), List.of(table))),
                                List.of()), loader));
                problems.forEach(p -> lines.add("needs   " + p));
                if (table.nameColumn().isEmpty()) {
                    lines.add("adds    " + where + ": a NAME column (" + nameOf(table, table.rows().isEmpty() ? null
                            : table.rows().get(0)) + ", ...): rules keep their names when rows are inserted");
                }
                lines.add("adds    " + where + ": rows " + (table.start().row() + PATTERN_ROW + 1) + "-"
                        + (table.start().row() + TEMPLATE_ROW + 1) + " (pattern and code) grouped and hidden");
            }
        }
        return lines;
    }

    /** The workbook with a NAME column added to each table that lacks one, and the code rows grouped and hidden. */
    public static byte[] rewrite(String file, byte[] bytes) throws IOException {
        WorkbookModel model = WorkbookReader.read(file, bytes);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (SheetModel sheetModel : model.sheets()) {
                Sheet sheet = workbook.getSheet(sheetModel.name());
                for (RuleTableModel table : sheetModel.tables()) {
                    if (table.nameColumn().isEmpty() && !table.columns().isEmpty()) {
                        addNameColumn(sheet, table);
                    }
                    int pattern = table.start().row() + PATTERN_ROW;
                    sheet.groupRow(pattern, table.start().row() + TEMPLATE_ROW);
                    sheet.setRowGroupCollapsed(pattern, true);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void addNameColumn(Sheet sheet, RuleTableModel table) {
        int column = table.columns().stream().mapToInt(TableColumn::column).max().orElse(table.start().column()) + 1;
        int start = table.start().row();
        set(sheet, start + 1, column, "NAME");
        set(sheet, start + LABEL_ROW, column, "Rule");
        for (TableRow row : table.rows()) {
            set(sheet, row.row(), column, nameOf(table, row));
        }
    }

    /** Drools' name for the row ({@code Loyalty extension_12}) as a rule name SMOS accepts ({@code LoyaltyExtension12}). */
    static String nameOf(RuleTableModel table, TableRow row) {
        StringBuilder name = new StringBuilder();
        for (String word : table.name().split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
            name.insert(0, "Rule");
        }
        return row == null ? name.toString() : name.toString() + (row.row() + 1);
    }

    private static void set(Sheet sheet, int row, int column, String value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
        cell.setCellValue(value);
    }
}
