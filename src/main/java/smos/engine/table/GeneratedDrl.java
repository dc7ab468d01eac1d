package smos.engine.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL Drools generates from one sheet, with the way back from a generated line to the row that
 * produced it: Drools writes {@code // rule values at B15, header at B10} before each rule.
 */
public final class GeneratedDrl {
    private static final Pattern ORIGIN = Pattern.compile("//\\s*rule values at ([A-Z]+\\d+), header at ([A-Z]+\\d+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");

    private final String file;
    private final String sheet;
    private final String drl;
    /** For each line (0-based), the cell of the rule it belongs to, or null before the first rule. */
    private final String[] lineToCell;
    private final List<RuleRow> rules = new ArrayList<>();

    /** A generated rule and the row cell ({@code B15}) it came from. */
    public record RuleRow(String name, String cell) {
    }

    public GeneratedDrl(String file, String sheet, String drl) {
        this.file = file;
        this.sheet = sheet;
        this.drl = drl;
        String[] lines = drl.split("\n", -1);
        this.lineToCell = new String[lines.length];
        String current = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher origin = ORIGIN.matcher(lines[i]);
            if (origin.find()) {
                current = origin.group(1);
            }
            Matcher rule = RULE.matcher(lines[i]);
            if (rule.find() && current != null) {
                rules.add(new RuleRow(rule.group(1), current));
            }
            lineToCell[i] = current;
        }
    }

    public String file() {
        return file;
    }

    public String sheet() {
        return sheet;
    }

    public String drl() {
        return drl;
    }

    /** Where the generated DRL came from, as a resource path that stays unique per sheet. */
    public String resourcePath() {
        return file + "#" + sheet + ".drl";
    }

    /** The row cell of the rule around a 1-based generated line, or null when the line is a header. */
    public String cellAtLine(int line) {
        int index = line - 1;
        return index >= 0 && index < lineToCell.length ? lineToCell[index] : null;
    }

    public String lineText(int line) {
        String[] lines = drl.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    /** Every rule of the sheet with its row cell, in sheet order (a repeated name appears twice). */
    public List<RuleRow> rules() {
        return rules;
    }
}
