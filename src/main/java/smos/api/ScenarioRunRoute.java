package smos.api;

import io.javalin.http.Context;
import smos.failure.UnsupportedMediaTypeException;
import smos.scenarios.DomainScenarios;
import smos.scenarios.ScenarioReport;
import smos.scenarios.ScenariosFailedException;
import smos.service.DecisionService;

import java.util.Set;

/**
 * {@code POST /api/v1/domains/{domain}/scenarios/run}: with no body, the scenario files of the version
 * the domain serves; with a YAML body, that scenario file against the same version. All passed: 200
 * and the counts; any failed: a 422 problem listing each failure with its file and line.
 */
final class ScenarioRunRoute {
    static final String PATH = "/api/v1/domains/{domain}/scenarios/run";
    /** The media types YAML is sent with: none is registered for good, so clients use any of these. */
    static final Set<String> YAML = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

    private final DomainScenarios scenarios;
    private final BodyReader bodies;

    ScenarioRunRoute(DecisionService service, ApiSettings settings) {
        this.scenarios = new DomainScenarios(service);
        this.bodies = new BodyReader(settings.maxBodyBytes(), "a scenario file");
    }

    void handle(Context ctx) {
        String domain = ctx.pathParam("domain");
        String contentType = ctx.header("Content-Type");
        byte[] body = bodies.bytes(ctx);
        ScenarioReport report;
        if (body.length == 0) {
            report = scenarios.runFiles(domain);
        } else if (YAML.contains(BodyReader.mediaType(contentType))) {
            report = scenarios.runPosted(domain, body);
        } else {
            throw new UnsupportedMediaTypeException("post a scenario file with Content-Type: application/yaml, or no"
                    + " body to run the domain's scenario files" + (contentType == null ? "" : " (got " + contentType + ")"));
        }
        if (report.failed() > 0) {
            throw new ScenariosFailedException(report);
        }
        ApiServer.writeJson(ctx, 200, report);
    }
}
