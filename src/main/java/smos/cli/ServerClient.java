package smos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;
import smos.request.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Talks to a running SMOS server for the commands that change rules: {@code --server}, {@code --token-file}. */
final class ServerClient {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:SMOS_SERVER:-http://localhost:8080}",
            description = "The SMOS server (default: $SMOS_SERVER or http://localhost:8080).")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", defaultValue = "${env:SMOS_PUBLISH_TOKEN_FILE}",
            description = "File holding the publish token (default: $SMOS_PUBLISH_TOKEN_FILE, else $SMOS_PUBLISH_TOKEN).")
    Path tokenFile;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: status, body as JSON, and the {@code ETag} and {@code Location} it carried (null without). */
    record Answer(int status, JsonNode body, String etag, String location) {
        Answer(int status, JsonNode body, String etag) {
            this(status, body, etag, null);
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A read; with the token when one is configured, so that it also works when the server protects reads. */
    Answer get(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        String token = token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A read that needs a token (the decision log). */
    Answer getAuthorized(String path) throws IOException {
        return send(authorized(HttpRequest.newBuilder(uri(path))).GET());
    }

    /** A read answered as text (NDJSON), streamed to {@code out}; returns the status. */
    int download(String path, java.io.OutputStream out) throws IOException {
        try {
            HttpResponse<java.io.InputStream> response = client.send(authorized(HttpRequest.newBuilder(uri(path)))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    printProblem(new Answer(response.statusCode(), Json.mapper().readTree(in.readAllBytes()), null));
                    return response.statusCode();
                }
                in.transferTo(out);
            }
            return response.statusCode();
        } catch (ConnectException e) {
            throw new IllegalArgumentException("no SMOS server at " + server + " (start one with: smos serve)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The version a change to {@code domain} replaces: {@code base} when given (--base), else the version
     * serving now, read from the ETag of the domain's history. Null, with the problem printed, when the
     * server cannot say.
     */
    String base(String domain, String base) throws IOException {
        if (base != null) {
            return base;
        }
        Answer history = get("/api/v1/domains/" + domain + "/history");
        if (!history.ok() || history.etag() == null) {
            if (history.ok()) {
                System.err.println("failed: the server does not say which version of " + domain + " serves; give it with --base");
            } else {
                printProblem(history);
            }
            return null;
        }
        return history.etag().replaceAll("^(W/)?\"|\"$", "");
    }

    Answer postJson(String path, Object body, String base) throws IOException {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("If-Match", "\"" + base + "\"")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))));
    }

    /** multipart/form-data: one part per file, plus plain fields; the change replaces version {@code base} (none: null). */
    Answer postMultipart(String path, List<Path> files, Map<String, List<String>> fields, String base) throws IOException {
        String boundary = "smos-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.write(Files.readAllBytes(file));
            write(body, "\r\n");
        }
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            for (String value : field.getValue()) {
                write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + value + "\r\n");
            }
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path)));
        if (base != null) {
            request.header("If-Match", "\"" + base + "\"");
        }
        return send(request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A POST without a body, with the token. */
    Answer post(String path) throws IOException {
        return send(authorized(HttpRequest.newBuilder(uri(path))).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A DELETE, with the token. */
    Answer delete(String path) throws IOException {
        return send(authorized(HttpRequest.newBuilder(uri(path))).DELETE());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) throws IOException {
        String token = token();
        if (token == null) {
            throw new IllegalArgumentException("no publish token: set SMOS_PUBLISH_TOKEN or use --token-file FILE");
        }
        return request.header("Authorization", "Bearer " + token);
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            for (String line : Files.readAllLines(tokenFile)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    // name:role=token, name=token or a bare token, as the server reads its token file
                    return t.contains("=") ? t.substring(t.indexOf('=') + 1).strip() : t;
                }
            }
            return null;
        }
        String env = System.getenv("SMOS_PUBLISH_TOKEN");
        return env == null || env.isBlank() ? null : env.strip();
    }

    private URI uri(String path) {
        return URI.create(server.replaceAll("/+$", "") + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? null : Json.mapper().readTree(response.body());
            return new Answer(response.statusCode(), body, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null));
        } catch (ConnectException e) {
            throw new IllegalArgumentException("no SMOS server at " + server + " (start one with: smos serve)");
        } catch (IOException e) {
            throw new IllegalArgumentException("talking to " + server + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Prints a problem+json answer as lines a person can act on. */
    static void printProblem(Answer answer) {
        JsonNode p = answer.body();
        if (p == null) {
            System.err.println("failed: HTTP " + answer.status());
            return;
        }
        System.err.println("failed (" + answer.status() + "): " + p.path("detail").asText(p.toString()));
        p.path("problems").forEach(x -> System.err.println("  " + problem(x)));
        p.path("failures").forEach(x -> System.err.println("  " + failure(x)));
        p.path("errors").forEach(x -> System.err.println("  " + x.path("field").asText() + ": " + x.path("message").asText()));
    }

    /** A rule-file problem of an answer: {@code file, sheet Outcome, cell F14: "thirty" is not a number}. */
    static String problem(JsonNode x) {
        return x.path("file").asText()
                + (x.hasNonNull("sheet") ? ", sheet " + x.path("sheet").asText() : "")
                + (x.hasNonNull("cell") ? ", cell " + x.path("cell").asText() : "")
                + (x.hasNonNull("line") ? ", line " + x.path("line").asText() : "")
                + ": " + x.path("message").asText();
    }

    /** A failing scenario of an answer: file, scenario, field, expected and actual. */
    static String failure(JsonNode x) {
        return x.path("file").asText() + " :: " + x.path("scenario").asText() + " :: " + x.path("field").asText()
                + ": expected " + x.path("expected").asText() + ", actual " + x.path("actual").asText();
    }
}
