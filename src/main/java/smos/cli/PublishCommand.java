package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish rule files to a running server as one new version: tables (.xlsx), DRL (.drl) "
                + "and the scenario files (.yaml) they change, together.",
                "The server compiles and runs the domain's scenarios first; on any problem nothing changes."})
final class PublishCommand implements Callable<Integer> {
    @Mixin
    ServerClient client;

    @Parameters(index = "0", paramLabel = "DOMAIN")
    String domain;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "Files to publish.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--delete", paramLabel = "NAME", description = "A file of the domain to delete (repeatable).")
    List<String> deletes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Why: kept in the history.")
    String message;

    @Option(names = "--base", paramLabel = "VERSION",
            description = "The version this change replaces (default: the version serving now). If another "
                    + "version serves by the time the change arrives, nothing changes and the server says which.")
    String base;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("delete", deletes);
        if (message != null) {
            fields.put("message", List.of(message));
        }
        String replaces = client.base(domain, base);
        if (replaces == null) {
            return 1;
        }
        ServerClient.Answer answer = client.postMultipart("/api/v1/domains/" + domain + "/publish", files, fields, replaces);
        if (!answer.ok()) {
            ServerClient.printProblem(answer);
            return 1;
        }
        System.out.println("published " + domain + " version " + answer.body().path("version").asText()
                + " (was " + answer.body().path("previousVersion").asText() + ")"
                + (answer.body().path("codeChanged").asBoolean() ? "; code rows changed" : ""));
        return 0;
    }
}
