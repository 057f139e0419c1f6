package dev.jobstream.processor.consumption;

import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.processor.claim.JobRunKey;
import org.jspecify.annotations.Nullable;

/**
 * Kafka's answer to the final status event of a record, handed from the producer to the consumer thread.
 *
 * @param partition the state of the partition the record came from, when it was read
 * @param offset the record's offset
 * @param run the attempt the event ends, or {@code null} for a record that is not a valid job
 * @param event the event
 * @param failure why the event was not acknowledged, or {@code null} when it was
 */
record Completion(PartitionState partition, long offset, @Nullable JobRunKey run, JobStatusEvent event,
        @Nullable Throwable failure) {
}
