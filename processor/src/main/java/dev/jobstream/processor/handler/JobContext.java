package dev.jobstream.processor.handler;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The attempt a handler is running.
 *
 * @param jobId the job
 * @param generation the replay generation
 * @param attempt the attempt within the generation, starting at 1
 * @param workerId the processor instance running it
 * @param traceId the trace the job belongs to
 */
public record JobContext(UUID jobId, int generation, int attempt, String workerId, @Nullable String traceId) {
}
