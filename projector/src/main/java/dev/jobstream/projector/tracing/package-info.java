/**
 * Tracing and log correlation of the records the projector reads: each runs in a span of its job's trace, joined
 * from the W3C {@code traceparent} the record carries, and its log lines name the trace, the span, the job and its
 * user.
 */
@NullMarked
package dev.jobstream.projector.tracing;

import org.jspecify.annotations.NullMarked;
