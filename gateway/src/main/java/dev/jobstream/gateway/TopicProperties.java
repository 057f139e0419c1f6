package dev.jobstream.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics the gateway declares are created when missing, under {@code jobstream.topics}.
 *
 * @param partitions partitions per topic
 * @param replicationFactor copies of each partition
 */
@ConfigurationProperties("jobstream.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {

    public TopicProperties {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("jobstream.topics.partitions and replication-factor must be >= 1");
        }
    }
}
