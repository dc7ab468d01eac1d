package smos.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The console as a browser without JavaScript uses it, over plain HTTP: forms, cookies it keeps itself
 * (so one session cookie can be shown to another server), redirects not followed (the tests check them).
 */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ConsoleClient() {
    }

    /** Signs in on {@code server} with a token; the session cookie's value. */
    static String signIn(String server, String token) {
        HttpResponse<String> page = get(server, "/console/sign-in", null);
        String formCookie = cookie(page, SignIn.SIGN_IN_COOKIE);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(server + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SIGN_IN_COOKIE + "=" + formCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form("csrf", csrf(page.body()), "token", token))));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        return cookie(signedIn, SignIn.SESSION_COOKIE);
    }

    static HttpResponse<String> get(String server, String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(3)).GET();
        if (session != null) {
            request.header("Cookie", SignIn.SESSION_COOKIE + "=" + session);
        }
        return send(request);
    }

    static HttpResponse<String> post(String server, String path, String session, String... pairs) {
        return send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form(pairs))));
    }

    /** The change page's upload form sent with these files: the answer (a redirect to the draft). */
    static HttpResponse<String> upload(String server, String domain, String session, String csrf, Map<String, byte[]> files) {
        String boundary = "b" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        files.forEach((name, bytes) -> {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(bytes);
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(server + "/console/domains/" + domain + "/change"))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }

    /** The CSRF token a page's forms carry. */
    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page:\n" + page);
        }
        return m.group(1);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: "
                + response.statusCode() + " " + response.body()));
    }

    private static String cookie(HttpResponse<String> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';'));
            }
        }
        throw new AssertionError("no cookie " + name + " in " + response.headers().allValues("Set-Cookie"));
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
