package smos.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.request.Json;
import smos.testing.PublishingServer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The try form of every shipped domain, over HTTP against a real server: the form as rendered (prefilled
 * with the domain's example), posted back field by field as a browser sends it, gives the decision the
 * API gives for the example itself. Nothing about any domain's answer is written here: the API is the
 * measure, so the form must carry every value of the example to its place, with its type.
 */
class TryFormRoundTripTest {
    private static final String TOKEN = "tess-tries-0123456789";
    private static final Pattern FORM = Pattern.compile("<form[^>]*class=\"try-form\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile(
            "<input([^>]*)>|<select([^>]*)>(.*?)</select>|<textarea([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option([^>]*)>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)(?:=\"([^\"]*)\")?");
    private static final Pattern DECISION = Pattern.compile("<pre class=\"decision\">(.*?)</pre>", Pattern.DOTALL);

    @TempDir
    static Path dir;
    private static PublishingServer server;
    private static HttpClient browser;
    private static List<String> domains;

    @BeforeAll
    static void start() throws Exception {
        domains = DomainRegistry.discover().stream().map(DecisionDomain::id).sorted().toList();
        server = new PublishingServer(dir, Tokens.parse(List.of("tess:viewer=" + TOKEN)), false, domains);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String signInPage = get("/console/sign-in").body();
        Map<String, String> fields = Map.of("token", TOKEN, "csrf", csrf(signInPage));
        HttpResponse<String> signedIn = post("/console/sign-in", encode(entries(fields)));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyDomainsFormPostedAsRenderedDecidesAsItsExampleDoesThroughTheApi() throws Exception {
        assertEquals(11, domains.size(), "the shipped domains: " + domains);
        // the test server is given no examples, so each domain's is its first scenario's request, as serve takes it
        Map<String, JsonNode> examples = smos.scenarios.ScenarioLoader.examples(server.home());
        for (String domain : domains) {
            JsonNode example = examples.get(domain);
            assertNotNull(example, "every shipped domain has an example: " + domain);
            PublishingServer.Reply api = server.send(server.to("/api/v1/decisions/" + domain)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(example.toString())));
            assertEquals(200, api.status(), domain + ": " + api.body());

            String page = get("/console/domains/" + domain + "/try").body();
            List<Map.Entry<String, String>> posted = formFields(page);
            assertTrue(posted.stream().anyMatch(e -> e.getKey().contains(".")),
                    domain + ": the form has fields named by JSON path: " + posted);
            HttpResponse<String> answer = post("/console/domains/" + domain + "/try", encode(posted));
            assertEquals(200, answer.statusCode(), domain + ": " + errorsOf(answer.body()));
            Matcher decision = DECISION.matcher(answer.body());
            assertTrue(decision.find(), domain + ": no decision on the page");
            assertEquals(api.json().get("decision"), Json.mapper().readTree(unescape(decision.group(1))),
                    domain + ": the form's decision differs from the API's for the example");
        }
    }

    @Test
    void aValueTheContractRefusesIsNamedBesideItsFieldAsTheApiNamesIt() throws Exception {
        String page = get("/console/domains/returns/try").body();
        List<Map.Entry<String, String>> posted = new ArrayList<>();
        for (Map.Entry<String, String> field : formFields(page)) {
            posted.add(field.getKey().equals("claim.purchasePrice") ? Map.entry(field.getKey(), "-1") : field);
        }
        HttpResponse<String> answer = post("/console/domains/returns/try", encode(posted));
        assertEquals(400, answer.statusCode());
        // the API's own answer for the same request names the same field with the same message
        JsonNode request = Json.mapper().readTree(unescape(textarea(answer.body(), "request")));
        assertEquals("-1", request.at("/claim/purchasePrice").asText(), "the JSON the form made is shown as sent");
        PublishingServer.Reply api = server.send(server.to("/api/v1/decisions/returns")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        assertEquals(400, api.status());
        JsonNode error = api.json().get("errors").get(0);
        assertEquals("claim.purchasePrice", error.get("field").asText());
        Matcher beside = Pattern.compile("<span class=\"field-error\" id=\"f-claim-purchasePrice-error\">(.*?)</span>")
                .matcher(answer.body());
        assertTrue(beside.find(), "the error sits beside its field: " + errorsOf(answer.body()));
        assertEquals(error.get("message").asText(), unescape(beside.group(1)));
        assertTrue(answer.body().contains("aria-invalid=\"true\""), "the field is marked invalid");
    }

    @Test
    void aBlankExtraItemIsLeftOutAndAFilledOneIsAdded() throws Exception {
        // performance-review: a list of quarters; the form ends the list with one blank quarter
        String page = get("/console/domains/performance-review/try").body();
        List<Map.Entry<String, String>> rendered = formFields(page);
        int items = (int) rendered.stream().filter(e -> e.getKey().matches("quarters\\[\\d+]\\.periodId")).count();
        String blank = "quarters[" + (items - 1) + "]";
        assertTrue(rendered.stream().filter(e -> e.getKey().startsWith(blank + ".")).allMatch(e -> e.getValue().isEmpty()),
                "the last quarter is the blank one: " + rendered);

        HttpResponse<String> asRendered = post("/console/domains/performance-review/try", encode(rendered));
        assertEquals(200, asRendered.statusCode(), errorsOf(asRendered.body()));
        JsonNode sent = Json.mapper().readTree(unescape(textarea(asRendered.body(), "request")));
        assertEquals(items - 1, sent.get("quarters").size(), "the blank quarter is left out");

        List<Map.Entry<String, String>> added = new ArrayList<>();
        for (Map.Entry<String, String> field : rendered) {
            String value = field.getKey().equals(blank + ".periodId") ? "2027-Q9"
                    : field.getKey().equals(blank + ".attainment") ? "0.5" : field.getValue();
            added.add(Map.entry(field.getKey(), value));
        }
        HttpResponse<String> withNew = post("/console/domains/performance-review/try", encode(added));
        assertEquals(200, withNew.statusCode(), errorsOf(withNew.body()));
        JsonNode quarters = Json.mapper().readTree(unescape(textarea(withNew.body(), "request"))).get("quarters");
        assertEquals(items, quarters.size(), "the filled-in quarter is added");
        assertEquals("2027-Q9", quarters.get(items - 1).get("periodId").asText());
        assertEquals(0, quarters.get(items - 1).get("attainment").decimalValue().compareTo(new java.math.BigDecimal("0.5")));
        // and the page draws it back with a new blank quarter after it
        assertTrue(withNew.body().contains("name=\"quarters[" + items + "].periodId\""), "a new blank item follows");
    }

    @Test
    void everyInputHasALabel() throws Exception {
        for (String domain : domains) {
            String form = form(get("/console/domains/" + domain + "/try").body());
            Matcher ids = Pattern.compile("<(?:input|select|textarea)[^>]* id=\"([^\"]+)\"").matcher(form);
            int count = 0;
            while (ids.find()) {
                count++;
                assertTrue(form.contains("<label for=\"" + ids.group(1) + "\""), domain + ": no label for " + ids.group(1));
            }
            assertTrue(count > 0, domain);
            assertFalse(Pattern.compile("<(?:input|select|textarea)(?![^>]* id=)(?![^>]*type=\"hidden\")[^>]*>")
                    .matcher(form).find(), domain + ": an input without an id");
        }
    }

    // --- a browser's part, done by hand: read the form's fields, post them as a browser would

    /** The name and value of each field the try form would send: unticked boxes are not sent. */
    static List<Map.Entry<String, String>> formFields(String page) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher tag = TAG.matcher(form(page));
        while (tag.find()) {
            if (tag.group(1) != null) {
                Map<String, String> a = attributes(tag.group(1));
                if ("checkbox".equals(a.get("type")) && !a.containsKey("checked")) {
                    continue;
                }
                fields.add(Map.entry(a.get("name"), a.getOrDefault("value", "")));
            } else if (tag.group(2) != null) {
                String selected = "";
                Matcher option = OPTION.matcher(tag.group(3));
                boolean first = true;
                while (option.find()) {
                    Map<String, String> o = attributes(option.group(1));
                    if (first || o.containsKey("selected")) { // a select with nothing chosen sends its first option
                        selected = o.get("value");
                        first = false;
                    }
                }
                fields.add(Map.entry(attributes(tag.group(2)).get("name"), selected));
            } else {
                fields.add(Map.entry(attributes(tag.group(4)).get("name"), tag.group(5)));
            }
        }
        return fields;
    }

    private static String form(String page) {
        Matcher form = FORM.matcher(page);
        assertTrue(form.find(), "no try form on the page");
        return form.group(1);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> found = new java.util.HashMap<>();
        Matcher a = ATTRIBUTE.matcher(tag);
        while (a.find()) {
            found.put(a.group(1), a.group(2) == null ? "" : unescape(a.group(2)));
        }
        return found;
    }

    private static String textarea(String page, String id) {
        Matcher m = Pattern.compile("<textarea id=\"" + id + "\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no textarea " + id);
        return m.group(1);
    }

    /** The error block of a page, for a failure message. */
    private static String errorsOf(String page) {
        Matcher m = Pattern.compile("<div class=\"error\" role=\"alert\">(.*?)</div>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group(1) : "(no errors shown)";
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "no CSRF token on the page");
        return m.group(1);
    }

    private static List<Map.Entry<String, String>> entries(Map<String, String> fields) {
        return new ArrayList<>(fields.entrySet());
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form post; the page's CSRF token goes with it when the fields do not carry one already. */
    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
