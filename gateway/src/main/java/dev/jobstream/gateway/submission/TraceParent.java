package dev.jobstream.gateway.submission;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the trace id from a W3C {@code traceparent} header, so that a job joins the trace of the request that
 * submitted it.
 */
final class TraceParent {

    static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private TraceParent() {
    }

    /** The trace id of a header; a new one when there is no header or it is not a valid one. */
    static String traceIdOrNew(@Nullable String header) {
        String traceId = traceIdOf(header);
        return traceId != null ? traceId : HexFormat.of().formatHex(randomTraceId());
    }

    private static byte[] randomTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return id;
    }

    /** The trace id of a header, or null when there is no header or it is not a valid one. */
    static @Nullable String traceIdOf(@Nullable String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(header.trim());
        if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE_ID)) {
            return null;
        }
        return matcher.group(1);
    }
}
