package smos.contract;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Module;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigPart;
import com.fasterxml.jackson.annotation.JsonInclude;
import smos.request.Describe;
import smos.request.Matches;
import smos.request.MaxItems;
import smos.request.NonNegative;
import smos.request.NotEmpty;
import smos.request.Optional;
import smos.request.Positive;
import smos.request.Range;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Set;

/**
 * Turns the constraint annotations of the records ({@code smos.request}: {@code @Optional},
 * {@code @NonNegative}, {@code @Positive}, {@code @Range}, {@code @Matches}, {@code @NotEmpty},
 * {@code @MaxItems}, {@code @Describe}) into JSON Schema keywords, so that the schema says what
 * {@link smos.request.RequestValidator} checks, from the same declarations.
 *
 * <p>Records read from requests ({@code inputs}) have every field required unless {@code @Optional}, and
 * only optional fields may be null; their text must not be blank. Records the service writes have every
 * field present (null included), so every field is required and any field but a list may be null,
 * except in records that leave out nulls ({@code @JsonInclude(NON_NULL)}), where only primitives are
 * always there.
 */
final class ContractConstraints implements Module {
    /** Text that is not blank: at least one character that is not white space (the validator's isBlank). */
    static final String NOT_BLANK = "\\S";

    private final Set<Class<?>> inputs;

    ContractConstraints(Set<Class<?>> inputs) {
        this.inputs = inputs;
    }

    @Override
    public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
        SchemaGeneratorConfigPart<FieldScope> fields = builder.forFields();
        fields.withRequiredCheck(this::required);
        fields.withNullableCheck(this::nullable);
        fields.withNumberInclusiveMinimumResolver(f -> ownField(f) ? inclusiveMinimum(f) : null);
        fields.withNumberExclusiveMinimumResolver(f -> ownField(f) ? exclusiveMinimum(f) : null);
        fields.withNumberInclusiveMaximumResolver(f -> ownField(f) ? inclusiveMaximum(f) : null);
        fields.withNumberExclusiveMaximumResolver(f -> ownField(f) ? exclusiveMaximum(f) : null);
        fields.withStringPatternResolver(f -> ownField(f) ? pattern(f) : null);
        fields.withStringMinLengthResolver(f -> ownField(f) && input(f) && f.getType().getErasedType() == String.class
                ? 1 : null);
        fields.withArrayMinItemsResolver(f -> ownField(f) && f.getAnnotation(NotEmpty.class) != null ? 1 : null);
        fields.withArrayMaxItemsResolver(f -> {
            MaxItems max = ownField(f) ? f.getAnnotation(MaxItems.class) : null;
            return max == null ? null : max.value();
        });
        fields.withDescriptionResolver(f -> ownField(f) ? description(f) : null);
        builder.forTypesInGeneral().withDescriptionResolver(scope -> {
            Describe describe = scope.getType().getErasedType().getAnnotation(Describe.class);
            return describe == null ? null : describe.value();
        });
    }

    /** Constraints sit on the field, not on the items of a list field. */
    private static boolean ownField(FieldScope f) {
        return !f.isFakeContainerItemScope();
    }

    private boolean input(FieldScope f) {
        return inputs.contains(f.getDeclaringType().getErasedType());
    }

    private boolean required(FieldScope f) {
        if (input(f)) {
            return f.getAnnotation(Optional.class) == null;
        }
        return !omitsNulls(f) || f.getType().isPrimitive();
    }

    private Boolean nullable(FieldScope f) {
        if (f.isFakeContainerItemScope()) {
            return false;
        }
        if (input(f)) {
            return f.getAnnotation(Optional.class) != null;
        }
        Class<?> type = f.getType().getErasedType();
        return !omitsNulls(f) && !type.isPrimitive() && !Collection.class.isAssignableFrom(type);
    }

    private static boolean omitsNulls(FieldScope f) {
        JsonInclude include = f.getDeclaringType().getErasedType().getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private static BigDecimal inclusiveMinimum(FieldScope f) {
        if (f.getAnnotation(NonNegative.class) != null) {
            return BigDecimal.ZERO;
        }
        Range range = f.getAnnotation(Range.class);
        return range != null && !range.min().isEmpty() && !range.minExclusive() ? new BigDecimal(range.min()) : null;
    }

    private static BigDecimal exclusiveMinimum(FieldScope f) {
        if (f.getAnnotation(Positive.class) != null) {
            return BigDecimal.ZERO;
        }
        Range range = f.getAnnotation(Range.class);
        return range != null && !range.min().isEmpty() && range.minExclusive() ? new BigDecimal(range.min()) : null;
    }

    private static BigDecimal inclusiveMaximum(FieldScope f) {
        Range range = f.getAnnotation(Range.class);
        return range != null && !range.max().isEmpty() && !range.maxExclusive() ? new BigDecimal(range.max()) : null;
    }

    private static BigDecimal exclusiveMaximum(FieldScope f) {
        Range range = f.getAnnotation(Range.class);
        return range != null && !range.max().isEmpty() && range.maxExclusive() ? new BigDecimal(range.max()) : null;
    }

    /** A {@code @Matches} regex anchored (Java's matches() is whole-text, JSON Schema's pattern is a search). */
    private String pattern(FieldScope f) {
        Matches matches = f.getAnnotation(Matches.class);
        if (matches != null) {
            return "^(?:" + matches.regex() + ")$";
        }
        return input(f) && f.getType().getErasedType() == String.class ? NOT_BLANK : null;
    }

    private static String description(FieldScope f) {
        Describe describe = f.getAnnotation(Describe.class);
        Matches matches = f.getAnnotation(Matches.class);
        if (describe == null && matches == null) {
            return null;
        }
        if (describe == null) {
            return matches.description();
        }
        return matches == null ? describe.value() : describe.value() + " (" + matches.description() + ")";
    }
}
