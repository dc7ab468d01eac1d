package smos.engine.table;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import smos.engine.RuleProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns each sheet of a workbook into DRL with Drools' own decision-table compiler, so the rules
 * behave exactly as Drools documents. Drools stops at the first structural error it meets and
 * names a cell in its message; that cell is reported against the sheet being compiled.
 */
public final class TableDrlGenerator {
    private static final Pattern CELL = Pattern.compile("\\b(?:cell|cells)\\s*\\[?([A-Z]{1,3}\\d+)");

    private TableDrlGenerator() {
    }

    public record Result(List<GeneratedDrl> drls, List<RuleProblem> problems) {
    }

    public static Result generate(WorkbookModel model, byte[] bytes) {
        List<String> sheets = model.sheets().stream().map(SheetModel::name).toList();
        try {
            return new Result(compile(model.file(), bytes, sheets), List.of());
        } catch (RuntimeException | IOException whole) {
            // find which sheet fails by compiling them one at a time
            List<GeneratedDrl> drls = new ArrayList<>();
            List<RuleProblem> problems = new ArrayList<>();
            for (String sheet : sheets) {
                try {
                    drls.addAll(compile(model.file(), bytes, List.of(sheet)));
                } catch (RuntimeException | IOException e) {
                    problems.add(problem(model.file(), sheet, e));
                }
            }
            if (problems.isEmpty()) {
                problems.add(problem(model.file(), null, whole));
            }
            return new Result(drls, problems);
        }
    }

    private static List<GeneratedDrl> compile(String file, byte[] bytes, List<String> sheets) throws IOException {
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        Map<String, DefaultRuleSheetListener> bySheet = new LinkedHashMap<>();
        for (String sheet : sheets) {
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener(true, true);
            bySheet.put(sheet, listener);
            listeners.put(sheet, List.of(listener));
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            new ExcelParser(listeners).parseWorkbook(workbook);
        }
        SpreadsheetCompiler compiler = new SpreadsheetCompiler();
        List<GeneratedDrl> drls = new ArrayList<>();
        for (Map.Entry<String, DefaultRuleSheetListener> e : bySheet.entrySet()) {
            drls.add(new GeneratedDrl(file, e.getKey(), compiler.listenerToString(e.getValue())));
        }
        return drls;
    }

    private static RuleProblem problem(String file, String sheet, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher cell = CELL.matcher(message);
        return RuleProblem.inCell(file, sheet, cell.find() ? cell.group(1) : null, "Drools cannot read the table: " + message);
    }
}
