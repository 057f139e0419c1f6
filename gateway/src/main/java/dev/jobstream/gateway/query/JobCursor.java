package dev.jobstream.gateway.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a listing ends: the sort key of its last job. Sent to clients as opaque base64url text.
 *
 * @param createdAt the last job's creation time; the read model may not know it yet
 * @param id the last job's id
 */
record JobCursor(@Nullable Instant createdAt, UUID id) {

    private static final String UNKNOWN_TIME = "-";
    private static final String SEPARATOR = "|";

    /** The cursor that continues after a job. */
    static JobCursor after(JobView job) {
        return new JobCursor(job.createdAt(), job.id());
    }

    /**
     * Reads a cursor this gateway handed out.
     *
     * @throws IllegalArgumentException when the text is not such a cursor
     */
    static JobCursor decode(String text) {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int separator = plain.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a cursor");
        }
        String time = plain.substring(0, separator);
        UUID id = UUID.fromString(plain.substring(separator + 1));
        return new JobCursor(UNKNOWN_TIME.equals(time) ? null : Instant.parse(time), id);
    }

    String encode() {
        String time = createdAt != null ? createdAt.toString() : UNKNOWN_TIME;
        byte[] plain = (time + SEPARATOR + id).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain);
    }
}
