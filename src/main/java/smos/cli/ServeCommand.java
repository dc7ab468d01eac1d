package smos.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.engine.RuleProblem;
import smos.service.DecisionService;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Compile every domain and serve decisions over HTTP.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--port", defaultValue = "${env:SMOS_PORT:-8080}",
            description = "HTTP port (default: $SMOS_PORT or 8080).")
    int port;

    @Option(names = "--max-body-bytes", defaultValue = "" + ApiSettings.DEFAULT_MAX_BODY_BYTES,
            description = "Largest single decision request accepted (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Override
    public Integer call() throws InterruptedException {
        DecisionService service = Services.load(home.resolve());
        for (RuleProblem problem : service.problems()) {
            System.err.println("problem: " + problem);
        }
        Javalin app = ApiServer.create(service, new ApiSettings(maxBodyBytes)).start(port);
        System.out.println("SMOS serves " + service.health().domains().keySet() + " on http://localhost:" + app.port()
                + " (" + service.health().status() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
