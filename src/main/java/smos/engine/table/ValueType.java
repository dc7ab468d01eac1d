package smos.engine.table;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a column's cells must hold, worked out from the code template they are pasted into. A value
 * that does not fit is rejected before compiling: cell values are data, never code.
 */
public sealed interface ValueType {

    /** Null when the text fits; otherwise a sentence for a business user. */
    String problem(String text);

    String describe();

    record RuleName() implements ValueType {
        private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

        public String problem(String text) {
            return NAME.matcher(text).matches() ? null
                    : "\"" + text + "\" is not a rule name: use letters, digits and _ only, starting with a letter";
        }

        public String describe() {
            return "rule name";
        }
    }

    record WholeNumber() implements ValueType {
        private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

        public String problem(String text) {
            return INTEGER.matcher(text).matches() ? null : "\"" + text + "\" is not a whole number";
        }

        public String describe() {
            return "whole number";
        }
    }

    record Decimal() implements ValueType {
        private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

        public String problem(String text) {
            return DECIMAL.matcher(text).matches() ? null : "\"" + text + "\" is not a number";
        }

        public String describe() {
            return "number";
        }
    }

    record Bool() implements ValueType {
        public String problem(String text) {
            return text.equals("true") || text.equals("false") ? null : "\"" + text + "\" is not true or false";
        }

        public String describe() {
            return "true or false";
        }
    }

    record Choice(Class<?> enumType) implements ValueType {
        public List<String> allowed() {
            return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).toList();
        }

        public String problem(String text) {
            return allowed().contains(text) ? null
                    : "\"" + text + "\" is not one of " + String.join(", ", allowed());
        }

        public String describe() {
            return "one of " + String.join(", ", allowed());
        }
    }

    /** Plain words for people: nothing that could end the string literal it is pasted into. */
    record Text() implements ValueType {
        public String problem(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\' || Character.isISOControl(c)) {
                    return "\"" + text + "\" holds a quote, a backslash or a line break; use plain text";
                }
            }
            return null;
        }

        public String describe() {
            return "plain text";
        }
    }

    /**
     * A template SMOS cannot type. Its values may still not be code: only words, digits and plain
     * punctuation pass; quotes, brackets, semicolons and the like are refused.
     */
    record Unknown(String why) implements ValueType {
        private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} .,_%:/+\\-]*");

        public String problem(String text) {
            return PLAIN.matcher(text).matches() ? null
                    : "\"" + text + "\" holds characters that could be code (quotes, brackets, semicolons); "
                    + "this column takes plain values";
        }

        public String describe() {
            return "not checked (" + why + ")";
        }
    }
}
