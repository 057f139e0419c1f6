package dev.jobstream.processor.deadletter;

import dev.jobstream.contract.DeadLetterHeaders;
import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The records of the dead-letter topic, {@code jobs-dlq}, keyed by job id, with the {@link DeadLetterHeaders} that
 * say why each is there.
 */
@Component
public class DeadLetterRecords {

    private final JobCodec codec;

    DeadLetterRecords(JobCodec codec) {
        this.codec = codec;
    }

    /** A job whose last attempt failed for good: the job record as it last ran. */
    public ProducerRecord<String, byte[]> ofJob(JobRecord job, Throwable failure, Instant failedAt) {
        JobError error = JobError.of(failure);
        List<Header> headers = new ArrayList<>();
        add(headers, DeadLetterHeaders.ERROR_CLASS, error.type());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, error.message());
        add(headers, DeadLetterHeaders.ERROR_STACK, error.stack());
        add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(job.attempt()));
        Instant firstFailure = job.firstFailureAt() != null ? job.firstFailureAt() : failedAt;
        add(headers, DeadLetterHeaders.FIRST_FAILURE, firstFailure.toString());
        add(headers, DeadLetterHeaders.LAST_FAILURE, failedAt.toString());
        return new ProducerRecord<>(Topics.DEAD_LETTER, null, job.id().toString(), codec.encode(job), headers);
    }

    /** A record that is not a valid job: its value as it was read, no attempts, and where it came from. */
    public ProducerRecord<String, byte[]> ofInvalidRecord(byte @Nullable [] value, RecordOrigin origin,
            InvalidJobRecordException invalid, Instant rejectedAt) {
        List<Header> headers = new ArrayList<>();
        add(headers, DeadLetterHeaders.ERROR_CLASS, InvalidJobRecordException.REASON);
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, String.valueOf(invalid.getMessage()));
        add(headers, DeadLetterHeaders.ATTEMPTS, "0");
        add(headers, DeadLetterHeaders.FIRST_FAILURE, rejectedAt.toString());
        add(headers, DeadLetterHeaders.LAST_FAILURE, rejectedAt.toString());
        add(headers, DeadLetterHeaders.ORIGIN, origin.toString());
        return new ProducerRecord<>(Topics.DEAD_LETTER, null, invalid.jobId().toString(), value, headers);
    }

    private static void add(List<Header> headers, String name, @Nullable String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
