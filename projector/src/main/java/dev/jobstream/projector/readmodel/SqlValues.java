package dev.jobstream.projector.readmodel;

import dev.jobstream.contract.JobCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Binds and reads the column values of the read model.
 *
 * <p>PostgreSQL stores no NUL character in {@code text}, nor an escaped one in {@code jsonb}. Values
 * come from records anyone may publish, and a value the database refuses would fail its batch on every retry
 * and stall the projector; so a NUL is stored as U+FFFD, the replacement character, instead.
 */
final class SqlValues {

    private static final char REPLACEMENT = '\uFFFD';
    private static final String JSON_REPLACEMENT = Matcher.quoteReplacement("\\ufffd");
    private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private SqlValues() {
    }

    /** The text with each NUL replaced. */
    static String storableText(String value) {
        return value.replace('\0', REPLACEMENT);
    }

    /** The value as JSON text, with each escaped NUL replaced. */
    static String storableJson(Object value) {
        String json = JobCodec.mapper().writeValueAsString(value);
        return JSON_NUL.matcher(json).replaceAll("$1" + JSON_REPLACEMENT);
    }

    /** The text with each NUL replaced, or null. */
    static @Nullable String nullableText(@Nullable String value) {
        return value == null ? null : storableText(value);
    }

    /** The value as JSON text with each escaped NUL replaced, or null. */
    static @Nullable String nullableJson(@Nullable Object value) {
        return value == null ? null : storableJson(value);
    }

    /** The instant as ISO-8601 text, which PostgreSQL reads as a {@code timestamptz}, or null. */
    static @Nullable String instantText(@Nullable Instant value) {
        return value == null ? null : value.toString();
    }

    static void setInstant(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    static void setInteger(PreparedStatement statement, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static @Nullable JsonNode json(ResultSet rows, String column) throws SQLException {
        String json = rows.getString(column);
        return json != null ? JobCodec.mapper().readTree(json) : null;
    }

    static <T> @Nullable T json(ResultSet rows, String column, Class<T> type) throws SQLException {
        String json = rows.getString(column);
        return json != null ? JobCodec.mapper().readValue(json, type) : null;
    }

    static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time != null ? time.toInstant() : null;
    }
}
