package smos.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.testing.PublishingServer;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may see and use the scenarios page: reading it follows --protect-reads, running a file needs a session. */
class ScenariosPageAccessTest {
    @TempDir
    Path dir;

    @Test
    void withProtectedReadsTheScenariosPageSendsAnUnknownVisitorToTheSignIn() {
        try (PublishingServer server = new PublishingServer(dir, Tokens.parse(List.of("vic:viewer=vic-only-looks-0123456789")), true)) {
            PublishingServer.Reply reply = server.send(server.to("/console/domains/returns/scenarios").GET());
            assertEquals(302, reply.status(), reply::toString);
        }
    }

    @Test
    void withOpenReadsThePageIsOpenButRunningAFileNeedsASessionAndAnUnknownDomainIs404() {
        try (PublishingServer server = new PublishingServer(dir, Tokens.none())) {
            PublishingServer.Reply page = server.send(server.to("/console/domains/returns/scenarios").GET());
            assertEquals(200, page.status(), page::toString);
            assertTrue(page.body().contains("class=\"count-failed\">0<"), page.body());
            PublishingServer.Reply posted = server.send(server.to("/console/domains/returns/scenarios")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=none")));
            assertEquals(403, posted.status(), posted::toString);
            assertEquals(404, server.send(server.to("/console/domains/billing/scenarios").GET()).status());
        }
    }
}
