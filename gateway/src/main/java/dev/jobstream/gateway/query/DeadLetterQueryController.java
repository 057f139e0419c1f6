package dev.jobstream.gateway.query;

import dev.jobstream.gateway.caller.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dlq}: the caller's dead-letter queue, its jobs that ran out of retries, newest first and page by
 * page like the job listing. {@code type} keeps the jobs of one type, {@code q} those whose last error's type or
 * message contains the text, ignoring case. The administrator sees every user's dead jobs, or one user's with
 * {@code user_id}.
 */
@RestController
class DeadLetterQueryController {

    private final JobLookup lookup;

    DeadLetterQueryController(JobLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping(path = "/api/dlq", produces = MediaType.APPLICATION_JSON_VALUE)
    JobPage deadJobs(Caller caller,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "user_id", required = false) @Nullable String userId) {
        return lookup.list(caller, userId, JobListQuery.deadLetters(type, q, limit, cursor));
    }
}
