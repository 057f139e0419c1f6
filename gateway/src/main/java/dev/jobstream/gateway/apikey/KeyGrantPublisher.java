package dev.jobstream.gateway.apikey;

import dev.jobstream.contract.ApiKeyGrant;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.Topics;
import dev.jobstream.gateway.GatewayProperties;
import dev.jobstream.gateway.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes the state of API keys to {@code api-keys}, keyed by key id, and waits for Kafka's acknowledgement, so
 * that the projector, which serves the dashboard, knows the same keys as the gateway.
 */
@Component
class KeyGrantPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JobCodec codec;
    private final Duration timeout;

    KeyGrantPublisher(KafkaTemplate<String, byte[]> kafka, JobCodec codec, GatewayProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.timeout = properties.publishTimeout();
    }

    /**
     * Publishes the grants and returns once all in-sync replicas have them.
     *
     * @throws KeyPublishFailedException when Kafka does not acknowledge them all within the publish timeout
     */
    void publish(List<ApiKeyGrant> grants) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
            for (ApiKeyGrant grant : grants) {
                sent.add(kafka.send(Topics.API_KEYS, grant.id(), codec.encode(grant)));
            }
            for (CompletableFuture<SendResult<String, byte[]>> acknowledgement : sent) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new KeyPublishFailedException(interrupted);
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.apache.kafka.common.KafkaException failed) {
            throw new KeyPublishFailedException(failed);
        }
    }

    /** Kafka did not acknowledge the new state of a key: 503, and the key is as it was. */
    static final class KeyPublishFailedException extends ProblemException {

        KeyPublishFailedException(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Key registry unavailable",
                    "The key change could not be published and was not made; try again later.", List.of(),
                    new IllegalStateException("API key grants were not acknowledged by Kafka", cause));
        }
    }
}
