package dev.jobstream.gateway.idempotency;

/**
 * The outcome of claiming a key for a submission.
 */
public sealed interface Claim {

    /** The key is new (or expired): the submission goes on to publish its own job. */
    record Granted() implements Claim {
    }

    /**
     * The key stands for a job that was never acknowledged (its publish failed, or its request was abandoned):
     * the submission publishes that same job again, with the same id.
     *
     * @param jobRecord the stored job record, as JSON
     */
    record Resumed(String jobRecord) implements Claim {
    }

    /**
     * The key stands for an accepted job: the submission answers with that job's response.
     *
     * @param response the stored response
     */
    record Answered(String response) implements Claim {
    }
}
