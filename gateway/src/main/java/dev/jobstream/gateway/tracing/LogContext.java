package dev.jobstream.gateway.tracing;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * The user and the job a request is about, as {@code userId} and {@code jobId} in the logging MDC, beside the
 * {@code traceId} and {@code spanId} that tracing puts there. {@link TraceResponseFilter} clears them when the
 * request ends.
 */
public final class LogContext {

    /** The MDC key of the job a log line is about. */
    public static final String JOB_ID = "jobId";

    /** The MDC key of the user a log line is about. */
    public static final String USER_ID = "userId";

    private LogContext() {
    }

    /** The request acts for this user. */
    public static void user(String userId) {
        MDC.put(USER_ID, userId);
    }

    /** The request is about this job. */
    public static void job(UUID jobId) {
        MDC.put(JOB_ID, jobId.toString());
    }

    static void clear() {
        MDC.remove(USER_ID);
        MDC.remove(JOB_ID);
    }
}
