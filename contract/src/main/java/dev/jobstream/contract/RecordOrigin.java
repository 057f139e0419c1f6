package dev.jobstream.contract;

import java.time.Instant;

/**
 * Where a record was read from, and when it was written.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 * @param timestamp the record's timestamp
 */
public record RecordOrigin(String topic, int partition, long offset, Instant timestamp) {

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
