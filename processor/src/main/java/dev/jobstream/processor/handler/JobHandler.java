package dev.jobstream.processor.handler;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the jobs of one type. A new job type is one Spring bean implementing this interface, plus its payload
 * rule in the contract's {@code JobRules}.
 *
 * <p>A handler runs on a worker thread and must give up promptly when that thread is interrupted: the
 * processor interrupts jobs that were cancelled, that outlast their timeout, whose partition moved to another
 * processor, or that outlast the shutdown grace. A handler that ignores the interrupt keeps its worker busy.
 */
public interface JobHandler {

    /** The {@code type} in the payload of the jobs this handler runs. */
    String type();

    /**
     * Runs one attempt of a job.
     *
     * @param payload the job's payload, already checked against the type's rule
     * @param context which job and attempt this is
     * @return the job's result, or {@code null} when it has none
     * @throws Exception when the attempt fails; the exception becomes the job's error
     */
    @Nullable JsonNode run(ObjectNode payload, JobContext context) throws Exception;
}
