package smos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the versions a domain has served on a running server, newest first.",
                "'smos history check' verifies the history on disk, offline."},
        subcommands = HistoryCheckCommand.class)
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    ServerClient client;

    @Parameters(index = "0", paramLabel = "DOMAIN", arity = "0..1")
    String domain;

    @Override
    public Integer call() throws java.io.IOException {
        if (domain == null) {
            System.err.println("error: name a DOMAIN, or 'check' to verify the history on disk");
            return 2;
        }
        ServerClient.Answer answer = client.get("/api/v1/domains/" + domain + "/history");
        if (!answer.ok()) {
            ServerClient.printProblem(answer);
            return 1;
        }
        System.out.printf("%-14s %-28s %-12s %-12s %s%n", "VERSION", "AT", "ACTION", "BY", "FILES / MESSAGE");
        for (JsonNode entry : answer.body()) {
            if (entry.hasNonNull("damaged")) {
                System.out.printf("%-14s DAMAGED %s: %s%n", entry.path("version").asText("?"), entry.path("entry").asText(),
                        entry.path("damaged").asText());
                continue;
            }
            System.out.printf("%-14s %-28s %-12s %-12s %d files%s%s%n", entry.path("version").asText(),
                    entry.path("at").asText(), entry.path("action").asText(), entry.path("publishedBy").asText(),
                    entry.path("files").size(), entry.path("codeChanged").asBoolean() ? ", code changed" : "",
                    entry.hasNonNull("message") ? " - " + entry.path("message").asText() : "");
            for (JsonNode file : entry.path("files")) {
                System.out.printf("    %-56s %8d  %s%n", file.path("path").asText(), file.path("size").asLong(),
                        file.path("sha256").asText().substring(0, 16));
            }
            for (JsonNode change : entry.path("changes")) {
                System.out.println("    changed: " + change.asText());
            }
        }
        return 0;
    }
}
