/**
 * {@code Idempotency-Key} handling: a submission repeated with the same key gets the job of the first one
 * instead of a second job. Keys are scoped per user, kept in PostgreSQL, and forgotten after a while.
 */
@NullMarked
package dev.jobstream.gateway.idempotency;

import org.jspecify.annotations.NullMarked;
