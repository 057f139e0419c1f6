package dev.jobstream.processor.control;

import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.claim.Cancellations;
import dev.jobstream.processor.execution.JobCancelledException;
import dev.jobstream.processor.execution.RunningJobs;
import dev.jobstream.processor.status.StatusPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Applies control requests.
 *
 * <p>Cancel: attempts of the job's generation that this processor has taken on are stopped at once; the
 * cancellation is then stored, so no later record of that generation runs, wherever it is read. A running attempt
 * reports {@code cancelled} itself; otherwise this processor reports it at the generation and attempt the
 * requester saw, so a pending or retrying job shows cancelled at once. Discard: reports {@code discarded} at the
 * requester's generation and attempt; the requester made sure the job is dead.
 *
 * <p>Every processor reads every request, so a job not running anywhere is reported cancelled or discarded by each
 * of them; the copies have the same position and the transition table lets only the first one count. A request
 * read twice is harmless the same way.
 */
@Component
class JobControlHandler {

    private static final Logger log = LoggerFactory.getLogger(JobControlHandler.class);

    private final RunningJobs running;
    private final Cancellations cancellations;
    private final StatusPublisher publisher;
    private final WorkerId workerId;
    private final Clock clock;
    private final ProcessorProperties properties;

    JobControlHandler(RunningJobs running, Cancellations cancellations, StatusPublisher publisher, WorkerId workerId,
            Clock clock, ProcessorProperties properties) {
        this.running = running;
        this.cancellations = cancellations;
        this.publisher = publisher;
        this.workerId = workerId;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Applies requests, storing and reporting them until that worked or {@code keepTrying} turns false.
     */
    void apply(List<JobControl> requests, BooleanSupplier keepTrying) {
        List<JobStatusEvent> reports = new ArrayList<>();
        for (JobControl request : requests) {
            log.info("{} of job {} in generation {} requested by {}", request.action(), request.jobId(),
                    request.generation(), request.requestedBy());
            reportOf(request).ifPresent(reports::add);
        }
        store(requests.stream().filter(JobControlHandler::isCancel).toList(), keepTrying);
        publish(reports, keepTrying);
    }

    /** Stops the job's local attempts when it is a cancel; the event to report, unless an attempt reports it. */
    private Optional<JobStatusEvent> reportOf(JobControl request) {
        if (!isCancel(request)) {
            return Optional.of(reported(request, JobStatus.DISCARDED, null));
        }
        if (running.cancel(request.jobId(), request.generation(), request.requestedBy())) {
            return Optional.empty();
        }
        return Optional.of(reported(request, JobStatus.CANCELLED, cancelledError(request)));
    }

    private static boolean isCancel(JobControl request) {
        return request.action() == JobControl.Action.CANCEL;
    }

    private void store(List<JobControl> cancels, BooleanSupplier keepTrying) {
        while (!cancels.isEmpty()) {
            try {
                cancellations.remember(cancels);
                return;
            } catch (DataAccessException failure) {
                log.warn("Could not store {} cancellations; trying again in {}", cancels.size(),
                        properties.retryBackoff(), failure);
                if (!pause(keepTrying)) {
                    return;
                }
            }
        }
    }

    private void publish(List<JobStatusEvent> reports, BooleanSupplier keepTrying) {
        List<JobStatusEvent> unsent = reports;
        while (!unsent.isEmpty()) {
            unsent = send(unsent);
            if (!unsent.isEmpty() && !pause(keepTrying)) {
                return;
            }
        }
    }

    /** Sends events and waits for Kafka; returns those it did not acknowledge. */
    private List<JobStatusEvent> send(List<JobStatusEvent> events) {
        List<CompletableFuture<?>> sent = events.stream().map(publisher::publish).toList();
        List<JobStatusEvent> unsent = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Throwable failure = sent.get(i).handle((acknowledged, thrown) -> thrown).join();
            if (failure != null) {
                log.warn("{} event of job {} was not acknowledged; publishing it again in {}",
                        events.get(i).status().wireName(), events.get(i).jobId(), properties.retryBackoff(), failure);
                unsent.add(events.get(i));
            }
        }
        return unsent;
    }

    private JobStatusEvent reported(JobControl request, JobStatus status, @Nullable JobError error) {
        return new JobStatusEvent(request.jobId(), request.userId(), null, status, request.generation(),
                request.attempt(), 0, clock.instant(), workerId.value(), null, null, error, null, null);
    }

    private static JobError cancelledError(JobControl request) {
        return new JobError(JobCancelledException.class.getName(), "cancelled by " + request.requestedBy(), null);
    }

    private boolean pause(BooleanSupplier keepTrying) {
        try {
            Thread.sleep(properties.retryBackoff().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        return keepTrying.getAsBoolean();
    }
}
