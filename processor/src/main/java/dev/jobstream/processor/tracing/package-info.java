/**
 * Tracing and log correlation of jobs: each record read runs in a span of its job's trace, joined from the W3C
 * {@code traceparent} the record carries or, for a record without one, in a trace of the job's own; the records
 * the processor publishes carry that trace on; log lines name the trace, the span, the job and its user.
 */
@NullMarked
package dev.jobstream.processor.tracing;

import org.jspecify.annotations.NullMarked;
