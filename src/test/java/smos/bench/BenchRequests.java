package smos.bench;

import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.request.Json;
import smos.request.RequestReader;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The realistic request mix of a domain: every scenario request of its files, as JSON bytes and as typed requests. */
public final class BenchRequests {
    private BenchRequests() {
    }

    public static Path home() {
        return Path.of(System.getProperty("smos.home", ".")).toAbsolutePath().normalize();
    }

    public static DecisionDomain<?, ?> domain(String id) {
        return DomainRegistry.discover().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no domain " + id));
    }

    public static List<byte[]> json(String domain) {
        List<byte[]> requests = new ArrayList<>();
        Path dir = home().resolve(ScenarioLoader.SCENARIOS_DIR).resolve(domain);
        for (Path path : ScenarioLoader.find(List.of(dir))) {
            ScenarioFile file = ScenarioLoader.load(path, path.toString());
            for (Scenario scenario : file.scenarios()) {
                if (scenario.refused()) {
                    continue; // bad input: refused before any rule runs, not part of the decision mix
                }
                try {
                    requests.add(Json.mapper().writeValueAsBytes(scenario.given()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (requests.isEmpty()) {
            throw new IllegalStateException("no scenario requests for " + domain + " under " + dir);
        }
        return requests;
    }

    /** The same requests, parsed and validated: the ready-made input of the raw limits. */
    public static <Q> List<Q> typed(DecisionDomain<Q, ?> domain) {
        RequestReader<Q> reader = new RequestReader<>(domain.requestType());
        List<Q> typed = new ArrayList<>();
        for (byte[] bytes : json(domain.id())) {
            typed.add(reader.read(bytes));
        }
        return typed;
    }
}
