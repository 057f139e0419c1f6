package dev.jobstream.gateway.control;

import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.gateway.caller.Caller;
import dev.jobstream.gateway.publishing.JobPublisher;
import dev.jobstream.gateway.query.JobLookup;
import dev.jobstream.gateway.query.JobView;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/jobs/{id}/cancel} and {@code DELETE /api/jobs/{id}}: publishes a cancel or discard request for
 * one of the caller's jobs to {@code job-control} and answers 202 with the job as it is known now, once Kafka has
 * the request. The request names the generation and attempt the gateway saw, so that the event the processor
 * emits for it orders after them.
 */
@RestController
class JobControlController {

    private static final Logger LOG = LoggerFactory.getLogger(JobControlController.class);

    private final JobLookup lookup;
    private final JobPublisher publisher;
    private final Clock clock;

    JobControlController(JobLookup lookup, JobPublisher publisher, Clock clock) {
        this.lookup = lookup;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping(path = "/api/jobs/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> cancel(Caller caller, @PathVariable String id) {
        JobView job = lookup.find(caller, id);
        if (!isUnsettled(job)) {
            throw ControlRefusedException.alreadySettled(job.status());
        }
        return requested(caller, job, JobControl.Action.CANCEL);
    }

    @DeleteMapping(path = "/api/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> discard(Caller caller, @PathVariable String id) {
        JobView job = lookup.find(caller, id);
        if (!job.is(JobStatus.DEAD)) {
            throw ControlRefusedException.notDead(job.status());
        }
        return requested(caller, job, JobControl.Action.DISCARD);
    }

    private static boolean isUnsettled(JobView job) {
        return job.is(JobStatus.PENDING) || job.is(JobStatus.RETRYING) || job.is(JobStatus.RUNNING);
    }

    private ResponseEntity<JobView> requested(Caller caller, JobView job, JobControl.Action action) {
        String owner = job.userId() != null ? job.userId() : caller.userId();
        publisher.publish(new JobControl(job.id(), owner, action, job.generation(), job.attempts(),
                clock.instant(), caller.userId()));
        LOG.debug("Requested {} of job {} at generation {}, attempt {} (trace {})", action, job.id(),
                job.generation(), job.attempts(), job.traceId());
        return ResponseEntity.accepted().body(job);
    }
}
