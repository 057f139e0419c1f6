package dev.jobstream.contract;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the instants of records and events, RFC 3339 date-times such as {@code 2026-12-04T18:52:46.025123Z}.
 * Every record carries some and the projector reads several per event, so they are parsed by ITU, a parser made
 * for this one format, about ten times faster than {@link Instant#parse}; text it refuses is given to
 * {@link Instant#parse}, so whatever that accepts is still read.
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
