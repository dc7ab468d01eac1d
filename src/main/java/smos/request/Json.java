package smos.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The one JSON configuration of the service. Reading is strict: no coercion between types, no
 * unknown or duplicate fields, dates only as ISO text, shallow nesting. Writing keeps every field
 * (null included), money as plain decimals and dates as ISO text.
 */
public final class Json {
    /** Requests nest a few levels; anything deeper is refused before it costs memory. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(strictTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        // text fields take only JSON strings; numbers and booleans take only their own tokens
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean,
                LogicalType.Integer, LogicalType.Float, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    private static SimpleModule strictTimeModule() {
        SimpleModule module = new SimpleModule("strict-values");
        module.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        module.addDeserializer(LocalDate.class, new IsoDateDeserializer());
        module.addDeserializer(OffsetDateTime.class, new StrictTextDeserializer<>(OffsetDateTime.class,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT), OffsetDateTime::from,
                "not a valid instant (ISO-8601 with offset, such as 2026-11-27T09:30:00Z)"));
        return module;
    }

    /**
     * Amounts and ratios of sales policy need neither huge nor microscopic numbers; {@code 1e-999999999}
     * is short JSON but would make arithmetic on it explode. At most {@value #MAX_DIGITS} digits before
     * and after the decimal point are accepted.
     */
    public static final int MAX_DIGITS = 18;

    private static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            BigDecimal value = p.getDecimalValue();
            BigDecimal plain = value.stripTrailingZeros();
            if (plain.scale() > MAX_DIGITS || plain.precision() - plain.scale() > MAX_DIGITS) {
                throw ctxt.weirdNumberException(value, BigDecimal.class,
                        "at most " + MAX_DIGITS + " digits before and after the decimal point");
            }
            return value;
        }
    }

    /**
     * {@code yyyy-MM-dd} and nothing else, read without a formatter: dates are the most frequent field
     * of a request, and a formatter costs more than the rest of the field's parsing.
     */
    private static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {
        private static final String PROBLEM = "not a valid date (yyyy-MM-dd)";

        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                throw ctxt.weirdStringException(text, LocalDate.class, PROBLEM);
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year < 0 || month < 0 || day < 0) {
                throw ctxt.weirdStringException(text, LocalDate.class, PROBLEM);
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (java.time.DateTimeException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, PROBLEM);
            }
        }

        /** The number written by the digits in [from, to), or -1 when any of them is not a digit. */
        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }

    /** Instants accept only ISO text with an offset: no epoch numbers, no arrays, no lenient calendars. */
    private static final class StrictTextDeserializer<T> extends StdScalarDeserializer<T> {
        private final transient DateTimeFormatter format;
        private final transient java.time.temporal.TemporalQuery<T> query;
        private final String problem;

        StrictTextDeserializer(Class<T> type, DateTimeFormatter format, java.time.temporal.TemporalQuery<T> query,
                String problem) {
            super(type);
            this.format = format;
            this.query = query;
            this.problem = problem;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(handledType(), p);
                return unexpected;
            }
            String text = p.getText();
            try {
                return format.parse(text, query);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, handledType(), problem);
            }
        }
    }
}
