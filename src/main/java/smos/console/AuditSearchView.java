package smos.console;

import java.util.List;

/**
 * The audit page: the search as the form holds it (the texts typed, so a wrong date is shown back as
 * typed), the records found, newest first, and the address of the next page (empty on the last).
 */
public record AuditSearchView(boolean logOn, Filters filters, List<String> domains, List<Row> rows, String next,
                              String error) {

    /** The form's fields, as typed; blank means no filter. */
    public record Filters(String domain, String from, String to, String version, String caller, String status) {
    }

    /** One record in the table of results. */
    public record Row(String decisionId, String time, String domain, String version, String shortVersion,
                      String caller, int status, String duration) {
        public boolean refused() {
            return status >= 400;
        }
    }
}
