/**
 * {@code POST /api/jobs}: reads and validates a submission, publishes the job to the {@code jobs} topic and
 * answers 202 only once Kafka has acknowledged it.
 */
@NullMarked
package dev.jobstream.gateway.submission;

import org.jspecify.annotations.NullMarked;
