/**
 * Tracing and log correlation of requests: every request runs in a trace, joined from its W3C {@code traceparent}
 * header when it has one, whose id is answered in {@code X-Trace-Id}; the log lines of a request name its trace,
 * span, user and, where a request is about one job, that job.
 */
@NullMarked
package dev.jobstream.gateway.tracing;

import org.jspecify.annotations.NullMarked;
