package dev.jobstream.processor.handler;

import dev.jobstream.contract.JobCodec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code compute}: counts the primes up to {@code size}, a CPU-bound job whose cost grows with its size.
 */
@Component
class ComputeJobHandler implements JobHandler {

    /** The size of a compute job that names none. */
    static final long DEFAULT_SIZE = 100_000;

    @Override
    public String type() {
        return "compute";
    }

    @Override
    public JsonNode run(ObjectNode payload, JobContext context) throws InterruptedException {
        long size = payload.has("size") ? payload.get("size").asLong() : DEFAULT_SIZE;
        long primes = PrimeCounter.countUpTo(size);
        return JobCodec.mapper().createObjectNode().put("size", size).put("primes", primes);
    }
}
