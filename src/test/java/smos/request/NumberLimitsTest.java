package smos.request;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers that are short JSON but absurd amounts are refused, naming the field, before any arithmetic. */
class NumberLimitsTest {
    record Item(BigDecimal amount, Integer count) {
    }

    record Request(Item item) {
    }

    private final RequestReader<Request> reader = new RequestReader<>(Request.class);

    private FieldError refused(String json) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> reader.read(json.getBytes()));
        assertEquals(1, e.errors().size(), e.errors()::toString);
        return e.errors().get(0);
    }

    @Test
    void tinyAndHugeExponentsAreRefused() {
        for (String amount : List.of("1e-999999999", "1e999999999", "0.0000000000000000001", "1234567890123456789")) {
            FieldError error = refused("{\"item\": {\"amount\": " + amount + ", \"count\": 1}}");
            assertEquals("item.amount", error.field(), amount);
            assertTrue(error.message().contains("18 digits"), error.message());
        }
    }

    @Test
    void ordinaryAmountsPass() {
        Request ok = reader.read("{\"item\": {\"amount\": 123456789012345678.123456789012345678, \"count\": 1}}".getBytes());
        assertEquals(0, ok.item().amount().compareTo(new BigDecimal("123456789012345678.123456789012345678")));
        assertEquals(new BigDecimal("199.990"), reader.read("{\"item\": {\"amount\": 199.990, \"count\": 1}}".getBytes())
                .item().amount());
    }

    @Test
    void aWholeNumberOutOfRangeNamesItsField() {
        FieldError error = refused("{\"item\": {\"amount\": 1, \"count\": 99999999999}}");
        assertEquals("item.count", error.field());
        assertTrue(error.message().startsWith("is out of range"), error.message());
    }

    @Test
    void aThousandDigitNumberIsRefused() {
        FieldError error = refused("{\"item\": {\"amount\": " + "9".repeat(2000) + ", \"count\": 1}}");
        assertTrue(error.message().contains("too long") || error.message().contains("18 digits"), error.message());
    }
}
