package smos.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DecisionDomain;
import smos.engine.RuleProblem;
import smos.publish.LocalRuleStore;
import smos.publish.RuleWatcher;
import smos.store.PostgresRuleStore;
import smos.store.StoreAddress;
import smos.store.StoreFollower;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Compile every domain and serve decisions over HTTP.",
                "Saved spreadsheets go live within seconds when they compile and the domain's scenarios pass.",
                "Publishing over HTTP is on when a token is configured (SMOS_PUBLISH_TOKEN or --token-file)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Mixin
    AuditOptions audit;

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "${env:SMOS_PORT:-8080}",
            description = "HTTP port (default: $SMOS_PORT or 8080).")
    int port;

    @Option(names = "--history", paramLabel = "DIR", defaultValue = "${env:SMOS_HISTORY}",
            description = "Folder of the rule history (default: $SMOS_HISTORY or .smos/history in the home).")
    Path history;

    @Option(names = "--token-file", paramLabel = "FILE", defaultValue = "${env:SMOS_PUBLISH_TOKEN_FILE}",
            description = "File of tokens, one per line: name:role=token, role viewer, editor or publisher; "
                    + "read again when it changes (default: $SMOS_PUBLISH_TOKEN_FILE; or one publisher token in "
                    + "$SMOS_PUBLISH_TOKEN).")
    Path tokenFile;

    @Option(names = "--protect-reads", defaultValue = "${env:SMOS_PROTECT_READS:-false}",
            description = "Require the token on decision and read endpoints too (default: off; /health stays open).")
    boolean protectReads;

    @Option(names = "--gate-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest time the gate (compile, checks, scenarios) may take for a published version; "
                    + "past it the version is refused and its evaluation stopped (default: ${DEFAULT-VALUE}).")
    double gateTimeoutSeconds;

    @Option(names = "--watch", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Watch rules/, decision-tables/ and scenarios/ and reload changed domains (default: on; --no-watch turns it off).")
    boolean watch;

    @Option(names = "--reload-delay", paramLabel = "MILLIS", defaultValue = "300",
            description = "Quiet time after the last file event before a domain is rebuilt (default: ${DEFAULT-VALUE}).")
    long reloadDelay;

    @Option(names = "--max-body-bytes", defaultValue = "" + ApiSettings.DEFAULT_MAX_BODY_BYTES,
            description = "Largest single decision request accepted (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--max-publish-bytes", defaultValue = "" + ApiSettings.DEFAULT_MAX_PUBLISH_BYTES,
            description = "Largest publish accepted (default: ${DEFAULT-VALUE}).")
    long maxPublishBytes;

    @Option(names = "--batch-max-items", defaultValue = "" + ApiSettings.DEFAULT_BATCH_MAX_ITEMS,
            description = "Most items in one batch (default: ${DEFAULT-VALUE}).")
    long batchMaxItems;

    @Option(names = "--batch-max-bytes", defaultValue = "" + ApiSettings.DEFAULT_BATCH_MAX_BYTES,
            description = "Largest batch body (default: ${DEFAULT-VALUE}).")
    long batchMaxBytes;

    @Option(names = "--threads", defaultValue = "0",
            description = "Request threads (default: Jetty's pool). Fewer threads than connections queue requests "
                    + "instead of time-slicing them: on few cores this keeps the tail latency down.")
    int threads;

    @picocli.CommandLine.Mixin
    ClientLimitOptions clients;

    /**
     * 10 s: the longest request SMOS normally serves (a batch of tens of thousands of items) finishes well
     * within it, a load balancer has noticed the closed port by then, and it leaves room inside the 30 s
     * an orchestrator commonly waits after SIGTERM before it sends SIGKILL.
     */
    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "On SIGTERM: stop taking connections, let requests in flight finish for at most this long, "
                    + "then exit 0 (default: ${DEFAULT-VALUE}).")
    double shutdownGraceSeconds;

    /**
     * 1 s: enough for every busy client to get one answer that closes its connection (so none is left
     * idle in its pool for the stop to close under it), short enough not to slow a rolling restart. Behind
     * a load balancer that polls /health/ready, set it to the balancer's interval.
     */
    @Option(names = "--shutdown-drain", paramLabel = "SECONDS", defaultValue = "1",
            description = "On SIGTERM, before the port closes: answer for this long with \"Connection: close\" and "
                    + "report not ready, so that clients move to another replica (default: ${DEFAULT-VALUE}).")
    double shutdownDrainSeconds;

    @Option(names = "--echo-endpoint", hidden = true,
            description = "Serve POST /api/v1/echo, which answers its body: the bare baseline of the HTTP benchmark.")
    boolean echoEndpoint;

    @Override
    public Integer call() throws InterruptedException, IOException {
        StoreAddress storeAddress = store.configured() ? store.address() : null;
        SharedStore shared = storeAddress != null ? SharedStore.open(storeAddress) : null;
        Path dir = shared != null ? home.home.toAbsolutePath().normalize() : home.resolve();
        Path historyDir = LocalRuleStore.historyDir(dir, history);
        Tokens tokens = tokens();
        Services.Running running = shared != null ? Services.start(dir, shared.store()) : Services.start(dir, historyDir);
        if (shared != null) {
            shared.follow(running.manager());
        }
        running.manager().gateTimeout(Duration.ofMillis(Math.round(gateTimeoutSeconds * 1000)));
        for (RuleProblem problem : running.service().problems()) {
            System.err.println("problem: " + problem);
        }
        warmUp(running);
        AuditOptions.Opened auditLog = audit.open(dir, running, storeAddress);
        ApiSettings settings = ApiSettings.defaults().withBodyLimits(maxBodyBytes, maxPublishBytes)
                .withBatchLimits(batchMaxItems, batchMaxBytes).withTokens(tokens).withProtectReads(protectReads)
                .withEchoEndpoint(echoEndpoint).withThreads(threads).withClients(clients.limits());
        Javalin app = ApiServer.create(running.service(), running.manager(), running.metrics(), auditLog.services(),
                settings);
        Duration grace = Duration.ofMillis(Math.round(shutdownGraceSeconds * 1000));
        // Jetty's graceful stop: with a stop timeout, stopping first closes the port (new connections are
        // refused), answers what is in flight with "Connection: close" and waits up to the timeout for every
        // connection to end; idle kept-alive ones close within a second. No GracefulHandler: it answers 503
        // to a request that arrives on a kept-alive connection meanwhile, which Jetty would otherwise serve.
        app.jettyServer().server().setStopTimeout(grace.toMillis());
        boolean watching = watch && shared == null; // with a shared store, rules change by publishing only
        // watching before the port opens: a file saved as soon as the server answers is an edit it must see
        RuleWatcher watcher = watching ? new RuleWatcher(dir, domainIds(running), Duration.ofMillis(reloadDelay),
                running.manager()::reloadFromDisk) : null;
        app.start(port);
        System.out.println("SMOS serves " + running.service().health().domains().keySet() + " on http://localhost:"
                + app.port() + " (" + running.service().health().status() + ")"
                + (shared != null ? "; rules and history in the store " + shared.store().describe()
                        : "; rules from " + dir + (watching ? ", reloaded on change" : "") + "; history in " + historyDir)
                + "; publishing " + (tokens.enabled() ? "on" : "off (no token configured)") + "; "
                + auditLog.description());
        awaitStopSignal();
        System.out.println("SMOS stops: draining for " + shutdownDrainSeconds + " s (answers close their connections)");
        settings.stopping().drain();
        Thread.sleep(Math.max(0, Math.round(shutdownDrainSeconds * 1000))); // 0 or less: no drain
        System.out.println("SMOS stops: no new connections; finishing the requests in flight (at most "
                + shutdownGraceSeconds + " s)");
        if (watcher != null) {
            watcher.close();
        }
        app.stop();
        if (shared != null) {
            shared.close();
        }
        auditLog.closeQuietly(); // the group commit writes what is queued before it closes
        System.out.println("SMOS stopped");
        return 0;
    }

    /** The shared rule store of {@code --store}, and what keeps this replica current with it. */
    private static final class SharedStore {
        /** How often the active versions are read besides the notifications: catches what a dropped connection missed. */
        private static final Duration POLL = Duration.ofSeconds(2);
        private final PostgresRuleStore store;
        private StoreFollower follower;

        private SharedStore(PostgresRuleStore store) {
            this.store = store;
        }

        /** Opens the store; an empty one is refused: a replica never seeds the store by itself. */
        static SharedStore open(StoreAddress address) {
            PostgresRuleStore store = PostgresRuleStore.open(address);
            if (store.empty()) {
                store.close();
                throw new IllegalStateException("the rule store " + address.describe() + " has no rules yet; seed it "
                        + "once with: smos store import DIR --store " + address.describe());
            }
            return new SharedStore(store);
        }

        PostgresRuleStore store() {
            return store;
        }

        void follow(smos.publish.RuleSetManager manager) {
            follower = new StoreFollower(store, POLL, manager::follow);
        }

        void close() {
            if (follower != null) {
                follower.close();
            }
            store.close();
        }
    }

    /**
     * Waits for SIGTERM or SIGINT. The JVM's own answer to them (shutdown hooks, then exit status 143)
     * reads as a crash to an orchestrator; handling the signal lets {@link #call} stop gracefully and
     * return 0. {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to handle a signal.
     */
    private static void awaitStopSignal() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : List.of("TERM", "INT")) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.countDown());
        }
        stop.await();
    }

    /**
     * Decides each domain's example request a few times before the port opens, so that the first real
     * request does not pay for loading and compiling the decision path (about 200 ms otherwise).
     */
    private static void warmUp(Services.Running running) {
        for (var domain : running.service().domains()) {
            if (domain.exampleRequest() == null || domain.version() == null) {
                continue;
            }
            byte[] example = domain.exampleRequest().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < WARM_UP_DECISIONS; i++) {
                try {
                    running.service().decide(domain.id(), example);
                } catch (RuntimeException e) {
                    break; // a broken example is the scenarios' business, not the server's
                }
            }
        }
    }

    private static final int WARM_UP_DECISIONS = 20;

    private static List<String> domainIds(Services.Running running) {
        return running.registry().domains().stream().map(DecisionDomain::id).toList();
    }

    /** Tokens from the token file (read again when it changes), else from $SMOS_PUBLISH_TOKEN; never a default. */
    private Tokens tokens() throws IOException {
        if (tokenFile != null) {
            return Tokens.watching(tokenFile);
        }
        String token = System.getenv("SMOS_PUBLISH_TOKEN");
        if (token == null || token.isBlank()) {
            return Tokens.none();
        }
        System.err.println("note: SMOS_PUBLISH_TOKEN is the token of 'token' with the role publisher; "
                + "a token file (--token-file, lines name:role=token) gives each holder a name and a role");
        return Tokens.of(Map.of("token", token.strip()));
    }
}
