package dev.jobstream.benchmark;

import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes jobs straight to the {@code jobs} topic and measures until the read model shows every one of them
 * {@code done}: throughput from the first publish to the last done, and each job's publish-to-done latency.
 */
final class DirectPublishScenario {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final Target target;
    private final int users;

    DirectPublishScenario(Target target, int users) {
        this.target = target;
        this.users = users;
    }

    /** The figures of one run. */
    record Result(int jobs, Duration elapsed, Latencies latencies) {

        double perSecond() {
            return jobs / (elapsed.toNanos() / 1e9);
        }
    }

    Result run(int jobs, String payload) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> userIds = IntStream.range(0, users).mapToObj(u -> "bench-" + run + "-" + u).toList();
        Map<UUID, Instant> published = publish(jobs, payload, userIds);
        Instant first = published.values().stream().min(Instant::compareTo).orElseThrow();
        try (Connection db = target.readModel()) {
            awaitDone(db, userIds, jobs);
            return measure(db, userIds, published, first);
        }
    }

    private Map<UUID, Instant> publish(int jobs, String payload, List<String> userIds) throws Exception {
        Map<UUID, Instant> published = new HashMap<>(jobs * 2);
        Map<String, Object> config = Map.of("bootstrap.servers", target.kafka(), "acks", "all",
                "linger.ms", 5, "batch.size", 262_144, "enable.idempotence", true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            Future<RecordMetadata> last = null;
            for (int i = 0; i < jobs; i++) {
                UUID id = JobIds.newId();
                String value = "{\"id\":\"" + id + "\",\"user_id\":\"" + userIds.get(i % userIds.size())
                        + "\",\"payload\":" + payload + "}";
                published.put(id, Instant.now());
                last = producer.send(new ProducerRecord<>(Topics.JOBS, id.toString(),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            if (last != null) {
                last.get();
            }
        }
        return published;
    }

    private static void awaitDone(Connection db, List<String> userIds, int jobs)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (PreparedStatement count = db.prepareStatement(
                "select count(*) from readmodel.jobs where user_id = any(?) and status = 'done'")) {
            count.setArray(1, db.createArrayOf("text", userIds.toArray()));
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) >= jobs) {
                        return;
                    }
                }
                // The count reads every job of the run; asked seldom, it takes little of the database it measures.
                // The figures come from the rows' update times, not from when this loop notices the end.
                Thread.sleep(1_000);
            }
        }
        throw new IllegalStateException("not every job was done within " + TIMEOUT);
    }

    private static Result measure(Connection db, List<String> userIds, Map<UUID, Instant> published, Instant first)
            throws SQLException {
        long[] latencies = new long[published.size()];
        Instant lastDone = first;
        int i = 0;
        try (PreparedStatement done = db.prepareStatement(
                "select id, updated_at from readmodel.jobs where user_id = any(?)")) {
            Array users = db.createArrayOf("text", userIds.toArray());
            done.setArray(1, users);
            try (ResultSet rows = done.executeQuery()) {
                while (rows.next()) {
                    Instant doneAt = rows.getTimestamp(2).toInstant();
                    Instant sentAt = published.get(rows.getObject(1, UUID.class));
                    latencies[i++] = Duration.between(sentAt, doneAt).toNanos() / 1_000;
                    lastDone = doneAt.isAfter(lastDone) ? doneAt : lastDone;
                }
            }
        }
        return new Result(published.size(), Duration.between(first, lastDone), Latencies.ofMicros(latencies));
    }
}
