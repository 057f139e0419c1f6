package dev.jobstream.gateway.submission;

import dev.jobstream.gateway.query.JobView;

/**
 * The answer to a submission.
 *
 * @param job the accepted job
 * @param replayed whether the job was accepted earlier under the same idempotency key
 */
record Acceptance(JobView job, boolean replayed) {
}
