package dev.jobstream.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics the processor declares are created when they are missing ({@code jobstream.topics.*}).
 *
 * @param partitions partitions of each topic
 * @param replicationFactor replicas of each partition
 */
@ConfigurationProperties("jobstream.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {

    public TopicProperties {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("jobstream.topics.partitions and replication-factor must be at least 1");
        }
    }
}
