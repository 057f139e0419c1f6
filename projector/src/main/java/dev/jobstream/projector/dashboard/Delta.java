package dev.jobstream.projector.dashboard;

import java.util.List;

/**
 * The jobs one committed change touched, as they were read after it, numbered in the order this instance
 * heard of them.
 *
 * @param seq the change's number, one more than the change before it
 * @param jobs the jobs' rows
 */
record Delta(long seq, List<JobSummary> jobs) {

    Delta {
        jobs = List.copyOf(jobs);
    }
}
