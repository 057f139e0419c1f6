/**
 * The aggregates the projector keeps beside the read model, in the same transaction as each batch: jobs by
 * owner, type and status, and per minute what finished and how long it took. The live dashboard reads them, so
 * it never counts or sums over {@code readmodel.jobs}.
 */
@NullMarked
package dev.jobstream.projector.aggregate;

import org.jspecify.annotations.NullMarked;
