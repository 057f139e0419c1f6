package dev.jobstream.contract;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The job id scheme.
 *
 * <p>Jobs accepted over REST get a UUIDv7: unique, and ordered by creation time. A record published straight
 * to the {@code jobs} topic may carry its own UUID in {@code id}; one without gets a UUIDv5 named after its
 * topic, partition and offset, so every delivery of that record yields the same id.
 */
public final class JobIds {

    /** The namespace of ids derived from a record's place in the log. */
    public static final UUID RECORD_NAMESPACE = UUID.fromString("0b6a4f5e-3c1d-4e2a-9f7b-6d8c5a4b3e21");

    /**
     * Draws the random bits of new ids from {@link ThreadLocalRandom}, whose one instance serves each thread from
     * that thread's own state. The generator's default, a shared {@code SecureRandom}, is read under the generator's
     * lock each millisecond, and with many request threads on few cores that lock became the gateway's longest
     * wait. Ids need to be unique and time-ordered, not unguessable: who may see a job is checked on every read.
     */
    private static final TimeBasedEpochGenerator NEW_IDS =
            Generators.timeBasedEpochGenerator(ThreadLocalRandom.current());
    private static final NameBasedGenerator RECORD_IDS = Generators.nameBasedGenerator(RECORD_NAMESPACE);

    private JobIds() {
    }

    /** A fresh, time-ordered id. */
    public static UUID newId() {
        return NEW_IDS.generate();
    }

    /** The id of a record that carries none: the same for every delivery of the record. */
    public static UUID forRecord(String topic, int partition, long offset) {
        return RECORD_IDS.generate(topic + "/" + partition + "/" + offset);
    }
}
