package smos.checks.logic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Some of a finite list of values: an enumeration's constants, true and false, or the texts a
 * table lists plus {@link #OTHER}, which stands for every text the table does not list.
 */
public record ChoiceSet(List<String> domain, Set<String> values) implements ValueSet {
    public static final String OTHER = "(a value the table does not list)";

    public ChoiceSet {
        Set<String> ordered = new LinkedHashSet<>();
        domain.stream().filter(values::contains).forEach(ordered::add);
        domain = List.copyOf(domain);
        values = ordered;
    }

    public static ChoiceSet all(List<String> domain) {
        return new ChoiceSet(domain, Set.copyOf(domain));
    }

    public static ChoiceSet of(List<String> domain, String value) {
        return new ChoiceSet(domain, Set.of(value));
    }

    @Override
    public ValueSet intersect(ValueSet other) {
        Set<String> kept = new LinkedHashSet<>(values);
        kept.retainAll(((ChoiceSet) other).values);
        return new ChoiceSet(domain, kept);
    }

    @Override
    public ValueSet minus(ValueSet other) {
        Set<String> kept = new LinkedHashSet<>(values);
        kept.removeAll(((ChoiceSet) other).values);
        return new ChoiceSet(domain, kept);
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean isFull() {
        return values.size() == domain.size();
    }

    @Override
    public String describe() {
        if (isFull()) {
            return "any value";
        }
        if (values.size() > 2 && values.size() > domain.size() / 2) {
            List<String> missing = new ArrayList<>(domain);
            missing.removeAll(values);
            return "anything but " + join(missing, " and ");
        }
        return join(new ArrayList<>(values), " or ");
    }

    @Override
    public String example() {
        return values.iterator().next();
    }

    private static String join(List<String> items, String last) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
