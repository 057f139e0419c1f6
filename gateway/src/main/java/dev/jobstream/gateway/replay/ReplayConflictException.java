package dev.jobstream.gateway.replay;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A replay that cannot happen in the job's current state: 409. A bulk replay skips such jobs.
 */
class ReplayConflictException extends ProblemException {

    private ReplayConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, title, detail);
    }

    static ReplayConflictException notDead(String status) {
        return new ReplayConflictException("Job not dead",
                "Only a dead job can be replayed; this job is " + status + ".");
    }

    static ReplayConflictException alreadyReplayed() {
        return new ReplayConflictException("Replay in progress",
                "This job is being replayed already by another request.");
    }

    static ReplayConflictException nothingToReplay() {
        return new ReplayConflictException("Job cannot be replayed",
                "The job's record is not known, so there is nothing to replay.");
    }
}
