package smos.compensation;

import smos.request.CrossFieldCheck;

import java.time.LocalDate;

/** The plan period; both its first and its last day belong to it. */
public record Period(String id, LocalDate start, LocalDate end) implements CrossFieldCheck {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    @Override
    public void check(Violations violations) {
        if (end.isBefore(start)) {
            violations.add("end", "must not be before start (" + start + ")");
        }
    }
}
