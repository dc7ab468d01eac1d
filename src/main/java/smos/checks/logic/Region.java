package smos.checks.logic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inputs where a row's conditions all hold: for each input the row constrains, the values it
 * accepts; an input not named accepts any value. Regions intersect and subtract, so overlaps, gaps
 * and rows that can never fire can be computed exactly.
 */
public final class Region {
    public static final Region ANY = new Region(Map.of());

    private final Map<Dimension, ValueSet> sets;

    private Region(Map<Dimension, ValueSet> sets) {
        this.sets = sets;
    }

    public Region with(Dimension dimension, ValueSet values) {
        Map<Dimension, ValueSet> next = new LinkedHashMap<>(sets);
        next.merge(dimension, values, ValueSet::intersect);
        if (next.get(dimension).isFull()) {
            next.remove(dimension);
        }
        return new Region(next);
    }

    public Region intersect(Region other) {
        Region out = this;
        for (Map.Entry<Dimension, ValueSet> e : other.sets.entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    public boolean isEmpty() {
        return sets.values().stream().anyMatch(ValueSet::isEmpty);
    }

    /** This region without the inputs of {@code other}, as disjoint regions (none when it is all inside). */
    public List<Region> minus(Region other) {
        if (intersect(other).isEmpty()) {
            return List.of(this);
        }
        List<Region> out = new ArrayList<>();
        Region rest = this;
        for (Map.Entry<Dimension, ValueSet> e : other.sets.entrySet()) {
            ValueSet mine = rest.sets.getOrDefault(e.getKey(), e.getKey().all());
            ValueSet outside = mine.minus(e.getValue());
            if (!outside.isEmpty()) {
                out.add(rest.replace(e.getKey(), outside));
            }
            rest = rest.replace(e.getKey(), mine.intersect(e.getValue()));
        }
        return out;
    }

    private Region replace(Dimension dimension, ValueSet values) {
        Map<Dimension, ValueSet> next = new LinkedHashMap<>(sets);
        if (values.isFull()) {
            next.remove(dimension);
        } else {
            next.put(dimension, values);
        }
        return new Region(next);
    }

    /** Two regions that differ in one input only, joined; null when they differ in more. */
    Region joinedWith(Region other) {
        if (!sets.keySet().equals(other.sets.keySet())) {
            return null;
        }
        Dimension differing = null;
        for (Dimension d : sets.keySet()) {
            if (!sets.get(d).equals(other.sets.get(d))) {
                if (differing != null) {
                    return null;
                }
                differing = d;
            }
        }
        if (differing == null) {
            return this;
        }
        ValueSet union = differing.all().minus(differing.all().minus(sets.get(differing))
                .intersect(differing.all().minus(other.sets.get(differing))));
        return replace(differing, union);
    }

    /** {@code effective reason is CHANGED_MIND and days since purchase is at least 31}. */
    public String describe() {
        if (sets.isEmpty()) {
            return "any input";
        }
        List<String> parts = ordered().stream().map(d -> d.words() + " is " + sets.get(d).describe()).toList();
        return joinAnd(parts);
    }

    /** One input of the region: {@code effective reason CHANGED_MIND, days since purchase 31}. */
    public String example() {
        if (sets.isEmpty()) {
            return "any input";
        }
        return ordered().stream().map(d -> d.words() + " " + sets.get(d).example()).collect(Collectors.joining(", "));
    }

    private List<Dimension> ordered() {
        return sets.keySet().stream().sorted(Comparator.comparingInt(Dimension::order)).toList();
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** Joins regions that differ in one input only, until none do: fewer, larger gaps to report. */
    public static List<Region> simplify(List<Region> regions) {
        List<Region> out = new ArrayList<>(regions);
        boolean joined = true;
        while (joined) {
            joined = false;
            outer:
            for (int i = 0; i < out.size(); i++) {
                for (int j = i + 1; j < out.size(); j++) {
                    Region union = out.get(i).joinedWith(out.get(j));
                    if (union != null) {
                        out.set(i, union);
                        out.remove(j);
                        joined = true;
                        break outer;
                    }
                }
            }
        }
        return out;
    }
}
