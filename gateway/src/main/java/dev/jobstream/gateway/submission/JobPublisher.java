package dev.jobstream.gateway.submission;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.Topics;
import dev.jobstream.gateway.GatewayProperties;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes accepted jobs to the {@code jobs} topic, keyed by job id, and waits for Kafka's acknowledgement.
 *
 * <p>Limitation: when the broker stored a job but its acknowledgement was lost, the client is told 503 although
 * the job will run; a client that retries with an {@code Idempotency-Key} then gets a second job.
 */
@Component
class JobPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JobCodec codec;
    private final Duration timeout;

    JobPublisher(KafkaTemplate<String, byte[]> kafka, JobCodec codec, GatewayProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.timeout = properties.publishTimeout();
    }

    /**
     * Publishes a job and returns once all in-sync replicas have it.
     *
     * @throws PublishFailedException when Kafka does not acknowledge it within the publish timeout
     */
    void publish(JobRecord job) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            kafka.send(Topics.JOBS, job.id().toString(), codec.encode(job))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(job.id(), interrupted);
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.apache.kafka.common.KafkaException failed) {
            throw new PublishFailedException(job.id(), failed);
        }
    }
}
