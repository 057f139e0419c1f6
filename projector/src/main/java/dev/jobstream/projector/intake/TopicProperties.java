package dev.jobstream.projector.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics the projector reads are created when missing, under {@code jobstream.topics}; the same
 * settings every Jobstream service uses.
 *
 * @param partitions partitions per topic
 * @param replicationFactor copies of each partition
 */
@ConfigurationProperties("jobstream.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {

    public TopicProperties {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("jobstream.topics.partitions and replication-factor must be positive");
        }
    }
}
