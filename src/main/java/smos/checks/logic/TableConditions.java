package smos.checks.logic;

import smos.engine.table.ColumnCode;
import smos.engine.table.ColumnTypes;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table's condition columns as comparisons of one fact field with the cell's value:
 * {@code field == Enum.$param}, {@code field == $param} (true/false, whole numbers),
 * {@code field <op> $param} and {@code field <op> new BigDecimal("$param")} (numbers), and
 * {@code field == "$param"} (text). A column of any other form cannot be analysed and is named.
 */
public final class TableConditions {
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?\\w+)\\s*:\\s*([\\w.]+)");
    private static final Pattern TYPE_ONLY = Pattern.compile("^\\s*([\\w.]+)\\s*(\\(.*\\))?\\s*$");
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(\\w+)\\s*(==|!=|<=|>=|<|>)\\s*(.+?)\\s*$");
    private static final Pattern BARE = Pattern.compile("\\$param");
    private static final Pattern BIG_DECIMAL = Pattern.compile("new\\s+(?:java\\.math\\.)?BigDecimal\\(\\s*\"\\$param\"\\s*\\)");
    private static final Pattern ENUM = Pattern.compile("([\\w.]+)\\.\\$param");
    private static final Pattern QUOTED = Pattern.compile("\"\\$param\"");
    private static final Pattern BARE_FIELD = Pattern.compile("^\\s*[a-z]\\w*\\s*$");
    private static final Pattern NUMBERED = Pattern.compile("\\$(\\d)\\b");

    /**
     * A condition column read as {@code <input> <op> <cell value>}; {@code part} is the position of the
     * value in a comma-separated cell ({@code $1}, {@code $2} templates), or -1 for the whole cell.
     */
    public record Condition(TableColumn column, Dimension input, String op, int part) {
        /** The value this condition compares in the row's cell, or null when the cell is empty. */
        public String value(TableRow row) {
            String text = row.text(column.column());
            if (text == null || part < 0) {
                return text;
            }
            String[] parts = text.split(",", -1);
            if (part >= parts.length) {
                throw new IllegalArgumentException("\"" + text + "\" has no value " + (part + 1));
            }
            return parts[part].trim();
        }
    }

    /** A condition column that cannot be analysed, and why. */
    public record NotAnalysed(TableColumn column, String why) {
    }

    private final List<Condition> conditions = new ArrayList<>();
    private final List<NotAnalysed> notAnalysed = new ArrayList<>();

    private TableConditions() {
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public List<NotAnalysed> notAnalysed() {
        return notAnalysed;
    }

    public List<Dimension> inputs() {
        return conditions.stream().map(Condition::input).distinct().toList();
    }

    public static TableConditions read(SheetModel sheet, RuleTableModel table, ClassLoader loader) {
        TableConditions read = new TableConditions();
        ColumnTypes types = new ColumnTypes(sheet, table, loader);
        Map<String, Dimension> inputs = new LinkedHashMap<>();
        for (TableColumn column : table.columns()) {
            if (column.code() != ColumnCode.CONDITION || table.rows().stream().allMatch(r -> r.text(column.column()) == null)) {
                continue;
            }
            try {
                read.conditions.addAll(read.shorthand(column, table, types, inputs));
            } catch (IllegalArgumentException e) {
                read.notAnalysed.add(new NotAnalysed(column, e.getMessage()));
            }
        }
        return read;
    }

    /** The inputs where every condition of the row holds; empty when a cell does not fit its column. */
    public Optional<Region> regionOf(TableRow row) {
        Region region = Region.ANY;
        for (Condition c : conditions) {
            try {
                String text = c.value(row);
                if (text == null) {
                    continue;
                }
                region = region.with(c.input(), c.input().where(c.op(), text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(region);
    }

    /**
     * Drools' shorthand read as plain comparisons: a bare field name ({@code registered}: Drools writes
     * {@code registered == <cell>}), and {@code $1}, {@code $2} templates over a comma-separated cell
     * ({@code age >= $1, age <= $2} with {@code 18, 65}); anything else is one comparison with {@code $param}.
     */
    private List<Condition> shorthand(TableColumn column, RuleTableModel table, ColumnTypes types,
                                      Map<String, Dimension> inputs) {
        String template = column.template();
        if (template == null) {
            throw new IllegalArgumentException("it has no template");
        }
        if (BARE_FIELD.matcher(template).matches()) {
            return List.of(condition(column, table, types, inputs, template.trim() + " == $param", -1, true));
        }
        if (!NUMBERED.matcher(template).find()) {
            return List.of(condition(column, table, types, inputs, template, -1, false));
        }
        List<Condition> parts = new ArrayList<>();
        for (String part : template.split(",")) {
            Matcher n = NUMBERED.matcher(part);
            if (!n.find()) {
                throw new IllegalArgumentException("\"" + part.trim() + "\" compares no numbered value");
            }
            int position = Integer.parseInt(n.group(1)) - 1; // read before replaceAll resets the matcher
            parts.add(condition(column, table, types, inputs, n.replaceAll("\\$param"), position, false));
        }
        return parts;
    }

    private Condition condition(TableColumn column, RuleTableModel table, ColumnTypes types, Map<String, Dimension> inputs,
                                String template, int part, boolean bareField) {
        Matcher m = COMPARISON.matcher(template);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + template + "\" is not a comparison of one field with the cell's value");
        }
        String field = m.group(1);
        String op = m.group(2);
        String value = m.group(3);
        String[] fact = fact(column.pattern());
        Class<?> factType = types.resolve(fact[1]);
        Class<?> fieldType = getterType(factType, field);
        if (fieldType == null) {
            throw new IllegalArgumentException("no field " + field + " found on " + fact[1]);
        }
        Dimension.Kind kind = bareField ? kindOf(fieldType) : kind(fieldType, value, types);
        if ((kind == Dimension.Kind.CHOICE || kind == Dimension.Kind.TRUE_FALSE || kind == Dimension.Kind.TEXT)
                && !op.equals("==") && !op.equals("!=")) {
            throw new IllegalArgumentException("\"" + template + "\" orders values that have no order");
        }
        String key = fact[0] + "." + field;
        Dimension input = inputs.get(key);
        if (input == null) {
            input = new Dimension(inputs.size(), key, words(field, fact[0], inputs), kind,
                    choices(kind, fieldType, table, key, column));
            inputs.put(key, input);
        } else if (input.kind() != kind) {
            throw new IllegalArgumentException("it compares " + field + " as another kind of value than an earlier column");
        } else if (kind == Dimension.Kind.TEXT) {
            Dimension narrower = input;
            Set<String> more = new LinkedHashSet<>(input.choices());
            more.remove(ChoiceSet.OTHER);
            more.addAll(listed(table, column));
            more.add(ChoiceSet.OTHER);
            Dimension wider = new Dimension(input.order(), key, input.words(), kind, List.copyOf(more));
            inputs.put(key, wider);
            conditions.replaceAll(c -> c.input().equals(narrower) ? new Condition(c.column(), wider, c.op(), c.part()) : c);
            input = wider;
        }
        return new Condition(column, input, op, part);
    }

    /** The binding and the fact type of a pattern: {@code $case: ReturnCase} or {@code ReturnCase()}. */
    private static String[] fact(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("it has no fact pattern");
        }
        Matcher b = BINDING.matcher(pattern);
        if (b.find()) {
            return new String[] {b.group(1), b.group(2)};
        }
        Matcher t = TYPE_ONLY.matcher(pattern);
        if (t.matches()) {
            return new String[] {t.group(1), t.group(1)};
        }
        throw new IllegalArgumentException("its pattern \"" + pattern + "\" is not a single fact");
    }

    private static Dimension.Kind kind(Class<?> fieldType, String value, ColumnTypes types) {
        boolean bare = BARE.matcher(value).matches();
        boolean decimal = BIG_DECIMAL.matcher(value).matches();
        if (fieldType == boolean.class || fieldType == Boolean.class) {
            return require(bare, Dimension.Kind.TRUE_FALSE, value);
        }
        if (fieldType.isEnum()) {
            Matcher e = ENUM.matcher(value);
            return require(e.matches() && fieldType.equals(types.resolve(e.group(1))), Dimension.Kind.CHOICE, value);
        }
        if (fieldType == String.class) {
            return require(QUOTED.matcher(value).matches(), Dimension.Kind.TEXT, value);
        }
        if (Arrays.asList(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(fieldType)) {
            return require(bare || decimal, Dimension.Kind.WHOLE_NUMBER, value);
        }
        if (fieldType == BigDecimal.class || fieldType == double.class || fieldType == Double.class) {
            return require(bare || decimal, Dimension.Kind.DECIMAL, value);
        }
        throw new IllegalArgumentException("its field holds a " + fieldType.getSimpleName()
                + ", not an enumeration, true/false, a number or text");
    }

    /** The kind of a field compared with the bare cell value (a bare-field template). */
    private static Dimension.Kind kindOf(Class<?> fieldType) {
        if (fieldType == boolean.class || fieldType == Boolean.class) {
            return Dimension.Kind.TRUE_FALSE;
        }
        if (fieldType.isEnum()) {
            return Dimension.Kind.CHOICE;
        }
        if (fieldType == String.class) {
            return Dimension.Kind.TEXT;
        }
        if (Arrays.asList(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(fieldType)) {
            return Dimension.Kind.WHOLE_NUMBER;
        }
        if (fieldType == BigDecimal.class || fieldType == double.class || fieldType == Double.class) {
            return Dimension.Kind.DECIMAL;
        }
        throw new IllegalArgumentException("its field holds a " + fieldType.getSimpleName()
                + ", not an enumeration, true/false, a number or text");
    }

    private static Dimension.Kind require(boolean fits, Dimension.Kind kind, String value) {
        if (!fits) {
            throw new IllegalArgumentException("the value \"" + value + "\" is not compared as a plain "
                    + kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return kind;
    }

    private static List<String> choices(Dimension.Kind kind, Class<?> fieldType, RuleTableModel table, String key,
                                        TableColumn column) {
        return switch (kind) {
            case CHOICE -> Arrays.stream(fieldType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            case TRUE_FALSE -> List.of("true", "false");
            case TEXT -> {
                List<String> values = new ArrayList<>(listed(table, column));
                values.add(ChoiceSet.OTHER);
                yield values;
            }
            default -> List.of();
        };
    }

    private static Set<String> listed(RuleTableModel table, TableColumn column) {
        Set<String> values = new LinkedHashSet<>();
        table.rows().forEach(r -> {
            String v = r.text(column.column());
            if (v != null) {
                values.add(v.trim());
            }
        });
        return values;
    }

    /** The field in words; prefixed with its fact when two facts of the table have a field of that name. */
    private static String words(String field, String binding, Map<String, Dimension> inputs) {
        String words = Dimension.words(field);
        boolean clash = inputs.values().stream().anyMatch(d -> d.words().equals(words));
        return clash ? binding.replace("$", "") + " " + words : words;
    }

    static Class<?> getterType(Class<?> type, String property) {
        if (type == null || property.isEmpty()) {
            return null;
        }
        String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (String name : new String[] {"get" + suffix, "is" + suffix, property}) {
            try {
                Method m = type.getMethod(name);
                return m.getReturnType();
            } catch (NoSuchMethodException e) {
                // try the next accessor form
            }
        }
        return null;
    }
}
