package smos.checks.logic;

/**
 * The values one input can take where a row's condition holds: some choices of an enumeration (or
 * true/false, or listed texts), or ranges of numbers. Sets of one input are combined with
 * {@link #intersect} and {@link #minus}.
 */
public sealed interface ValueSet permits ChoiceSet, NumberSet {

    ValueSet intersect(ValueSet other);

    ValueSet minus(ValueSet other);

    boolean isEmpty();

    boolean isFull();

    /** For people: {@code CHANGED_MIND or DEFECTIVE}, {@code at least 31}. */
    String describe();

    /** One value of the set, for an example input: {@code 31}. */
    String example();
}
