package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import smos.request.InvalidRequestException;
import smos.request.Json;
import smos.service.DecisionService;
import smos.service.DomainUnavailableException;
import smos.service.UnknownDomainException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Decide one request read from a file or standard input; prints the response as JSON.")
final class DecideCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain, such as returns.")
    String domain;

    @Parameters(index = "1", paramLabel = "FILE", defaultValue = "-",
            description = "The request as JSON; - or absent reads standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
        byte[] body = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        DecisionService service = Services.load(home.resolve());
        try {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(service.decide(domain, body)));
            return 0;
        } catch (InvalidRequestException e) {
            e.errors().forEach(err -> System.err.println("invalid request: " + err.field() + ": " + err.message()));
        } catch (UnknownDomainException e) {
            System.err.println(e.getMessage());
        } catch (DomainUnavailableException e) {
            System.err.println(e.getMessage());
            e.problems().forEach(p -> System.err.println("  " + p));
        }
        return 1;
    }
}
