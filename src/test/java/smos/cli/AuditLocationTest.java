package smos.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import smos.audit.AuditRecord;
import smos.audit.JdbcAuditLog;
import smos.common.RequestIds;
import smos.store.PostgresRuleStore;
import smos.store.StoreAddress;
import smos.testing.PostgresCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@code serve} records decisions: with {@code --store} on PostgreSQL and no {@code --audit}, in the
 * store's own database (both schemas side by side, whichever came first); else the home's H2 file; and an
 * audit URL that carries a password is refused, as the store's is.
 */
class AuditLocationTest {

    private static AuditOptions options(String... args) {
        AuditOptions options = new AuditOptions();
        new CommandLine(new Holder(options)).parseArgs(args);
        return options;
    }

    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        AuditOptions audit;

        Holder(AuditOptions audit) {
            this.audit = audit;
        }
    }

    private static AuditRecord decision() {
        return new AuditRecord(RequestIds.next(), Instant.now(), "returns", "v1", "crm", 200, 1L, "{}", "{}", "[]",
                null, null, null);
    }

    @Test
    void withASharedStoreTheLogGoesToTheStoresDatabaseByDefault(@TempDir Path home) throws Exception {
        String url = PostgresCluster.shared().createDatabase("audit_in_store");
        StoreAddress store = new StoreAddress(url, PostgresCluster.USER, null);
        try (PostgresRuleStore rules = PostgresRuleStore.open(store)) {
            AuditOptions.OpenedLog opened = options().openLog(home, store);
            try (JdbcAuditLog log = opened.log()) {
                assertTrue(opened.where().contains("store's database"), opened.where());
                AuditRecord record = decision();
                log.append(record).get(10, TimeUnit.SECONDS);
                assertEquals(record.decisionId(), log.find(record.decisionId()).orElseThrow().decisionId());
            }
            assertTrue(rules.active("returns").isEmpty(), "the store still reads its own tables");
        }
        try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, null);
             ResultSet rows = c.createStatement().executeQuery("SELECT count(*) FROM audit_decision")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "the record is in the store's database");
        }
        assertFalse(Files.exists(home.resolve(".smos/audit")), "no H2 log beside it");
    }

    @Test
    void aLogFirstThenAStoreShareADatabaseToo() throws Exception {
        String url = PostgresCluster.shared().createDatabase("store_after_audit");
        try (JdbcAuditLog log = JdbcAuditLog.open(url, PostgresCluster.USER, null);
             PostgresRuleStore rules = PostgresRuleStore.open(new StoreAddress(url, PostgresCluster.USER, null))) {
            AuditRecord record = decision();
            log.append(record).get(10, TimeUnit.SECONDS);
            assertTrue(log.find(record.decisionId()).isPresent());
            assertTrue(rules.active("returns").isEmpty());
        }
    }

    @Test
    void withoutAStoreTheLogIsTheHomesH2File(@TempDir Path home) throws Exception {
        AuditOptions.OpenedLog opened = options().openLog(home, null);
        try (JdbcAuditLog log = opened.log()) {
            log.append(decision()).get(10, TimeUnit.SECONDS);
        }
        assertTrue(Files.isDirectory(home.resolve(".smos/audit")), opened.where());
    }

    @Test
    void anAuditUrlCarryingAPasswordIsRefusedWithoutEchoingIt(@TempDir Path home) {
        for (String url : new String[] {"jdbc:postgresql://db/smos?user=smos&password=secret-1",
                "jdbc:h2:file:/tmp/x;USER=smos;PASSWORD=secret-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> options("--audit", url).openLog(home, null));
            assertTrue(e.getMessage().contains("--audit-password-file"), e.getMessage());
            assertFalse(e.getMessage().contains("secret-1"), e.getMessage());
        }
    }
}
