package smos.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a request body into a typed, validated request, or an {@link InvalidRequestException}
 * whose errors name each offending field as a JSON path.
 */
public final class RequestReader<Q> {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private final Class<Q> type;
    private final ObjectReader reader;

    public RequestReader(Class<Q> type) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
    }

    public Q read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException(FieldError.BODY, "the request body is empty; send a JSON object");
        }
        Utf8.check(body);
        Q request;
        try {
            request = reader.readValue(body);
        } catch (IOException e) {
            if (e instanceof MismatchedInputException m && m.getPath().isEmpty() && m.getOriginalMessage() != null
                    && m.getOriginalMessage().startsWith("Trailing token (of type START_OBJECT)")) {
                throw new NdjsonAsJsonException(mismatch(m));
            }
            throw everyError(e, body);
        }
        if (request == null) {
            throw new InvalidRequestException(FieldError.BODY, "must be a JSON object, not null");
        }
        RequestValidator.validate(request);
        return request;
    }

    /** The same, for a request already parsed into a tree (an item of a JSON-array batch). */
    public Q read(JsonNode tree) {
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            throw new InvalidRequestException(FieldError.BODY, "must be a JSON object, not null");
        }
        if (!tree.isObject()) {
            throw new InvalidRequestException(FieldError.BODY, "must be a JSON object");
        }
        Q request;
        try {
            request = reader.readValue(tree);
        } catch (IOException e) {
            throw EveryFieldError.of(reader, tree, e);
        }
        RequestValidator.validate(request);
        return request;
    }

    /**
     * The body failed to bind: when it is well-formed JSON, its tree is read again for every other
     * error; otherwise the syntax error further on is the other one (nothing after it can be read).
     */
    private InvalidRequestException everyError(IOException first, byte[] body) {
        FieldError error = describe(first);
        if (!(first instanceof JsonMappingException) || first.getCause() instanceof JsonParseException
                || first.getCause() instanceof StreamConstraintsException || error.field().equals(FieldError.BODY)) {
            return new InvalidRequestException(List.of(error));
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (IOException e) {
            FieldError syntax = describe(e);
            return new InvalidRequestException(syntax.equals(error) ? List.of(error) : List.of(error, syntax));
        }
        return tree == null || !tree.isObject() ? new InvalidRequestException(List.of(describe(first)))
                : EveryFieldError.of(reader, tree, first);
    }

    public Class<Q> type() {
        return type;
    }

    static FieldError describe(IOException e) {
        if (e instanceof JsonMappingException wrapper && wrapper.getCause() instanceof JsonParseException parse) {
            // a syntax error met while binding: report it as a syntax error, at the binding's path
            return new FieldError(syntaxPath(path(wrapper), parse), syntax(parse));
        }
        StreamConstraintsException limit = e instanceof StreamConstraintsException c ? c
                : e.getCause() instanceof StreamConstraintsException c ? c : null;
        if (limit != null) {
            String message = limit.getOriginalMessage();
            return message != null && message.contains("nesting depth")
                    ? new FieldError(FieldError.BODY, "JSON nested too deeply: at most " + Json.MAX_NESTING_DEPTH
                            + " levels are accepted")
                    : new FieldError(FieldError.BODY, "a value is too long: " + message);
        }
        if (e instanceof InputCoercionException coercion) {
            return new FieldError(syntaxPath(FieldError.BODY, coercion), outOfRange(coercion));
        }
        if (e instanceof JsonMappingException wrapper && wrapper.getCause() instanceof InputCoercionException coercion) {
            return new FieldError(path(wrapper), outOfRange(coercion));
        }
        if (e instanceof PropertyBindingException unknown) {
            return new FieldError(path(unknown), "is not a known field; known fields: "
                    + String.join(", ", new TreeSet<>(names(unknown.getKnownPropertyIds()))));
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(path(invalid), invalidValue(invalid));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldError(path(mismatch), mismatch(mismatch));
        }
        if (e instanceof JsonParseException parse) {
            return new FieldError(syntaxPath(FieldError.BODY, parse), syntax(parse));
        }
        if (e instanceof JsonMappingException bind) {
            return new FieldError(path(bind), "cannot be read: " + bind.getOriginalMessage());
        }
        if (e instanceof JsonProcessingException processing) {
            return new FieldError(FieldError.BODY, "malformed JSON: " + processing.getOriginalMessage());
        }
        return new FieldError(FieldError.BODY, "cannot be read: " + e.getMessage());
    }

    private static String outOfRange(InputCoercionException e) {
        return "is out of range for " + expected(e.getTargetType());
    }

    private static String invalidValue(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        Object value = e.getValue();
        if (target != null && target.isEnum()) {
            return "'" + value + "' is not allowed; allowed values: " + allowed(target);
        }
        if (target == LocalDate.class) {
            return "'" + value + "' is not a valid date (yyyy-MM-dd)";
        }
        if (target == OffsetDateTime.class) {
            return "'" + value + "' is not a valid instant (ISO-8601 with offset, such as 2026-11-27T09:30:00Z)";
        }
        return "must be " + expected(target) + " (got " + value + ")";
    }

    private static String mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e.getPath().isEmpty()) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("No content to map")) {
                return "the request body is empty; send a JSON object";
            }
            if (message != null && message.startsWith("Trailing token")) {
                return "unexpected content after the JSON object";
            }
            return "must be a JSON object";
        }
        if (target != null && target.isEnum()) {
            return "must be one of: " + allowed(target);
        }
        return "must be " + expected(target);
    }

    static String expected(Class<?> target) {
        if (target == null) {
            return "a value of the right type";
        }
        if (target == String.class) {
            return "text";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == BigDecimal.class) {
            return "a number with at most " + Json.MAX_DIGITS + " digits before and after the decimal point";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == BigDecimal.class || target == double.class) {
            return "a number";
        }
        if (target == LocalDate.class) {
            return "a date as text (yyyy-MM-dd)";
        }
        if (target == OffsetDateTime.class) {
            return "an instant as text (ISO-8601 with offset)";
        }
        if (target.isEnum()) {
            return "one of: " + allowed(target);
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        return "an object";
    }

    static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static Collection<String> names(Collection<Object> ids) {
        return ids.stream().map(Object::toString).toList();
    }

    /** The JSON path of a binding problem: {@code claim.claimDate}, {@code deals[2].revenue}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? FieldError.BODY : path.toString();
    }

    private static String syntax(JsonParseException e) {
        String message = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "appears twice; give each field once";
        }
        int noise = message.indexOf(" (start marker at");
        return "malformed JSON" + where(e.getLocation()) + ": " + (noise > 0 ? message.substring(0, noise) : message);
    }

    /** Where a syntax error sits, from the parser's own context; a duplicate key names itself. */
    private static String syntaxPath(String fallback, com.fasterxml.jackson.core.exc.StreamReadException e) {
        Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
        JsonParser parser = e.getProcessor();
        String path = fallback;
        if (parser != null && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                path = pointerToPath(pointer);
            }
        }
        if (duplicate.find()) {
            String parent = path.equals(FieldError.BODY) ? "" : path.replaceAll("\\.?[^.\\[]*$", "");
            return parent.isEmpty() ? duplicate.group(1) : parent + "." + duplicate.group(1);
        }
        return path;
    }

    static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                path.append('[').append(part).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
