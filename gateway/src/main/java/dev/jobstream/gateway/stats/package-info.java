/**
 * {@code GET /api/metrics}: how a user's jobs, or for the administrator everyone's, are doing. Read from the
 * aggregates the projector keeps next to the read model, {@code readmodel.job_counts} and
 * {@code readmodel.job_minutes}, so a request costs the same however many jobs there are.
 */
@NullMarked
package dev.jobstream.gateway.stats;

import org.jspecify.annotations.NullMarked;
