package dev.jobstream.processor.consumption;

import dev.jobstream.processor.claim.JobRunKey;
import dev.jobstream.processor.outcome.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Kafka's answer to the outcome of a record, handed from the producer to the consumer thread.
 *
 * @param partition the state of the partition the record came from, when it was read
 * @param offset the record's offset
 * @param run the attempt the outcome ends, or {@code null} when it ends none
 * @param unacknowledged the outcome's records Kafka did not acknowledge; none when the record is finished
 * @param failure why the first of those was not acknowledged, or {@code null} when all were
 */
record Completion(PartitionState partition, long offset, @Nullable JobRunKey run, Outcome unacknowledged,
        @Nullable Throwable failure) {
}
