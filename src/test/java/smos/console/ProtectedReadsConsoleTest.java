package smos.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.testing.PublishingServer;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With --protect-reads the console's pages ask for a sign-in; the sign-in page and the style sheet stay open. */
class ProtectedReadsConsoleTest {
    @TempDir
    static Path dir;
    private static PublishingServer server;

    @BeforeAll
    static void start() {
        server = new PublishingServer(dir, Tokens.parse(List.of("vic:viewer=vic-only-looks-0123456789")), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readingPagesSendAnUnknownVisitorToTheSignIn() {
        for (String page : List.of("/console/domains", "/console/domains/returns", "/console/domains/returns/try")) {
            PublishingServer.Reply reply = server.send(server.to(page).GET());
            assertEquals(302, reply.status(), page + ": " + reply);
        }
    }

    @Test
    void theSignInPageAndTheStyleSheetAreOpen() {
        PublishingServer.Reply signIn = server.send(server.to("/console/sign-in").GET());
        assertEquals(200, signIn.status());
        assertTrue(signIn.contentType().startsWith("text/html"), signIn.contentType());
        assertEquals(200, server.send(server.to("/console/assets/console.css").GET()).status());
        // the API itself still wants its bearer token
        assertEquals(401, server.send(server.to("/api/v1/domains").GET()).status());
    }
}
