package smos.request;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed request against the contract declared on its records: required fields, numeric
 * ranges, list sizes, text patterns, then each record's cross-field checks. Every violation is
 * collected with its JSON path, so one response lists them all.
 *
 * <p>Our own rather than Jakarta Bean Validation: on the returns mix Hibernate Validator's check cost 17
 * to 32 times this one, far past the 10% of in-process decisions per second we allow it (figures in
 * docs/benchmarks.md, {@code ValidationBenchmark}); and the contract needs what Bean Validation does not
 * give, required-unless-{@code @Optional} and JSON-path field names. The same annotations generate the
 * OpenAPI schema ({@code smos.contract}).
 */
public final class RequestValidator {
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(new Field(c));
            }
            return List.copyOf(fields);
        }
    };

    private RequestValidator() {
    }

    public static void validate(Object request) {
        List<FieldError> errors = violations(request, Set.of());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * Every violation of a request read without its {@code unreadable} fields (JSON paths whose value
     * had the wrong type or format and was left out): those fields are already reported, so their
     * absence is not reported again, and the records holding them get no cross-field check.
     */
    static List<FieldError> violations(Object request, Set<String> unreadable) {
        Found errors = new Found(unreadable);
        validateRecord(request, "", errors);
        return errors.list;
    }

    /**
     * A record's cross-field checks compare its fields with each other; they run only when every field
     * read and checked cleanly, nested records included, since a check of a date against a missing or
     * invalid one would report a consequence of an error already listed, or fail on the missing value.
     */
    private static void validateRecord(Object record, String path, Found errors) {
        int before = errors.size();
        for (Field field : FIELDS.get(record.getClass())) {
            field.validate(field.value(record), path, errors);
        }
        if (errors.size() == before && errors.readWithin(path) && record instanceof CrossFieldCheck checked) {
            checked.check((name, message) -> errors.add(new FieldError(join(path, name), message)));
        }
    }

    /** The violations found so far; a field already reported as unreadable is not reported again. */
    private static final class Found {
        final List<FieldError> list = new ArrayList<>();
        final Set<String> unreadable;
        /** What {@link #size()} counts: the violations, reported or not, so that a record with any is not cross-checked. */
        int count;

        Found(Set<String> unreadable) {
            this.unreadable = unreadable;
        }

        void add(FieldError error) {
            count++;
            if (unreadable.isEmpty() || !unreadable.contains(error.field())) {
                list.add(error);
            }
        }

        int size() {
            return count;
        }

        /** True when no field under {@code path} was left out as unreadable. */
        boolean readWithin(String path) {
            if (unreadable.isEmpty()) {
                return true;
            }
            for (String field : unreadable) {
                if (path.isEmpty() || field.startsWith(path + ".") || field.startsWith(path + "[")) {
                    return false;
                }
            }
            return true;
        }
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * The JSON name of a record component: its {@code @JsonProperty} name when it has one (a contract
     * field such as {@code case} that is a Java keyword), otherwise the component's own name.
     */
    public static String jsonName(RecordComponent c) {
        JsonProperty property = c.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : c.getName();
    }

    /** One record component and the constraints declared on it. */
    private static final class Field {
        final String name;
        final RecordComponent component;
        final boolean optional;
        final boolean nonNegative;
        final boolean positive;
        final boolean notEmpty;
        final int maxItems;
        final Range range;
        final Matches matches;
        final Pattern pattern;
        final boolean checksNumbers;
        final MethodHandle getter;

        Field(RecordComponent c) {
            this.name = jsonName(c);
            this.component = c;
            this.optional = c.isAnnotationPresent(Optional.class);
            this.nonNegative = c.isAnnotationPresent(NonNegative.class);
            this.positive = c.isAnnotationPresent(Positive.class);
            this.notEmpty = c.isAnnotationPresent(NotEmpty.class);
            MaxItems bound = c.getAnnotation(MaxItems.class);
            this.maxItems = bound == null ? Integer.MAX_VALUE : bound.value();
            this.range = c.getAnnotation(Range.class);
            this.matches = c.getAnnotation(Matches.class);
            this.pattern = matches == null ? null : Pattern.compile(matches.regex());
            this.checksNumbers = nonNegative || positive || range != null;
            // records nested in non-public classes are still requests: read their components anyway
            c.getAccessor().trySetAccessible();
            try {
                this.getter = MethodHandles.lookup().unreflect(c.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + c.getDeclaringRecord(), e);
            }
        }

        Object value(Object record) {
            try {
                return getter.invokeExact(record);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }

        /** Checks this field's value; its JSON path is built only when needed (an error, a nested record). */
        void validate(Object value, String parent, Found errors) {
            if (value == null) {
                if (!optional) {
                    errors.add(new FieldError(join(parent, name), "is required"));
                }
                return;
            }
            if (value instanceof String text) {
                if (text.isBlank() || pattern != null) {
                    validateText(text, join(parent, name), errors);
                }
            } else if (value instanceof Number number) {
                if (checksNumbers) {
                    validateNumber(number instanceof BigDecimal d ? d : new BigDecimal(number.toString()),
                            join(parent, name), errors);
                }
            } else if (value instanceof List<?> list) {
                validateList(list, join(parent, name), errors);
            } else if (value.getClass().isRecord()) {
                validateRecord(value, join(parent, name), errors);
            }
        }

        private void validateText(String text, String path, Found errors) {
            if (text.isBlank()) {
                errors.add(new FieldError(path, "must not be empty"));
            } else if (pattern != null && !pattern.matcher(text).matches()) {
                errors.add(new FieldError(path, "'" + text + "' must be " + matches.description()));
            }
        }

        private void validateNumber(BigDecimal n, String path, Found errors) {
            if (nonNegative && n.signum() < 0) {
                errors.add(new FieldError(path, "must not be negative"));
            }
            if (positive && n.signum() <= 0) {
                errors.add(new FieldError(path, "must be above 0"));
            }
            if (range != null) {
                String problem = rangeProblem(n);
                if (problem != null) {
                    errors.add(new FieldError(path, problem));
                }
            }
        }

        private String rangeProblem(BigDecimal n) {
            if (!range.min().isEmpty()) {
                int c = n.compareTo(new BigDecimal(range.min()));
                if (c < 0 || (c == 0 && range.minExclusive())) {
                    return "must be " + describeRange();
                }
            }
            if (!range.max().isEmpty()) {
                int c = n.compareTo(new BigDecimal(range.max()));
                if (c > 0 || (c == 0 && range.maxExclusive())) {
                    return "must be " + describeRange();
                }
            }
            return null;
        }

        private String describeRange() {
            String low = range.min().isEmpty() ? null
                    : (range.minExclusive() ? "above " : "at least ") + range.min();
            String high = range.max().isEmpty() ? null
                    : (range.maxExclusive() ? "below " : "at most ") + range.max();
            if (low != null && high != null) {
                return low + " and " + high;
            }
            return low != null ? low : high;
        }

        private void validateList(List<?> list, String path, Found errors) {
            if (notEmpty && list.isEmpty()) {
                errors.add(new FieldError(path, "needs at least one item"));
            }
            if (list.size() > maxItems) {
                // the items themselves are not checked: one error for the list, not thousands for its items
                errors.add(new FieldError(path, "holds " + list.size() + " items; at most " + maxItems
                        + " are accepted"));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String itemPath = path + "[" + i + "]";
                if (item == null) {
                    errors.add(new FieldError(itemPath, "must not be null"));
                } else if (item.getClass().isRecord()) {
                    validateRecord(item, itemPath, errors);
                } else if (item instanceof String text) {
                    validateText(text, itemPath, errors);
                }
            }
        }
    }
}
