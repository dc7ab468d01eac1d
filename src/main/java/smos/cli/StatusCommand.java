package smos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code smos status}: what each domain of a running server serves, and its last refused change in plain
 * words with the cells to fix, from {@code GET /api/v1/rulesets}: the answer to "why was my edit refused?"
 * for someone who saved a workbook and does not read the server's log.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Each domain's status and active version on a running server, and its last refused change "
                + "with the cells to fix. Exit code 1 when a domain serves no version.",
                "  smos status",
                "  smos status returns --server http://smos.example:8080"})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ServerClient client;

    @Parameters(arity = "0..*", paramLabel = "DOMAIN", description = "Only these domains (default: every domain).")
    List<String> domains;

    @Override
    public Integer call() throws IOException {
        ServerClient.Answer answer = client.get("/api/v1/rulesets");
        if (!answer.ok()) {
            ServerClient.printProblem(answer);
            return 2;
        }
        boolean unavailable = false;
        int shown = 0;
        for (JsonNode domain : answer.body()) {
            if (domains != null && !domains.isEmpty() && !domains.contains(domain.path("domain").asText())) {
                continue;
            }
            print(System.out, domain);
            unavailable |= domain.path("activeVersion").isNull() || domain.path("activeVersion").isMissingNode();
            shown++;
        }
        if (domains != null && shown < domains.size()) {
            System.err.println("failed: no domain " + String.join(", ", domains) + " among those the server serves");
            return 2;
        }
        return unavailable ? 1 : 0;
    }

    static void print(PrintStream out, JsonNode d) {
        String active = d.path("activeVersion").asText(null);
        out.printf("%-20s %-7s %s%n", d.path("domain").asText(), d.path("status").asText(),
                active == null ? "serves no version: its decisions are refused (503) until its files are fixed"
                        : "version " + active + (d.hasNonNull("servingFrom") ? ", from " + d.path("servingFrom").asText() : ""));
        JsonNode refused = d.path("lastRejected");
        if (refused.isMissingNode() || refused.isNull()) {
            return;
        }
        out.printf("  last refused change: version %s, at %s (%s), was refused, so %s. Why:%n",
                refused.path("version").asText(), seconds(refused.path("at").asText()), refused.path("trigger").asText(),
                active == null ? "nothing serves" : "version " + active + " kept serving");
        refused.path("problems").forEach(p -> out.println("    " + ServerClient.problem(p)));
        refused.path("failures").forEach(f -> out.println("    scenario " + ServerClient.failure(f)));
    }

    /** An instant to the second, as a person reads it; left as it is when it is not one. */
    private static String seconds(String instant) {
        try {
            return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }
}
