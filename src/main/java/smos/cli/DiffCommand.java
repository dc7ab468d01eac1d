package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import smos.diff.VersionChanges;
import smos.request.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What changed between two versions of a domain on a running server: each decision-table cell "
                + "(with the rule of its row and the label of its column), rule row, DRL line, scenario and file.",
                "Versions as 'smos history DOMAIN' lists them."})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    ServerClient client;

    @Parameters(index = "0", paramLabel = "DOMAIN")
    String domain;

    @Parameters(index = "1", paramLabel = "FROM", description = "The older version.")
    String from;

    @Parameters(index = "2", paramLabel = "TO", description = "The newer version.")
    String to;

    @Override
    public Integer call() throws java.io.IOException {
        ServerClient.Answer answer = client.get("/api/v1/domains/" + encoded(domain) + "/diff?from=" + encoded(from)
                + "&to=" + encoded(to));
        if (!answer.ok()) {
            ServerClient.printProblem(answer);
            return 1;
        }
        // read back into the service's own record, so that the lines read as the history's do
        VersionChanges changes = Json.mapper().treeToValue(answer.body(), VersionChanges.class);
        System.out.println(domain + " " + changes.from() + " -> " + changes.to() + ": "
                + (changes.isEmpty() ? "no changes" : changes.files().size() + " files changed"));
        changes.describe().forEach(line -> System.out.println("  " + line));
        return 0;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
