package dev.jobstream.processor.retry;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The retry topics, one per delay tier: {@code base}, {@code 2 × base}, {@code 4 × base} … up to the cap, named
 * {@code jobs-retry-<tier>} with the tier in whole seconds ({@code jobs-retry-4s}) or else in milliseconds
 * ({@code jobs-retry-200ms}). A job that waits for its next attempt is parked, keyed by its id, in the topic of the
 * largest tier not longer than its wait, or of the shortest tier when its wait is shorter than that; the
 * {@link RetryForwarder} puts it back on the jobs topic once its {@code not_before} has passed.
 *
 * <p>Why tiers: the forwarder looks only at the head of each partition and pauses the partition until the head is
 * due, so records behind a head wait for it. A tier holds waits from its length to just under twice it, so a
 * record parked after another one is never due more than one tier length before it, and one topic per tier keeps
 * that holdup small without reading records out of order.
 *
 * <p>Limitation: when jobs with different waits share a tier partition, a job may start up to one tier length after
 * its {@code not_before}, because it waits behind an earlier job of the same tier that is due later; with one job
 * per partition, as under light load, it starts as soon as it is due.
 */
public final class RetryTopics {

    private final List<Duration> tiers = new ArrayList<>();
    private final JobCodec codec;

    RetryTopics(RetryProperties properties, JobCodec codec) {
        this.codec = codec;
        for (Duration tier = properties.base(); tier.compareTo(properties.cap()) <= 0; tier = tier.multipliedBy(2)) {
            tiers.add(tier);
        }
    }

    /** The tiers, shortest first. */
    public List<Duration> tiers() {
        return List.copyOf(tiers);
    }

    /** The names of the retry topics, shortest tier first. */
    public List<String> names() {
        return tiers.stream().map(RetryTopics::nameOf).toList();
    }

    /** The shortest tier: a job due sooner than that is not worth parking in a topic. */
    public Duration shortestTier() {
        return tiers.get(0);
    }

    /** The topic a job waiting {@code wait} is parked in. */
    public String topicFor(Duration wait) {
        Duration chosen = tiers.get(0);
        for (Duration tier : tiers) {
            if (tier.compareTo(wait) <= 0) {
                chosen = tier;
            }
        }
        return nameOf(chosen);
    }

    /** The record that parks a job in the topic for its wait; the job's {@code not_before} says when it is due. */
    public ProducerRecord<String, byte[]> park(JobRecord job, Duration wait) {
        return new ProducerRecord<>(topicFor(wait), job.id().toString(), codec.encode(job));
    }

    static String nameOf(Duration tier) {
        long millis = tier.toMillis();
        String length = millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        return Topics.RETRY_PREFIX + length;
    }
}
