package dev.jobstream.processor.claim;

import dev.jobstream.contract.JobRecord;
import java.util.UUID;

/**
 * One attempt of one job: the unit that runs at most once to completion.
 *
 * @param jobId the job
 * @param generation the replay generation
 * @param attempt the attempt within the generation
 */
public record JobRunKey(UUID jobId, int generation, int attempt) {

    /** The attempt a job record asks for. */
    public static JobRunKey of(JobRecord job) {
        return new JobRunKey(job.id(), job.generation(), job.attempt());
    }
}
