package smos.checks.logic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Numbers where a condition holds, as sorted, disjoint ranges. For a whole-number input the ranges
 * are kept with included whole-number bounds ({@code days > 30} is {@code at least 31}), so that
 * {@code < 6} and {@code >= 6} leave no gap between them.
 */
public record NumberSet(boolean wholeNumbers, List<Interval> parts) implements ValueSet {
    private static final int EXAMPLE_SCALE = 2;

    public NumberSet {
        parts = normalize(wholeNumbers, parts);
    }

    public static NumberSet all(boolean wholeNumbers) {
        return new NumberSet(wholeNumbers, List.of(Interval.ALL));
    }

    /** The numbers {@code x} with {@code x <op> value}; {@code op} is one of == != < <= > >=. */
    public static NumberSet compare(boolean wholeNumbers, String op, BigDecimal value) {
        return switch (op) {
            case "==" -> new NumberSet(wholeNumbers, List.of(new Interval(value, true, value, true)));
            case "!=" -> compare(wholeNumbers, "==", value).complement();
            case "<" -> new NumberSet(wholeNumbers, List.of(new Interval(null, false, value, false)));
            case "<=" -> new NumberSet(wholeNumbers, List.of(new Interval(null, false, value, true)));
            case ">" -> new NumberSet(wholeNumbers, List.of(new Interval(value, false, null, false)));
            case ">=" -> new NumberSet(wholeNumbers, List.of(new Interval(value, true, null, false)));
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
    }

    @Override
    public ValueSet intersect(ValueSet other) {
        List<Interval> out = new ArrayList<>();
        for (Interval a : parts) {
            for (Interval b : ((NumberSet) other).parts) {
                out.add(a.intersect(b));
            }
        }
        return new NumberSet(wholeNumbers, out);
    }

    @Override
    public ValueSet minus(ValueSet other) {
        return intersect(((NumberSet) other).complement());
    }

    NumberSet complement() {
        List<Interval> out = new ArrayList<>();
        BigDecimal from = null;
        boolean fromIncluded = false;
        boolean unboundedBelow = true;
        for (Interval part : parts) {
            if (part.low() != null) {
                out.add(new Interval(unboundedBelow ? null : from, fromIncluded, part.low(), !part.lowIncluded()));
            }
            if (part.high() == null) {
                return new NumberSet(wholeNumbers, out);
            }
            from = part.high();
            fromIncluded = !part.highIncluded();
            unboundedBelow = false;
        }
        out.add(new Interval(unboundedBelow ? null : from, fromIncluded, null, false));
        return new NumberSet(wholeNumbers, out);
    }

    @Override
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    @Override
    public boolean isFull() {
        return parts.size() == 1 && parts.get(0).low() == null && parts.get(0).high() == null;
    }

    @Override
    public String describe() {
        if (isFull()) {
            return "any number";
        }
        List<String> pieces = parts.stream().map(NumberSet::describe).toList();
        return String.join(" or ", pieces);
    }

    private static String describe(Interval i) {
        String lo = i.low() == null ? null : plain(i.low());
        String hi = i.high() == null ? null : plain(i.high());
        if (lo != null && lo.equals(hi)) {
            return lo;
        }
        String lower = lo == null ? null : (i.lowIncluded() ? "at least " : "more than ") + lo;
        String upper = hi == null ? null : (i.highIncluded() ? "at most " : "below ") + hi;
        if (lower == null) {
            return upper;
        }
        if (upper == null) {
            return lower;
        }
        if (i.lowIncluded() && i.highIncluded()) {
            return "from " + lo + " to " + hi;
        }
        return lower + " and " + upper;
    }

    @Override
    public String example() {
        Interval i = parts.get(0);
        if (i.low() != null && i.lowIncluded()) {
            return plain(i.low());
        }
        if (i.high() != null && i.highIncluded() && i.low() == null) {
            return plain(i.high());
        }
        if (i.low() == null && i.high() == null) {
            return "0";
        }
        if (i.low() == null) {
            return plain(i.high().subtract(step(i.high())));
        }
        BigDecimal next = i.low().add(step(i.low()));
        if (i.high() != null && next.compareTo(i.high()) >= 0) {
            next = i.low().add(i.high()).divide(BigDecimal.valueOf(2));
        }
        return plain(next);
    }

    /** One unit in the second decimal, or in the value's last decimal when it has more. */
    private static BigDecimal step(BigDecimal value) {
        return BigDecimal.ONE.movePointLeft(Math.max(EXAMPLE_SCALE, value.stripTrailingZeros().scale()));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static List<Interval> normalize(boolean wholeNumbers, List<Interval> input) {
        List<Interval> kept = new ArrayList<>();
        for (Interval i : input) {
            Interval n = wholeNumbers ? toWholeNumbers(i) : new Interval(strip(i.low()), i.lowIncluded(),
                    strip(i.high()), i.highIncluded());
            if (n != null && !n.isEmpty()) {
                kept.add(n);
            }
        }
        kept.sort(Comparator.comparing(Interval::low, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Interval> merged = new ArrayList<>();
        for (Interval i : kept) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && touches(wholeNumbers, last, i)) {
                merged.set(merged.size() - 1, union(last, i));
            } else {
                merged.add(i);
            }
        }
        return List.copyOf(merged);
    }

    /** The same whole numbers, with included whole-number bounds; null when it holds none. */
    private static Interval toWholeNumbers(Interval i) {
        BigDecimal lo = i.low();
        if (lo != null) {
            BigDecimal ceiling = lo.setScale(0, RoundingMode.CEILING);
            lo = i.lowIncluded() || ceiling.compareTo(lo) != 0 ? ceiling : ceiling.add(BigDecimal.ONE);
        }
        BigDecimal hi = i.high();
        if (hi != null) {
            BigDecimal floor = hi.setScale(0, RoundingMode.FLOOR);
            hi = i.highIncluded() || floor.compareTo(hi) != 0 ? floor : floor.subtract(BigDecimal.ONE);
        }
        return new Interval(strip(lo), lo != null, strip(hi), hi != null);
    }

    private static boolean touches(boolean wholeNumbers, Interval a, Interval b) {
        if (a.high() == null) {
            return true;
        }
        if (b.low() == null) {
            return true;
        }
        int c = a.high().compareTo(b.low());
        if (wholeNumbers) {
            return a.high().add(BigDecimal.ONE).compareTo(b.low()) >= 0;
        }
        return c > 0 || c == 0 && (a.highIncluded() || b.lowIncluded());
    }

    /** The union of two touching ranges, {@code a} starting no later than {@code b}. */
    private static Interval union(Interval a, Interval b) {
        BigDecimal lo = a.low();
        boolean loIn = a.lowIncluded();
        if (lo != null && b.low() != null && lo.compareTo(b.low()) == 0) {
            loIn = loIn || b.lowIncluded();
        }
        if (a.high() == null || b.high() == null) {
            return new Interval(lo, loIn, null, false);
        }
        int c = a.high().compareTo(b.high());
        if (c == 0) {
            return new Interval(lo, loIn, a.high(), a.highIncluded() || b.highIncluded());
        }
        Interval higher = c > 0 ? a : b;
        return new Interval(lo, loIn, higher.high(), higher.highIncluded());
    }
}
