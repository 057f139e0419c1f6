package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.Topics;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Programs that publish jobs straight to the {@code jobs} topic, without the REST API.
 */
class DirectProducerTest {

    private final JobsApi api = new JobsApi(SharedPlatform.get().gatewayPort());
    private final String bootstrap = TestInfrastructure.shared().bootstrapServers();

    @Test
    void recordFromAPlainProducerIsRunAndVisibleToItsUser() throws Exception {
        // given
        String id = UUID.randomUUID().toString();
        String user = "direct-" + id.substring(0, 8);

        // when
        publish(id, "{\"id\": \"" + id + "\", \"user_id\": \"" + user + "\", \"payload\": {\"type\": \"default\"}}");

        // then
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.job(user, id).text("status")).isEqualTo("done"));
    }

    @Test
    void sameRecordDeliveredTwiceRunsOnce() throws Exception {
        // given
        String id = UUID.randomUUID().toString();
        String user = "twice-" + id.substring(0, 8);
        String record = "{\"id\": \"" + id + "\", \"user_id\": \"" + user
                + "\", \"payload\": {\"type\": \"sleep\", \"duration\": 1}}";

        // when
        publish(id, record);
        publish(id, record);

        // then
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.job(user, id).text("status")).isEqualTo("done"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> StatusTopic.count(id, StatusTopic.runningIn(0)) == 1);
    }

    private void publish(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.JOBS, key, value)).get();
        }
    }
}
