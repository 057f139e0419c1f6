package dev.jobstream.projector.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code jobstream.projector.lag} in seconds: for the latest batch committed to the read model, the time
 * from its oldest event to the commit; 0 after an empty batch. A job record counts by its {@code created_at} only
 * in its first attempt of its first generation, since later ones keep the original submission time.
 *
 * <p>Limitation: the gauge drops to 0 only when a listener is handed an empty batch; a projector that receives
 * nothing at all keeps reporting the delay of its last batch.
 */
@Component
public class ProjectionLag {

    static final String METER = "jobstream.projector.lag";

    private final AtomicLong latestMillis = new AtomicLong();

    ProjectionLag(MeterRegistry registry) {
        Gauge.builder(METER, latestMillis, millis -> millis.get() / 1000.0).baseUnit("seconds")
                .description("Seconds from the oldest event of the latest batch to its commit to the read model")
                .register(registry);
    }

    /** A batch was committed at {@code committedAt}. */
    void committed(List<JobChange> changes, Instant committedAt) {
        Optional<Instant> oldest = changes.stream().map(ProjectionLag::occurredAt).flatMap(Optional::stream)
                .min(Instant::compareTo);
        latestMillis.set(oldest.map(at -> Math.max(0, Duration.between(at, committedAt).toMillis())).orElse(0L));
    }

    /** Nothing came in. */
    void idle() {
        latestMillis.set(0);
    }

    private static Optional<Instant> occurredAt(JobChange change) {
        if (change instanceof StatusChanged status) {
            return Optional.of(status.event().occurredAt());
        }
        JobSubmitted submitted = (JobSubmitted) change;
        boolean firstRun = submitted.job().generation() == 0 && submitted.job().attempt() == 1;
        return firstRun ? Optional.of(submitted.job().createdAt()) : Optional.empty();
    }
}
