package dev.jobstream.processor.handler;

import dev.jobstream.contract.JobRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The handler beans by job type. The processor refuses to start when a type the contract accepts has no
 * handler, or two handlers claim one type, rather than failing those jobs one by one.
 */
@Component
public class JobHandlers {

    private final Map<String, JobHandler> byType = new HashMap<>();

    JobHandlers(List<JobHandler> handlers, JobRules rules) {
        for (JobHandler handler : handlers) {
            JobHandler previous = byType.put(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for job type " + handler.type() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        Set<String> missing = new TreeSet<>(rules.types());
        missing.removeAll(byType.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No handler for job types " + missing);
        }
    }

    /** Whether a handler runs jobs of this type. */
    public boolean handles(String type) {
        return byType.containsKey(type);
    }

    /** The handler of a job type. */
    public JobHandler forType(String type) throws JobFailedException {
        JobHandler handler = byType.get(type);
        if (handler == null) {
            throw new JobFailedException("no handler for job type " + type);
        }
        return handler;
    }
}
