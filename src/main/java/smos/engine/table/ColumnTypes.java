package smos.engine.table;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out each column's {@link ValueType} from its template and the fact field it binds: an
 * {@code Enum.$param} is a choice, {@code new BigDecimal("$param")} a number, {@code "$param"} text,
 * and a bare {@code $param} takes the type of the field it is compared with or the parameter of the
 * method it is passed to, found by reflection on the imported fact classes.
 */
public final class ColumnTypes {
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?\\w+)\\s*:\\s*([\\w.]+)");
    private static final Pattern ENUM_PARAM = Pattern.compile("([A-Z]\\w*)\\.\\$param");
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(\\w+)\\s*(==|!=|<=|>=|<|>)\\s*\\$param\\s*$");
    private static final Pattern BARE_FIELD = Pattern.compile("^\\s*([a-z]\\w*)\\s*$");
    private static final Pattern QUOTED_EQUALS = Pattern.compile("^\\s*(\\w+)\\s*==\\s*\"\\$param\"\\s*$");
    private static final Pattern TYPE_ONLY = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s*(\\(\\s*\\))?\\s*$");
    private static final Pattern CALL = Pattern.compile("^\\s*(\\$?\\w+)\\.(\\w+)\\(\\s*\\$param\\s*\\)\\s*;?\\s*$");

    private final List<String> imports;
    private final ClassLoader loader;
    private final Map<String, Class<?>> bindings = new HashMap<>();

    public ColumnTypes(SheetModel sheet, RuleTableModel table, ClassLoader loader) {
        this.loader = loader;
        this.imports = new ArrayList<>();
        for (TableCell cell : sheet.property("Import")) {
            for (String item : cell.text().split(",")) {
                if (!item.isBlank()) {
                    imports.add(item.trim());
                }
            }
        }
        for (TableColumn column : table.columns()) {
            if (column.pattern() != null) {
                Matcher m = BINDING.matcher(column.pattern());
                if (m.find()) {
                    Class<?> type = resolve(m.group(2));
                    if (type != null) {
                        bindings.put(m.group(1), type);
                    }
                }
            }
        }
    }

    public ValueType of(TableColumn column) {
        if (column.code() == ColumnCode.NAME) {
            return new ValueType.RuleName();
        }
        if (!column.code().hasTemplate()) {
            return new ValueType.Unknown("rule attribute");
        }
        String template = column.template();
        if (template == null) {
            return new ValueType.Unknown("no template");
        }
        if (template.contains("new BigDecimal(\"$param\")")) {
            return new ValueType.Decimal();
        }
        Matcher enumParam = ENUM_PARAM.matcher(template);
        if (enumParam.find()) {
            Class<?> type = resolve(enumParam.group(1));
            if (type != null && type.isEnum()) {
                return new ValueType.Choice(type);
            }
        }
        ValueType compared = comparedField(column, template);
        if (compared != null) {
            return compared;
        }
        if (template.contains("\"$param\"")) {
            return new ValueType.Text();
        }
        if (column.code() == ColumnCode.CONDITION && column.pattern() != null) {
            Matcher m = COMPARISON.matcher(template);
            Matcher b = BINDING.matcher(column.pattern());
            if (m.matches() && b.find()) {
                return typeOf(getterType(resolve(b.group(2)), m.group(1)), template);
            }
        }
        if (column.code() == ColumnCode.ACTION) {
            Matcher m = CALL.matcher(template);
            if (m.matches()) {
                return typeOf(parameterType(bindings.get(m.group(1)), m.group(2)), template);
            }
        }
        return new ValueType.Unknown("template \"" + template + "\" is not of a checked form");
    }

    /**
     * A condition that compares a field with the cell as Drools' shorthand does: a bare field name
     * ({@code registered}: Drools writes {@code registered == <cell>}) or {@code type == "$param"} on an
     * enumeration (Drools converts the text): the cell takes the field's type, so that a value that can
     * never match (a curly-quoted constant, a misspelt one) is refused. Null for other templates.
     */
    private ValueType comparedField(TableColumn column, String template) {
        if (column.code() != ColumnCode.CONDITION || column.pattern() == null) {
            return null;
        }
        Matcher bare = BARE_FIELD.matcher(template);
        Matcher quoted = QUOTED_EQUALS.matcher(template);
        String field = bare.matches() ? bare.group(1) : quoted.matches() ? quoted.group(1) : null;
        Matcher b = BINDING.matcher(column.pattern());
        Matcher t = TYPE_ONLY.matcher(column.pattern());
        String fact = b.find() ? b.group(2) : t.matches() ? t.group(1) : null;
        if (field == null || fact == null) {
            return null;
        }
        Class<?> type = getterType(resolve(fact), field);
        if (type != null && type.isEnum()) {
            return new ValueType.Choice(type);
        }
        return bare.matches() && type != null ? typeOf(type, template) : null;
    }

    private static ValueType typeOf(Class<?> type, String template) {
        if (type == null) {
            return new ValueType.Unknown("no field found for \"" + template + "\"");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return new ValueType.WholeNumber();
        }
        if (type == boolean.class || type == Boolean.class) {
            return new ValueType.Bool();
        }
        if (type == BigDecimal.class) {
            return new ValueType.Decimal();
        }
        return new ValueType.Unknown("field of type " + type.getSimpleName());
    }

    private static Class<?> getterType(Class<?> type, String property) {
        if (type == null) {
            return null;
        }
        String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (String name : new String[] {"get" + suffix, "is" + suffix, property}) {
            try {
                return type.getMethod(name).getReturnType();
            } catch (NoSuchMethodException e) {
                // try the next accessor form
            }
        }
        return null;
    }

    private static Class<?> parameterType(Class<?> type, String method) {
        if (type == null) {
            return null;
        }
        Class<?> found = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == 1) {
                if (found != null && found != m.getParameterTypes()[0]) {
                    return null;
                }
                found = m.getParameterTypes()[0];
            }
        }
        return found;
    }

    /** Resolves a simple or qualified class name against the sheet's imports. */
    public Class<?> resolve(String name) {
        List<String> candidates = new ArrayList<>();
        if (name.contains(".")) {
            candidates.add(name);
        }
        for (String imported : imports) {
            if (imported.endsWith("." + name)) {
                candidates.add(imported);
            } else if (imported.endsWith(".*")) {
                candidates.add(imported.substring(0, imported.length() - 1) + name);
            }
        }
        candidates.add("java.lang." + name);
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return null;
    }
}
