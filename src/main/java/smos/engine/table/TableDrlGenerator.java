package smos.engine.table;

import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import smos.engine.RuleProblem;

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
    private static final Pattern GROUP = Pattern.compile("^\\s*(ruleflow-group|agenda-group)\\s", Pattern.MULTILINE);
    private static final Pattern CELL = Pattern.compile("\\b(?:cell|cells)\\s*\\[?([A-Z]{1,3}\\d+)");

    private TableDrlGenerator() {
    }

    public record Result(List<GeneratedDrl> drls, List<RuleProblem> problems) {
    }

    /**
     * The DRL of every sheet that has a RuleTable (sheets of drop-down lists or notes are left out, as
     * Drools leaves them). A rule that no RULEFLOW-GROUP or AGENDA-GROUP places goes to
     * {@code defaultStage}: Drools would put it in the MAIN group, which no stage of a domain fires.
     */
    public static Result generate(WorkbookModel model, byte[] bytes, String defaultStage) {
        List<String> sheets = model.sheets().stream().filter(s -> !s.tables().isEmpty()).map(SheetModel::name).toList();
        try {
            return new Result(compile(model.file(), bytes, sheets, defaultStage), List.of());
        } catch (RuntimeException | IOException whole) {
            // find which sheet fails by compiling them one at a time
            List<GeneratedDrl> drls = new ArrayList<>();
            List<RuleProblem> problems = new ArrayList<>();
            for (String sheet : sheets) {
                try {
                    drls.addAll(compile(model.file(), bytes, List.of(sheet), defaultStage));
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

    private static List<GeneratedDrl> compile(String file, byte[] bytes, List<String> sheets, String defaultStage)
            throws IOException {
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        Map<String, DefaultRuleSheetListener> bySheet = new LinkedHashMap<>();
        for (String sheet : sheets) {
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener(true, true);
            bySheet.put(sheet, listener);
            listeners.put(sheet, List.of(listener));
        }
        try (NormalisedWorkbook workbook = NormalisedWorkbook.open(file, bytes)) {
            new ExcelParser(listeners).parseWorkbook(workbook.workbook());
        }
        SpreadsheetCompiler compiler = new SpreadsheetCompiler();
        List<GeneratedDrl> drls = new ArrayList<>();
        for (Map.Entry<String, DefaultRuleSheetListener> e : bySheet.entrySet()) {
            String drl = compiler.listenerToString(e.getValue());
            drls.add(new GeneratedDrl(file, e.getKey(), defaultStage == null ? drl : withStage(drl, defaultStage)));
        }
        return drls;
    }

    /**
     * Places every rule that names no group in {@code stage}. A group set in the RuleSet area is written
     * by Drools once, before the first rule, and applies to the whole package; a column sets it rule by rule.
     */
    static String withStage(String drl, String stage) {
        int firstRule = drl.indexOf("\nrule ");
        if (firstRule < 0 || GROUP.matcher(drl.substring(0, firstRule)).find()) {
            return drl;
        }
        StringBuilder out = new StringBuilder(drl.length() + 64);
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
            if (lines[i].startsWith("rule ") && !ruleNamesGroup(lines, i + 1)) {
                // the same line count: an error Drools reports keeps its line, which maps back to the row
                out.setLength(out.length() - 1);
                out.append(" ruleflow-group \"").append(stage).append("\"\n");
            }
        }
        return out.toString();
    }

    private static boolean ruleNamesGroup(String[] lines, int from) {
        for (int i = from; i < lines.length && !lines[i].trim().equals("when"); i++) {
            if (GROUP.matcher(lines[i]).find()) {
                return true;
            }
        }
        return false;
    }

    private static RuleProblem problem(String file, String sheet, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher cell = CELL.matcher(message);
        return RuleProblem.inCell(file, sheet, cell.find() ? cell.group(1) : null, "Drools cannot read the table: " + message);
    }
}
