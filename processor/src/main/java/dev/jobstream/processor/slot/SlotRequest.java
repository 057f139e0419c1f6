package dev.jobstream.processor.slot;

import dev.jobstream.processor.claim.JobRunKey;

/**
 * An attempt asking for one of its user's slots.
 *
 * @param userId the job's owner
 * @param run the attempt
 * @param limit how many slots the user has
 */
record SlotRequest(String userId, JobRunKey run, int limit) {
}
