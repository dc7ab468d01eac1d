package smos.audit;

import smos.request.InvalidRequestException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * A search of the log: each filter may be null. {@code status} is an HTTP status, or {@code ok} (200) or
 * {@code refused} (any 4xx and 5xx). Newest first; {@code before} is the paging cursor: the last decision
 * id of the previous page.
 */
public record AuditQuery(String domain, Instant from, Instant to, String version, String caller, String status,
                         String before, int limit) {

    /** Pages are bounded so one read cannot pull the whole log into memory. */
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        limit = Math.min(limit, MAX_LIMIT);
    }

    /**
     * The search a form or a query string asks for ({@code domain, from, to, version, caller, status, before,
     * limit}; blank is no filter): the API's search and the console's audit page read it the same way.
     */
    public static AuditQuery of(Function<String, String> params) {
        return new AuditQuery(text(params.apply("domain")), instant("from", params.apply("from")),
                instant("to", params.apply("to")), text(params.apply("version")), text(params.apply("caller")),
                status(params.apply("status")), text(params.apply("before")), limit(params.apply("limit")));
    }

    /** An instant ({@code 2026-11-30T10:00:00Z}) or a date (its first moment, UTC); null when blank. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "'" + value + "' is not a date (2026-11-30) or an instant "
                    + "(2026-11-30T10:00:00Z)");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String status = value.strip().toLowerCase(Locale.ROOT);
        if (!status.equals("ok") && !status.equals("refused") && !status.matches("[1-5][0-9][0-9]")) {
            throw new InvalidRequestException("status", "'" + value + "' is not ok, refused or an HTTP status");
        }
        return status;
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
