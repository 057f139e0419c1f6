package dev.jobstream.contract;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Reads and writes the instants of records and events, RFC 3339 date-times such as
 * {@code 2026-12-04T18:52:46.025123Z}. Every record carries some, and each job's events are written by the processor
 * and read by the projector, so they go through ITU, a library made for this one format, several times faster than
 * {@link Instant#parse} and {@link Instant#toString}. Text ITU refuses is given to {@link Instant#parse}, so
 * whatever that accepts is still read; what is written is exactly what {@link Instant#toString} writes.
 */
final class Instants {

    private Instants() {
    }

    /**
     * Parses a date-time with an offset.
     *
     * @throws DateTimeException when the text is not one
     */
    static Instant parse(String text) {
        try {
            return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeException notRfc3339) {
            return Instant.parse(text);
        }
    }

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: ITU writes four-digit years, Instant#toString more. */
    private static final long FIRST_FORMATTED = -62_135_596_800L;
    private static final long LAST_FORMATTED = 253_402_300_799L;

    /**
     * Writes an instant as {@link Instant#toString} does: UTC, with no fraction of a second, or with three, six or
     * nine digits of it, as few as hold it exactly.
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FORMATTED || seconds > LAST_FORMATTED) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        return ITU.formatUtc(instant.atOffset(ZoneOffset.UTC), digits);
    }

    /** Writes a JSON string with {@link #format}. */
    static final class Serializer extends ValueSerializer<Instant> {

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(format(value));
        }
    }

    /** Reads a JSON string with {@link #parse}. */
    static final class Deserializer extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString();
            try {
                return parse(text);
            } catch (DateTimeException notInstant) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant: %s",
                        notInstant.getMessage());
            }
        }
    }
}
