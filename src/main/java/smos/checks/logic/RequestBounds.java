package smos.checks.logic;

import smos.request.NonNegative;
import smos.request.Positive;
import smos.request.Range;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a domain's request contract allows for its numeric fields ({@code @NonNegative},
 * {@code @Positive}, {@code @Range}), so that the overlap and gap analysis of a condition on a field
 * of that name never asks for, or gives as an example, a value the contract refuses. Enumerations are
 * already bounded by their constants.
 */
public final class RequestBounds {
    /** {@code field op value}, as a {@code Table checks} range is written. */
    public record Bound(String field, String op, String value) {
    }

    private RequestBounds() {
    }

    public static List<Bound> of(Class<?> requestType) {
        List<Bound> bounds = new ArrayList<>();
        collect(requestType, bounds, new HashSet<>());
        return List.copyOf(bounds);
    }

    private static void collect(Class<?> type, List<Bound> bounds, Set<Class<?>> seen) {
        if (type == null || !type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String name = c.getName();
            if (c.isAnnotationPresent(NonNegative.class)) {
                bounds.add(new Bound(name, ">=", "0"));
            }
            if (c.isAnnotationPresent(Positive.class)) {
                bounds.add(new Bound(name, ">", "0"));
            }
            Range range = c.getAnnotation(Range.class);
            if (range != null) {
                if (isNumber(range.min())) {
                    bounds.add(new Bound(name, range.minExclusive() ? ">" : ">=", range.min().trim()));
                }
                if (isNumber(range.max())) {
                    bounds.add(new Bound(name, range.maxExclusive() ? "<" : "<=", range.max().trim()));
                }
            }
            collect(c.getType(), bounds, seen);
            if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
                for (var argument : p.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        collect(element, bounds, seen);
                    }
                }
            }
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
