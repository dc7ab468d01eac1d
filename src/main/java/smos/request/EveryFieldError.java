package smos.request;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every error of a request whose binding failed, in one answer. Jackson stops at the first value of
 * the wrong type or format; this reads the request again without that value, and again, until it
 * binds, then adds the range, pattern and cross-field checks of what did read. Only requests that
 * already failed come here: the happy path binds once, straight from the bytes, as before.
 *
 * <p>Our own code because Jackson has no mode that collects binding errors and goes on (its problem
 * handlers can replace a value, but not every deserializer consults them, and they see no JSON path).
 */
final class EveryFieldError {
    /** Each round binds the whole request again; a request this wrong gets its first errors only. */
    static final int MAX_ERRORS = 50;

    private EveryFieldError() {
    }

    /**
     * The errors of {@code tree} (a copy is changed, not the tree), starting with {@code first}, the
     * problem the first binding met. A syntax error or a limit of the body is not at a field and ends
     * the reading: it is the only error.
     */
    static InvalidRequestException of(ObjectReader reader, JsonNode tree, IOException first) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        JsonNode request = tree.deepCopy();
        IOException problem = first;
        while (true) {
            FieldError error = RequestReader.describe(problem);
            if (!unreadable.add(error.field())) {
                return new InvalidRequestException(errors);
            }
            errors.add(error);
            if (errors.size() >= MAX_ERRORS || !leaveOut(request, problem)) {
                return new InvalidRequestException(errors);
            }
            Object bound;
            try {
                bound = reader.readValue(request);
            } catch (IOException next) {
                problem = next;
                continue;
            }
            if (bound != null) {
                errors.addAll(RequestValidator.violations(bound, unreadable));
            }
            return new InvalidRequestException(errors);
        }
    }

    /**
     * Takes the value of a binding problem out of the request: a field is removed (it then reads as
     * absent), a list item becomes null (the other items keep their index). False when the problem is
     * not at a field, or the field cannot be found.
     */
    private static boolean leaveOut(JsonNode request, IOException problem) {
        if (!(problem instanceof JsonMappingException binding) || binding.getPath().isEmpty()
                || binding.getCause() instanceof JsonParseException
                || binding.getCause() instanceof StreamConstraintsException) {
            return false;
        }
        List<JsonMappingException.Reference> path = binding.getPath();
        JsonNode parent = request;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode object && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (last.getFieldName() == null && parent instanceof ArrayNode list && last.getIndex() >= 0
                && last.getIndex() < list.size()) {
            list.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }
}
