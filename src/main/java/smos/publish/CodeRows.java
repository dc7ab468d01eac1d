package smos.publish;

import smos.engine.DomainSources;
import smos.engine.RuleProblem;
import smos.engine.SourceFile;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.WorkbookModel;
import smos.engine.table.WorkbookReader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds changes to what is code rather than data: the RuleSet area, the RuleTable cells and the
 * type, pattern and template rows of a table, and any DRL file. A business user's edit of values and
 * labels changes none of them; anything else may only arrive through publishing with the token.
 */
public final class CodeRows {
    private CodeRows() {
    }

    /** One problem per changed code cell or DRL file; empty when only data changed. */
    public static List<RuleProblem> changes(DomainSources before, DomainSources after) {
        Map<String, SourceFile> old = byPath(before);
        Map<String, SourceFile> now = byPath(after);
        List<RuleProblem> changes = new ArrayList<>();
        for (SourceFile file : now.values()) {
            SourceFile previous = old.get(file.path());
            if (previous == null) {
                changes.add(RuleProblem.inFile(file.path(), "a new rule file is code: publish it with the token"));
            } else if (file.kind() == SourceFile.Kind.DRL) {
                if (!Arrays.equals(previous.bytes(), file.bytes())) {
                    changes.add(RuleProblem.inFile(file.path(), "DRL is code: publish the change with the token"));
                }
            } else {
                changes.addAll(tableChanges(file.path(), codeCells(previous), codeCells(file)));
            }
        }
        for (String path : old.keySet()) {
            if (!now.containsKey(path)) {
                changes.add(RuleProblem.inFile(path, "removing a rule file is a code change: publish it with the token"));
            }
        }
        return changes;
    }

    private static List<RuleProblem> tableChanges(String file, Map<CodeCell, String> before, Map<CodeCell, String> after) {
        List<RuleProblem> changes = new ArrayList<>();
        for (Map.Entry<CodeCell, String> cell : after.entrySet()) {
            if (!Objects.equals(before.get(cell.getKey()), cell.getValue())) {
                changes.add(problem(file, cell.getKey(), "the code cell now reads \"" + cell.getValue()
                        + "\"; changes to Drools code rows must be published with the token"));
            }
        }
        for (CodeCell key : before.keySet()) {
            if (!after.containsKey(key)) {
                changes.add(problem(file, key, "a code cell was emptied; changes to Drools code rows must be published with the token"));
            }
        }
        return changes;
    }

    private static RuleProblem problem(String file, CodeCell cell, String message) {
        return RuleProblem.inCell(file, cell.sheet(), cell.ref(), message);
    }

    /** A code cell's place, compared between the old and the new workbook. */
    record CodeCell(String sheet, String ref) {
    }

    /** The text of every code cell of a workbook, by its place. */
    static Map<CodeCell, String> codeCells(SourceFile file) {
        WorkbookModel workbook = WorkbookReader.read(file.path(), file.bytes());
        Map<CodeCell, String> cells = new LinkedHashMap<>();
        for (SheetModel sheet : workbook.sheets()) {
            sheet.properties().forEach((keyword, values) -> values.forEach(v -> put(cells, v, keyword + " " + v.text())));
            for (RuleTableModel table : sheet.tables()) {
                put(cells, table.start(), table.start().text());
                for (TableColumn column : table.columns()) {
                    put(cells, column.headerCell(), column.headerCell().text());
                    String sheetName = sheet.name();
                    int row = column.headerCell().row();
                    if (column.pattern() != null) {
                        cells.put(new CodeCell(sheetName, TableCell.ref(row + 1, column.column())), column.pattern());
                    }
                    if (column.templateCell() != null) {
                        put(cells, column.templateCell(), column.template());
                    }
                }
            }
        }
        return cells;
    }

    private static void put(Map<CodeCell, String> cells, TableCell cell, String text) {
        cells.put(new CodeCell(cell.sheet(), cell.ref()), text);
    }

    private static Map<String, SourceFile> byPath(DomainSources sources) {
        Map<String, SourceFile> files = new LinkedHashMap<>();
        sources.files().forEach(f -> files.put(f.path(), f));
        return files;
    }
}
