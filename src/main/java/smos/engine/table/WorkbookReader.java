package smos.engine.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import smos.engine.RuleProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a decision-table workbook into {@link WorkbookModel}, following the layout rules of Drools'
 * DefaultRuleSheetListener: a RuleSet area of keyword/value rows, then RuleTable blocks of a type
 * row, a pattern row, a template row, a label row and data rows up to the first fully blank row.
 * Columns left of the RuleTable cell are comments.
 */
public final class WorkbookReader {
    private static final String RULE_TABLE = "ruletable";
    private static final int TYPE_ROW = 1;
    private static final int PATTERN_ROW = 2;
    private static final int TEMPLATE_ROW = 3;
    private static final int LABEL_ROW = 4;

    private WorkbookReader() {
    }

    public static WorkbookModel read(String file, byte[] bytes) {
        List<RuleProblem> problems = new ArrayList<>();
        List<SheetModel> sheets = new ArrayList<>();
        try (NormalisedWorkbook normalised = NormalisedWorkbook.open(file, bytes)) {
            return read(file, normalised);
        } catch (IOException | RuntimeException e) {
            problems.add(RuleProblem.inFile(file, "cannot be opened as an .xlsx or .xls workbook: " + e.getMessage()));
        }
        return new WorkbookModel(file, List.copyOf(sheets), List.copyOf(problems));
    }

    /** The model of a workbook already opened and normalised (the compiler hands the same object to Drools). */
    public static WorkbookModel read(String file, NormalisedWorkbook normalised) {
        List<RuleProblem> problems = new ArrayList<>(normalised.problems());
        List<SheetModel> sheets = new ArrayList<>();
        Workbook workbook = normalised.workbook();
        CellText text = new CellText(workbook.getCreationHelper().createFormulaEvaluator());
        for (Sheet sheet : workbook) {
            sheets.add(new SheetReader(file, sheet, text, problems).read());
        }
        return new WorkbookModel(file, List.copyOf(sheets), List.copyOf(problems));
    }

    /** The state machine for one sheet. */
    private static final class SheetReader {
        private final String file;
        private final Sheet sheet;
        private final CellText text;
        private final List<RuleProblem> problems;
        private final List<CellRangeAddress> merged;
        private final Map<String, List<TableCell>> properties = new LinkedHashMap<>();
        private final List<RuleTableModel> tables = new ArrayList<>();
        private TableBuilder table;

        SheetReader(String file, Sheet sheet, CellText text, List<RuleProblem> problems) {
            this.file = file;
            this.sheet = sheet;
            this.text = text;
            this.problems = problems;
            this.merged = sheet.getMergedRegions();
        }

        SheetModel read() {
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                List<TableCell> cells = cellsOf(r);
                if (table != null && table.accept(r, cells)) {
                    continue;
                }
                readOutsideTable(cells);
            }
            finishTable();
            return new SheetModel(sheet.getSheetName(), properties, List.copyOf(tables));
        }

        /** Drools reads cells outside a table as keyword/value pairs: a row's first cell and the next. */
        private void readOutsideTable(List<TableCell> cells) {
            TableCell key = null;
            TableCell value = null;
            for (TableCell cell : cells) {
                if (isRuleTable(cell)) {
                    finishTable();
                    table = new TableBuilder(cell);
                    break;
                }
                if (key == null) {
                    key = cell;
                } else if (value == null) {
                    value = cell;
                }
            }
            if (key != null && value != null) {
                properties.computeIfAbsent(key.text().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            }
        }

        private static boolean isRuleTable(TableCell cell) {
            return cell.text().toLowerCase(Locale.ROOT).startsWith(RULE_TABLE);
        }

        private void finishTable() {
            if (table != null) {
                tables.add(table.build());
                table = null;
            }
        }

        private List<TableCell> cellsOf(int r) {
            Row row = sheet.getRow(r);
            List<TableCell> cells = new ArrayList<>();
            if (row == null) {
                return cells;
            }
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    continue;
                }
                Cell source = mergedSource(cell);
                String value = text.of(source).trim();
                if (!value.isEmpty()) {
                    cells.add(new TableCell(sheet.getSheetName(), r, c, value));
                }
            }
            return cells;
        }

        private Cell mergedSource(Cell cell) {
            for (CellRangeAddress range : merged) {
                if (range.isInRange(cell.getRowIndex(), cell.getColumnIndex())) {
                    Row first = sheet.getRow(range.getFirstRow());
                    Cell source = first == null ? null : first.getCell(range.getFirstColumn());
                    return source == null ? cell : source;
                }
            }
            return cell;
        }

        /** Collects one RuleTable block row by row. */
        private final class TableBuilder {
            private final TableCell start;
            private final Map<Integer, TableCell> types = new TreeMap<>();
            private final Map<Integer, TableCell> patterns = new TreeMap<>();
            private final Map<Integer, TableCell> templates = new TreeMap<>();
            private final Map<Integer, TableCell> labels = new TreeMap<>();
            private final List<TableRow> rows = new ArrayList<>();
            private final List<TableRow> afterGap = new ArrayList<>();
            private boolean gap;

            TableBuilder(TableCell start) {
                this.start = start;
            }

            /**
             * Takes row {@code r}; false when the row is not part of the table, so that it is read as
             * Drools reads it. Rows with content after a blank row are remembered: Drools drops them.
             */
            boolean accept(int r, List<TableCell> all) {
                int offset = r - start.row();
                if (offset == 0) {
                    return true;
                }
                List<TableCell> cells = all.stream().filter(c -> c.column() >= start.column()).toList();
                if (cells.stream().anyMatch(SheetReader::isRuleTable)) {
                    return false;
                }
                switch (offset) {
                    case TYPE_ROW -> cells.forEach(c -> types.put(c.column(), c));
                    case PATTERN_ROW -> cells.forEach(c -> patterns.put(c.column(), c));
                    case TEMPLATE_ROW -> cells.forEach(c -> templates.put(c.column(), c));
                    case LABEL_ROW -> cells.forEach(c -> labels.put(c.column(), c));
                    default -> {
                        return acceptData(r, cells);
                    }
                }
                return true;
            }

            private boolean acceptData(int r, List<TableCell> cells) {
                if (cells.isEmpty()) {
                    gap = true;
                    return true;
                }
                Map<Integer, TableCell> byColumn = new TreeMap<>();
                cells.forEach(c -> byColumn.put(c.column(), c));
                TableRow row = new TableRow(sheet.getSheetName(), r, start.column(), byColumn);
                if (gap) {
                    afterGap.add(row);
                    return false;
                }
                rows.add(row);
                return true;
            }

            RuleTableModel build() {
                List<TableColumn> columns = new ArrayList<>();
                for (TableCell type : types.values()) {
                    ColumnCode code = ColumnCode.parse(type.text());
                    if (code == null) {
                        problems.add(RuleProblem.inCell(file, sheet.getSheetName(), type.ref(), "\"" + type.text()
                                + "\" is not a column type; use CONDITION, ACTION, NAME or a rule attribute"));
                        continue;
                    }
                    TableCell pattern = patterns.get(type.column());
                    TableCell template = templates.get(type.column());
                    TableCell label = labels.get(type.column());
                    columns.add(new TableColumn(type.column(), code, type, pattern == null ? null : pattern.text(),
                            template == null ? null : template.text(), template, label == null ? null : label.text()));
                }
                String name = start.text().trim().substring(RULE_TABLE.length()).trim();
                return new RuleTableModel(sheet.getSheetName(), name, start, List.copyOf(columns), List.copyOf(rows),
                        List.copyOf(afterGap));
            }
        }
    }
}
