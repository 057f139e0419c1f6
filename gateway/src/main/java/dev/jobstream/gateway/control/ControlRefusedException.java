package dev.jobstream.gateway.control;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A control request the job's current status does not allow: 409.
 */
class ControlRefusedException extends ProblemException {

    private ControlRefusedException(String title, String detail) {
        super(HttpStatus.CONFLICT, title, detail);
    }

    static ControlRefusedException alreadySettled(String status) {
        return new ControlRefusedException("Job already settled",
                "Only a pending, retrying or running job can be cancelled; this job is " + status + ".");
    }

    static ControlRefusedException notDead(String status) {
        return new ControlRefusedException("Job not dead",
                "Only a dead job can be discarded; this job is " + status + ".");
    }
}
