package smos.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.contract.OpenApiDocument;
import smos.contract.SchemaNames;
import smos.engine.DecisionDomain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The contract where integrators read it: {@code GET /openapi.json} (built once, at start-up, from the
 * registered domains), the API docs page at {@code /docs} (Swagger UI from its webjar, served from the
 * classpath: nothing comes from the internet) and a small index at {@code /}. All of it stays open when
 * reads are protected: it holds no data, only the contract.
 */
public final class ContractRoutes {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String OWN = "smos/api/docs/";
    /** The files of the page: Swagger UI's, and our own start script; nothing else is served from the jar. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png",
            "smos-docs.js", "text/javascript; charset=utf-8");

    private final byte[] document;
    private final String swaggerUiVersion;

    ContractRoutes(Collection<? extends DecisionDomain<?, ?>> domains) {
        this.document = document(domains).getBytes(StandardCharsets.UTF_8);
        this.swaggerUiVersion = webjarVersion();
    }

    /** The document as {@code GET /openapi.json} serves it and {@code smos openapi} writes it. */
    public static String document(Collection<? extends DecisionDomain<?, ?>> domains) {
        return OpenApiDocument.of(List.copyOf(domains), Problem.class).json();
    }

    /** Paths that need no token when reads are protected. */
    static boolean open(String path) {
        return path.equals("/") || path.equals(SchemaNames.DOCUMENT_PATH) || path.equals("/docs")
                || path.startsWith("/docs/");
    }

    void install(RoutesConfig routes) {
        routes.get(SchemaNames.DOCUMENT_PATH, ctx -> ctx.status(200).contentType("application/json").result(document));
        routes.get("/docs", ctx -> asset(ctx, OWN + "index.html", "text/html; charset=utf-8"));
        routes.get("/docs/{asset}", ctx -> {
            String name = ctx.pathParam("asset");
            String type = ASSETS.get(name);
            if (type == null) {
                throw new smos.failure.NotFoundException("no file " + name + " under /docs");
            }
            asset(ctx, name.startsWith("smos-") ? OWN + name : WEBJAR + swaggerUiVersion + "/" + name, type);
        });
        routes.get("/", ctx -> {
            // a browser (it asks for HTML) is taken to the web console; API clients get the links as JSON
            String accept = ctx.header("Accept");
            if (accept != null && accept.contains("text/html")) {
                ctx.redirect(smos.console.Console.ROOT);
                return;
            }
            ApiServer.writeJson(ctx, 200, new Index("SMOS decision service",
                    new Links("/docs", SchemaNames.DOCUMENT_PATH, "/api/v1/domains", "/health")));
        });
    }

    /** {@code GET /}: where to go from here (the document's {@code Index} schema). */
    record Index(String service, Links links) {
    }

    record Links(String docs, String openapi, String domains, String health) {
    }

    private static void asset(Context ctx, String resource, String contentType) throws IOException {
        try (InputStream in = ContractRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + resource);
            }
            ctx.status(200).contentType(contentType).header("Cache-Control", "public, max-age=3600")
                    .result(in.readAllBytes());
        }
    }

    /** The Swagger UI version on the classpath, from its webjar's Maven properties. */
    private static String webjarVersion() {
        try (InputStream in = ContractRoutes.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
