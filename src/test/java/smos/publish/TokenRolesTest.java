package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.testing.PublishingServer;
import smos.testing.PublishingServer.Reply;
import smos.testing.ReturnsChanges;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roles for tokens, against a real server: a viewer reads, an editor changes values of tables and
 * scenarios, a publisher also changes code, deletes and rolls back. The token file is read again when
 * it changes.
 */
class TokenRolesTest {
    private static final String VIEWER = "viewer-token-0123456789";
    private static final String EDITOR = "editor-token-0123456789";
    private static final String PUBLISHER = "publisher-token-0123456789";

    @TempDir
    Path dir;

    private Path tokenFile(String... lines) throws Exception {
        Path file = dir.resolve("tokens");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private Tokens threeRoles() throws Exception {
        return Tokens.watching(tokenFile("# who may do what", "vera:viewer=" + VIEWER, "eddie:editor=" + EDITOR,
                "paula:publisher=" + PUBLISHER));
    }

    @Test
    void aViewerReadsButChangesNothing() throws Exception {
        try (PublishingServer server = new PublishingServer(dir, threeRoles(), true)) {
            assertEquals(401, server.send(server.to("/api/v1/domains").GET()).status());
            assertEquals(200, server.send(PublishingServer.authorized(server.to("/api/v1/domains").GET(), VIEWER, null)).status());
            String base = server.base("returns", VIEWER);
            String before = server.sha256(ReturnsChanges.POLICY);

            Reply put = server.putFile("returns", "returns-policy.xlsx", ReturnsChanges.policyWithFee(dir, 0.2), VIEWER, base);
            assertEquals(403, put.status(), put::toString);
            assertTrue(put.isProblem(), put::toString);
            assertTrue(put.json().path("detail").asText().contains("vera has the role viewer"), put::toString);
            assertEquals(403, server.rollback("returns", base, VIEWER, base).status());
            assertEquals(403, server.deleteFile("returns", "damage.yaml", VIEWER, base).status());

            assertEquals(before, server.sha256(ReturnsChanges.POLICY));
            assertEquals(base, server.base("returns", VIEWER));
        }
    }

    @Test
    void anEditorChangesValuesButNotCode() throws Exception {
        try (PublishingServer server = new PublishingServer(dir, threeRoles())) {
            String base = server.base("returns", null);
            String before = server.sha256(ReturnsChanges.POLICY);

            // a code row of a table: the condition template of the late dead-on-arrival rule
            ReturnsChanges.CodeChange template = ReturnsChanges.policyWithCodeCell(dir, "DeadOnArrival",
                    "daysSincePurchase > $param", "daysSincePurchase >= $param");
            Reply code = server.putFile("returns", "returns-policy.xlsx", template.bytes(), EDITOR, base);
            assertEquals(403, code.status(), code::toString);
            assertTrue(code.json().path("detail").asText().contains(ReturnsChanges.POLICY + ", sheet DeadOnArrival, cell "
                    + template.cell()), code::toString);
            JsonNode problem = code.json().path("problems").get(0);
            assertEquals(ReturnsChanges.POLICY, problem.path("file").asText());
            assertEquals("DeadOnArrival", problem.path("sheet").asText());
            assertEquals(template.cell(), problem.path("cell").asText());

            // DRL is code
            Reply drl = server.putFile("returns", "extra.drl", "package smos.returns;\n".getBytes(StandardCharsets.UTF_8),
                    EDITOR, base);
            assertEquals(403, drl.status(), drl::toString);
            assertTrue(drl.json().path("detail").asText().contains("rules/returns/extra.drl"), drl::toString);

            // deleting and rolling back need a publisher
            assertEquals(403, server.deleteFile("returns", "damage.yaml", EDITOR, base).status());
            assertEquals(403, server.rollback("returns", base, EDITOR, base).status());
            assertEquals(before, server.sha256(ReturnsChanges.POLICY));
            assertTrue(Files.exists(server.home().resolve("scenarios/returns/damage.yaml")));
            assertFalse(Files.exists(server.home().resolve("rules/returns/extra.drl")));
            assertEquals(base, server.base("returns", null));

            // a value change with the expectations it changes goes live, recorded as the editor's
            Reply value = server.publishTogether("returns", Map.of("returns-policy.xlsx", ReturnsChanges.policyWithFee(dir, 0.2),
                    "change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent()), "fee 20%", EDITOR, base);
            assertEquals(200, value.status(), value::toString);
            assertEquals("eddie", value.json().path("publishedBy").asText());
            assertFalse(value.json().path("codeChanged").asBoolean(), value::toString);
            JsonNode latest = server.send(server.to("/api/v1/domains/returns/history").GET()).json().get(0);
            assertEquals("eddie", latest.path("publishedBy").asText());
            assertEquals(value.json().path("version").asText(), server.base("returns", null));
        }
    }

    @Test
    void aPublisherChangesCodeDeletesAndRollsBack() throws Exception {
        try (PublishingServer server = new PublishingServer(dir, threeRoles())) {
            String original = server.base("returns", null);
            ReturnsChanges.CodeChange imports = ReturnsChanges.policyWithCodeCell(dir, "DeadOnArrival",
                    "smos.returns.*", "smos.returns.*, java.util.List");
            Reply code = server.putFile("returns", "returns-policy.xlsx", imports.bytes(), PUBLISHER, original);
            assertEquals(200, code.status(), code::toString);
            assertTrue(code.json().path("codeChanged").asBoolean());
            assertEquals("paula", code.json().path("publishedBy").asText());
            String published = code.json().path("version").asText();

            Reply delete = server.deleteFile("returns", "damage.yaml", PUBLISHER, published);
            assertEquals(200, delete.status(), delete::toString);
            assertFalse(Files.exists(server.home().resolve("scenarios/returns/damage.yaml")));

            Reply rollback = server.rollback("returns", original, PUBLISHER, server.base("returns", null));
            assertEquals(200, rollback.status(), rollback::toString);
            assertEquals(original, server.base("returns", null));
            assertTrue(Files.exists(server.home().resolve("scenarios/returns/damage.yaml")), "the rollback restored the scenarios");
        }
    }

    @Test
    void aTokenAddedOrRevokedInTheFileTakesEffectWithoutARestart() throws Exception {
        Path file = tokenFile("paula:publisher=" + PUBLISHER);
        Tokens tokens = Tokens.watching(file);
        try (PublishingServer server = new PublishingServer(dir, tokens, true)) {
            assertEquals(401, read(server, EDITOR));

            Files.write(file, List.of("paula:publisher=" + PUBLISHER, "eddie:editor=" + EDITOR,
                    "olga:owner=" + VIEWER, "short:viewer=abc", "# a comment"), StandardCharsets.UTF_8);
            assertEquals(200, read(server, EDITOR), "an added token was not taken");
            assertEquals(401, read(server, VIEWER), "a line with an unknown role was taken");
            assertTrue(tokens.notes().stream().anyMatch(n -> n.startsWith("line 3: unknown role 'owner'")), tokens.notes()::toString);
            assertTrue(tokens.notes().stream().anyMatch(n -> n.startsWith("line 4: the token is shorter")), tokens.notes()::toString);
            assertTrue(tokens.notes().stream().noneMatch(n -> n.contains(VIEWER) || n.contains("abc")), "a note quoted a token");

            // revoked: the editor's line removed; a publish with it is refused and changes nothing
            Files.write(file, List.of("paula:publisher=" + PUBLISHER), StandardCharsets.UTF_8);
            assertEquals(401, read(server, EDITOR), "a revoked token still worked");
            String base = server.base("returns", PUBLISHER);
            Reply put = server.putFile("returns", "returns-policy.xlsx", ReturnsChanges.policyWithFee(dir, 0.2), EDITOR, base);
            assertEquals(401, put.status(), put::toString);
            assertEquals(200, read(server, PUBLISHER));

            // the file gone: no token is accepted until it is back
            Files.delete(file);
            assertEquals(401, read(server, PUBLISHER));
            Files.write(file, List.of("paula:publisher=" + PUBLISHER), StandardCharsets.UTF_8);
            assertEquals(200, read(server, PUBLISHER));
        }
    }

    @Test
    void linesWithoutARoleKeepWorkingAsPublishers() {
        Tokens tokens = Tokens.parse(List.of("rita=" + PUBLISHER, EDITOR, "vera:VIEWER=" + VIEWER));
        assertEquals(new Caller("rita", AccessRole.PUBLISHER), tokens.caller(PUBLISHER).orElseThrow());
        assertEquals(new Caller("token-2", AccessRole.PUBLISHER), tokens.caller(EDITOR).orElseThrow());
        assertEquals(new Caller("vera", AccessRole.VIEWER), tokens.caller(VIEWER).orElseThrow());
        assertEquals(2, tokens.notes().size(), tokens.notes()::toString);
        assertTrue(tokens.notes().get(0).contains("rita has no role and is taken as a publisher"), tokens.notes()::toString);
        assertFalse(tokens.toString().contains(PUBLISHER));
    }

    private static int read(PublishingServer server, String token) {
        return server.send(PublishingServer.authorized(server.to("/api/v1/rulesets").GET(), token, null)).status();
    }
}
