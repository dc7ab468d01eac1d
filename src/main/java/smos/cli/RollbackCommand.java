package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the exact files of an earlier version on a running server (checked like a publish).")
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    ServerClient client;

    @Parameters(index = "0", paramLabel = "DOMAIN")
    String domain;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Option(names = "--base", paramLabel = "VERSION",
            description = "The version the rollback replaces (default: the version serving now).")
    String base;

    @Override
    public Integer call() throws Exception {
        String replaces = client.base(domain, base);
        if (replaces == null) {
            return 1;
        }
        ServerClient.Answer answer = client.postJson("/api/v1/domains/" + domain + "/rollback", Map.of("version", version),
                replaces);
        if (!answer.ok()) {
            ServerClient.printProblem(answer);
            return 1;
        }
        System.out.println("rolled " + domain + " back to version " + answer.body().path("version").asText()
                + " (was " + answer.body().path("previousVersion").asText() + ")");
        return 0;
    }
}
