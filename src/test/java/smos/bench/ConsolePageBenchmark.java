package smos.bench;

import io.javalin.Javalin;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.engine.DomainRegistry;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.TestHomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Time per console page for the domain with the largest shipped workbook (by file size): the server in
 * process (the app factory, publishing on, every domain, as {@code serve} wires it but without the decision
 * log, which no page here reads) on a copy of the home, each page requested over
 * HTTP on localhost, one after the other, after a warm-up. The time is the client's, from sending the
 * request to the last byte of the page: the server's time plus a loopback round trip (about 0.1 ms).
 *
 * <p>Prints one line per page, {@code console-page <page> median <ms> p95 <ms> max <ms> bytes <n>}, after
 * {@code console-pages domain <d> workbook <file> <bytes> requests <n>}; with a file argument, also writes
 * them there (bench/run reads that file for its table). Run: {@code java ... smos.bench.ConsolePageBenchmark [OUT] [REQUESTS]}
 */
public final class ConsolePageBenchmark {
    private static final int WARMUP = 50;

    private ConsolePageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path largest = largestWorkbook(Path.of("decision-tables"));
        String domain = largest.getParent().getFileName().toString();
        Path dir = Files.createTempDirectory("smos-console-bench");
        List<String> out = new ArrayList<>();
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        // wired as serve wires it: every domain, publishing on, the example requests read once from the scenarios
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover());
        DecisionService service = new DecisionService(registry, () -> ScenarioLoader.examples(home));
        RuleSetManager manager = new RuleSetManager(registry, new Gate(registry, service),
                new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        Javalin app = ApiServer.create(service, manager, new Metrics(), ApiSettings.defaults()).start(0);
        String url = "http://localhost:" + app.port();
        try {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("domains", "/console/domains");
            pages.put("workbook", "/console/domains/" + domain);
            pages.put("try", "/console/domains/" + domain + "/try");
            pages.put("scenarios", "/console/domains/" + domain + "/scenarios");
            pages.put("history", "/console/domains/" + domain + "/history");
            pages.put("change", "/console/domains/" + domain + "/change");
            HttpClient client = HttpClient.newHttpClient();
            out.add(String.format(Locale.ROOT, "console-pages domain %s workbook %s %d requests %d", domain, largest,
                    Files.size(largest), requests));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                URI uri = URI.create(url + page.getValue());
                int bytes = 0;
                for (int i = 0; i < WARMUP; i++) {
                    bytes = get(client, uri);
                }
                double[] millis = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long started = System.nanoTime();
                    get(client, uri);
                    millis[i] = (System.nanoTime() - started) / 1e6;
                }
                Arrays.sort(millis);
                out.add(String.format(Locale.ROOT, "console-page %-10s median %.2f p95 %.2f max %.2f bytes %d",
                        page.getKey(), millis[requests / 2], millis[(int) Math.ceil(requests * 0.95) - 1],
                        millis[requests - 1], bytes));
            }
        } finally {
            app.stop();
        }
        out.forEach(System.out::println);
        if (args.length > 0) {
            Files.write(Path.of(args[0]), out, StandardCharsets.UTF_8);
        }
        System.exit(0); // the server's and the audit's threads are done with
    }

    private static int get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + page.statusCode() + ": "
                    + new String(page.body(), StandardCharsets.UTF_8));
        }
        return page.body().length;
    }

    private static Path largestWorkbook(Path tables) {
        try (Stream<Path> files = Files.walk(tables)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).max(Comparator.comparingLong(ConsolePageBenchmark::size))
                    .orElseThrow(() -> new IllegalStateException("no workbook under " + tables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
