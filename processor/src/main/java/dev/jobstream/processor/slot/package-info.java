/**
 * The per-user concurrency limit: at most {@code jobstream.processor.concurrency.per-user} jobs of one user run at
 * a time across all processor instances, each holding a slot leased in PostgreSQL.
 */
@NullMarked
package dev.jobstream.processor.slot;

import org.jspecify.annotations.NullMarked;
