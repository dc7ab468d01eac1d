package smos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * What a change would do to the decisions on record, before it is published: an HTTP client of the
 * server's impact runs (docs/audit.md). Starts a run, shows its progress on standard error, prints the
 * report; Ctrl-C cancels the run on the server.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Decide the recorded requests of a window with a candidate and with the version serving, "
                + "and report what would change. Nothing is published.",
                "  smos impact returns decision-tables/returns/returns-policy.xlsx scenarios/returns/change-of-mind.yaml "
                        + "--from 2026-11-01",
                "  smos impact returns --version 857eb449c949 --from 2026-11-01 --to 2026-12-01 --limit 500000"})
final class ImpactCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 500;

    @Mixin
    ServerClient client;

    @Parameters(index = "0", paramLabel = "DOMAIN") String domain;
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE",
            description = "The changed files of the candidate, as for publish.") List<Path> files;
    @Option(names = "--version", description = "A version of the history as the candidate, instead of files.") String version;
    @Option(names = "--from", description = "A date (2026-11-30) or an instant; included.") String from;
    @Option(names = "--to", description = "A date or an instant; excluded.") String to;
    @Option(names = "--limit", description = "Decide at most this many records, the first of the window (default: the server's, 100,000).")
    Integer limit;
    @Option(names = "--json", description = "Print the report as the server gives it (JSON).") boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean withFiles = files != null && !files.isEmpty();
        if (withFiles == (version != null)) {
            System.err.println("failed: give the candidate's files, or --version of the history (not both)");
            return 2;
        }
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        add(q, "from", from);
        add(q, "to", to);
        add(q, "limit", limit == null ? null : limit.toString());
        add(q, "version", version);
        String path = "/api/v1/domains/" + encode(domain) + "/impact" + q;
        ServerClient.Answer started = withFiles ? client.postMultipart(path, files, Map.of(), null) : client.post(path);
        if (!started.ok() || started.location() == null) {
            ServerClient.printProblem(started);
            return 1;
        }
        String job = started.location();
        Thread cancel = new Thread(() -> {
            try {
                client.delete(job);
                System.err.println("\ncancelled the impact run " + job);
            } catch (IOException | RuntimeException e) {
                System.err.println("\ncould not cancel " + job + ": " + e.getMessage());
            }
        });
        Runtime.getRuntime().addShutdownHook(cancel);
        JsonNode status = started.body();
        try {
            while ("running".equals(status.path("state").asText())) {
                progress(System.err, status);
                Thread.sleep(POLL_MILLIS);
                ServerClient.Answer answer = client.getAuthorized(job);
                if (!answer.ok()) {
                    ServerClient.printProblem(answer);
                    return 1;
                }
                status = answer.body();
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(cancel);
        }
        progress(System.err, status);
        System.err.println();
        String state = status.path("state").asText();
        if (state.equals("failed")) {
            System.err.println("failed: the impact run failed: " + status.path("problem").asText());
            return 1;
        }
        if (json) {
            System.out.println(smos.request.Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(status.path("report")));
        } else {
            print(System.out, status.path("report"), state);
        }
        return state.equals("done") ? 0 : 1;
    }

    private static void progress(PrintStream err, JsonNode s) {
        err.printf("\rimpact %s: %s, read %,d of at most %,d, decided %,d, changed %,d, refused %,d (%.1f s)   ",
                s.path("domain").asText(), s.path("state").asText(), s.path("read").asLong(), s.path("limit").asLong(),
                s.path("decided").asLong(), s.path("changed").asLong(), s.path("refused").asLong(),
                s.path("elapsedMillis").asLong() / 1000.0);
    }

    /** The report as a person reads it: the counts, then what changed and why. */
    static void print(PrintStream out, JsonNode r, String state) {
        out.printf("Impact on %s of candidate %s (serving: %s)%s%n", r.path("domain").asText(),
                r.path("candidateVersion").asText(), r.path("activeVersion").asText(),
                state.equals("cancelled") ? ": CANCELLED, counts so far" : "");
        out.printf("  window     %s to %s, first %,d%n", r.path("from").asText("(start)"), r.path("to").asText("(now)"),
                r.path("limit").asLong());
        out.printf("  decided    %,d%n  unchanged  %,d%n  changed    %,d%n  refused    %,d%n", r.path("decided").asLong(),
                r.path("unchanged").asLong(), r.path("changed").asLong(), r.path("refused").asLong());
        section(out, "Changed fields", r.path("fields"), f -> {
            StringBuilder line = new StringBuilder(String.format("%-24s %,d", f.path("field").asText(), f.path("count").asLong()));
            for (JsonNode e : f.path("examples")) {
                line.append(String.format("%n      %s: %s -> %s", e.path("decisionId").asText(), e.path("before"), e.path("after")));
            }
            return line.toString();
        });
        section(out, "Rows that fire more or less often", r.path("rules"), x -> String.format("%-40s %,d -> %,d (%+,d)  %s",
                x.path("rule").asText(), x.path("before").asLong(), x.path("after").asLong(),
                x.path("after").asLong() - x.path("before").asLong(), x.path("location").asText("")));
        section(out, "Changed cells", r.path("changedCells"), c -> c.path("file").asText() + " " + c.path("sheet").asText()
                + "!" + c.path("cell").asText() + (c.hasNonNull("row") ? " (row \"" + c.path("row").asText() + "\")" : "")
                + (c.hasNonNull("column") ? " (column \"" + c.path("column").asText() + "\")" : "") + ": "
                + c.path("before").asText("(empty)") + " -> " + c.path("after").asText("(empty)"));
        section(out, "Untested changes", r.path("untested"), u -> u.path("message").asText());
        section(out, "Spreadsheet warnings", r.path("warnings"), w -> w.path("file").asText() + " "
                + w.path("sheet").asText("") + "!" + w.path("cell").asText("") + ": " + w.path("message").asText());
        section(out, "Refused (examples)", r.path("refusals"), x -> x.path("decisionId").asText() + " by "
                + x.path("version").asText() + ": " + x.path("problem").asText());
    }

    private static void section(PrintStream out, String title, JsonNode items, java.util.function.Function<JsonNode, String> line) {
        if (items == null || items.isEmpty()) {
            return;
        }
        out.println(title + ":");
        items.forEach(item -> out.println("  " + line.apply(item)));
    }

    private static void add(StringJoiner q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.add(name + "=" + encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
