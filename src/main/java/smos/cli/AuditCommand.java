package smos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * Reads the decision log of a running server. An HTTP client on purpose: the server holds its database,
 * and a second process opening the same file would either fail or corrupt it.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Search the decision log of a running server, show one decision, or export the matches as NDJSON.",
                "  smos audit --domain returns --from 2026-11-01 --status refused",
                "  smos audit 01a2...                (one decision: request, decision, trace)",
                "  smos audit --domain returns --export returns.ndjson"})
final class AuditCommand implements Callable<Integer> {
    @Mixin
    ServerClient client;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DECISION_ID", description = "Show this decision in full.")
    String decisionId;

    @Option(names = "--domain") String domain;
    @Option(names = "--from", description = "A date (2026-11-30) or an instant; included.") String from;
    @Option(names = "--to", description = "A date or an instant; excluded.") String to;
    @Option(names = "--version", description = "The ruleset version that decided.") String version;
    @Option(names = "--caller", description = "The token name, or anonymous.") String caller;
    @Option(names = "--status", description = "ok, refused, or an HTTP status.") String status;
    @Option(names = "--limit", defaultValue = "50", description = "Decisions per page (default: ${DEFAULT-VALUE}).") int limit;
    @Option(names = "--all", description = "Follow the pages to the end.") boolean all;
    @Option(names = "--export", paramLabel = "FILE", description = "Write every match as NDJSON to FILE (- for standard output).")
    String export;

    @Override
    public Integer call() throws IOException {
        if (decisionId != null) {
            ServerClient.Answer answer = client.getAuthorized("/api/v1/audit/decisions/" + encode(decisionId));
            if (!answer.ok()) {
                ServerClient.printProblem(answer);
                return 1;
            }
            System.out.println(smos.request.Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
            return 0;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("domain", domain);
        filters.put("from", from);
        filters.put("to", to);
        filters.put("version", version);
        filters.put("caller", caller);
        filters.put("status", status);
        if (export != null) {
            filters.put("format", "ndjson");
            String path = "/api/v1/audit/decisions" + query(filters);
            if (export.equals("-")) {
                return client.download(path, System.out) / 100 == 2 ? 0 : 1;
            }
            try (OutputStream out = Files.newOutputStream(Path.of(export))) {
                return client.download(path, out) / 100 == 2 ? 0 : 1;
            }
        }
        filters.put("limit", String.valueOf(limit));
        System.out.printf("%-36s  %-24s  %-18s  %-12s  %-12s  %s%n", "DECISION", "AT", "DOMAIN", "VERSION", "CALLER", "STATUS");
        String cursor = null;
        do {
            filters.put("before", cursor);
            ServerClient.Answer answer = client.getAuthorized("/api/v1/audit/decisions" + query(filters));
            if (!answer.ok()) {
                ServerClient.printProblem(answer);
                return 1;
            }
            for (JsonNode r : answer.body().path("records")) {
                System.out.printf("%-36s  %-24s  %-18s  %-12s  %-12s  %s%n", r.path("decisionId").asText(),
                        r.path("decidedAt").asText(), r.path("domain").asText(), r.path("rulesetVersion").asText(""),
                        r.path("caller").asText(), r.path("status").asText());
            }
            cursor = answer.body().path("next").asText("");
            if (!cursor.isEmpty() && !all) {
                System.out.println("(more: --all, or --before is the next page's cursor: " + cursor + ")");
            }
        } while (all && !cursor.isEmpty());
        return 0;
    }

    private static String query(Map<String, String> filters) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        filters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                q.add(name + "=" + encode(value));
            }
        });
        return q.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
