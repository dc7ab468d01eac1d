package smos.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's address: a PostgreSQL URL that never carries the password, and is named without its parameters. */
class StoreAddressTest {

    @Test
    void aPasswordInTheUrlIsRefusedAndNamesWhereItBelongs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StoreAddress("jdbc:postgresql://db/smos?user=smos&password=secret", null, null));
        assertTrue(e.getMessage().contains("--store-password-file"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void onlyPostgresqlUrlsAreStores() {
        assertThrows(IllegalArgumentException.class, () -> new StoreAddress("jdbc:h2:file:/tmp/x", null, null));
    }

    @Test
    void messagesNameTheUrlWithoutItsParametersAndNeverThePassword() {
        StoreAddress address = new StoreAddress("jdbc:postgresql://db:5432/smos?sslmode=require", "smos", "s3cret-pw");
        assertEquals("jdbc:postgresql://db:5432/smos", address.describe());
        assertFalse(address.toString().contains("s3cret-pw"));
    }
}
