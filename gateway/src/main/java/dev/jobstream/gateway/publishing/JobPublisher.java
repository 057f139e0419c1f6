package dev.jobstream.gateway.publishing;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.Topics;
import dev.jobstream.gateway.GatewayProperties;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes job records to {@code jobs} and control requests to {@code job-control}, keyed by job id, and waits
 * for Kafka's acknowledgement. Control requests are written with the codec's JSON mapper, the same snake_case
 * JSON as every other record.
 *
 * <p>Limitation: when the broker stored a record but its acknowledgement was lost, the client is told 503 although
 * the record will be read. A job retried with the same {@code Idempotency-Key}, or a replay retried, publishes
 * the same job id and generation again, which the processor runs once; a submission retried without a key
 * becomes a second job.
 */
@Component
public class JobPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JobCodec codec;
    private final Duration timeout;

    JobPublisher(KafkaTemplate<String, byte[]> kafka, JobCodec codec, GatewayProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.timeout = properties.publishTimeout();
    }

    /**
     * Publishes a job record and returns once all in-sync replicas have it.
     *
     * @throws PublishFailedException when Kafka does not acknowledge it within the publish timeout
     */
    public void publish(JobRecord job) {
        send(Topics.JOBS, job.id(), codec.encode(job));
    }

    /**
     * Publishes a control request and returns once all in-sync replicas have it.
     *
     * @throws PublishFailedException when Kafka does not acknowledge it within the publish timeout
     */
    public void publish(JobControl control) {
        send(Topics.CONTROL, control.jobId(), JobCodec.mapper().writeValueAsBytes(control));
    }

    private void send(String topic, UUID jobId, byte[] value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            kafka.send(topic, jobId.toString(), value)
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic, jobId, interrupted);
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.apache.kafka.common.KafkaException failed) {
            throw new PublishFailedException(topic, jobId, failed);
        }
    }
}
