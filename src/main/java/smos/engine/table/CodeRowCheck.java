package smos.engine.table;

import smos.engine.RuleProblem;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code rows of a table read before Drools compiles them: every fact type a pattern names must be
 * found through the sheet's Import row, and every field a condition template compares must exist on
 * its fact. Drools reports such a mistake once per rule, pinned to data cells (51 errors for one
 * missing Import); here it is one problem at the code cell to change, with the rows it affects.
 */
final class CodeRowCheck {
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?\\w+)\\s*:\\s*([\\w.]+)");
    private static final Pattern TYPE_ONLY = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s*(\\(.*\\))?\\s*$");
    /** A template that starts by naming a field: {@code age >= $1}, {@code type == "$param"}, or just {@code age}. */
    private static final Pattern FIELD_FIRST = Pattern.compile("^\\s*([a-z]\\w*)\\s*(==|!=|<=|>=|<|>|$|,)");
    private static final Set<String> NOT_FIELDS = Set.of("this", "eval", "not", "exists", "forall", "true", "false", "null");

    private CodeRowCheck() {
    }

    static List<RuleProblem> check(String file, SheetModel sheet, RuleTableModel table, ColumnTypes types) {
        List<RuleProblem> problems = new ArrayList<>();
        String affects = affects(table);
        Set<String> reported = new LinkedHashSet<>();
        TableCell importCell = sheet.property("Import").stream().findFirst().orElse(null);
        for (TableColumn column : table.columns()) {
            if (column.pattern() == null || column.code() != ColumnCode.CONDITION) {
                continue;
            }
            String type = factType(column.pattern());
            String patternCell = TableCell.ref(column.headerCell().row() + 1, column.column());
            if (type == null) {
                continue;
            }
            Class<?> resolved = types.resolve(type);
            if (resolved == null) {
                if (reported.add(type)) {
                    String at = importCell != null ? importCell.ref() : patternCell;
                    problems.add(RuleProblem.inCell(file, sheet.name(), at, "the fact type " + type + " (pattern in cell "
                            + patternCell + ") is not found: "
                            + (importCell != null ? "the Import row (\"" + importCell.text() + "\") must name its package"
                            : "add an Import row to the RuleSet area naming its package")
                            + ", for example mypackage.* or mypackage." + type + "; affects rows " + affects));
                }
                continue;
            }
            String template = column.template();
            Matcher field = template == null ? null : FIELD_FIRST.matcher(template);
            if (field != null && field.find() && !NOT_FIELDS.contains(field.group(1).toLowerCase(Locale.ROOT))
                    && !hasField(resolved, field.group(1))) {
                problems.add(RuleProblem.inCell(file, sheet.name(), column.templateCell().ref(), type + " has no field "
                        + field.group(1) + " (template \"" + template.trim() + "\"): fields are "
                        + String.join(", ", fields(resolved)) + "; affects rows " + affects));
            }
        }
        return problems;
    }

    /** {@code 17-30}, the Excel rows of the table's rules. */
    static String affects(RuleTableModel table) {
        if (table.rows().isEmpty()) {
            return "none";
        }
        int first = table.rows().get(0).row() + 1;
        int last = table.rows().get(table.rows().size() - 1).row() + 1;
        return first == last ? String.valueOf(first) : first + "-" + last;
    }

    /** The fact type a pattern names: {@code $case: ReturnCase}, {@code ReturnCase()}, {@code ReturnCase}. */
    static String factType(String pattern) {
        Matcher b = BINDING.matcher(pattern);
        if (b.find()) {
            return b.group(2);
        }
        Matcher t = TYPE_ONLY.matcher(pattern);
        return t.matches() ? t.group(1) : null;
    }

    private static boolean hasField(Class<?> type, String name) {
        String suffix = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (String accessor : new String[] {"get" + suffix, "is" + suffix, name}) {
            try {
                type.getMethod(accessor);
                return true;
            } catch (NoSuchMethodException e) {
                // try the next accessor form
            }
        }
        try {
            return Modifier.isPublic(type.getField(name).getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static List<String> fields(Class<?> type) {
        Set<String> names = new java.util.TreeSet<>();
        for (var m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class && m.getReturnType() != void.class
                    && !m.getName().equals("hashCode") && !m.getName().equals("toString")) {
                String n = m.getName();
                if (n.startsWith("get") && n.length() > 3) {
                    n = Character.toLowerCase(n.charAt(3)) + n.substring(4);
                } else if (n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2))) {
                    n = Character.toLowerCase(n.charAt(2)) + n.substring(3);
                }
                names.add(n);
            }
        }
        return List.copyOf(names);
    }
}
