package smos.checks.logic;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input the conditions of a table read: a field of a fact (the same field in several columns is
 * one input), the kind of values it holds, and its name in words ({@code daysSincePurchase} is
 * "days since purchase"). {@code order} keeps inputs in the order of the table's columns.
 */
public record Dimension(int order, String key, String words, Kind kind, List<String> choices) {

    public enum Kind { CHOICE, TRUE_FALSE, TEXT, WHOLE_NUMBER, DECIMAL }

    public Dimension {
        choices = List.copyOf(choices);
    }

    public ValueSet all() {
        return switch (kind) {
            case WHOLE_NUMBER -> NumberSet.all(true);
            case DECIMAL -> NumberSet.all(false);
            default -> ChoiceSet.all(choices);
        };
    }

    /** The values where {@code <this input> <op> <value>} holds; throws when the value does not fit. */
    public ValueSet where(String op, String value) {
        return switch (kind) {
            case WHOLE_NUMBER, DECIMAL -> NumberSet.compare(kind == Kind.WHOLE_NUMBER, op, new BigDecimal(value.trim()));
            default -> {
                String v = value.trim();
                if (!choices.contains(v) || v.equals(ChoiceSet.OTHER)) {
                    throw new IllegalArgumentException("\"" + v + "\" is not one of " + choices);
                }
                ChoiceSet one = ChoiceSet.of(choices, v);
                yield switch (op) {
                    case "==" -> one;
                    case "!=" -> all().minus(one);
                    default -> throw new IllegalArgumentException(op + " does not compare " + words);
                };
            }
        };
    }

    /** {@code daysSincePurchase} as "days since purchase". */
    public static String words(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
