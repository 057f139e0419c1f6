package dev.jobstream.gateway.query;

import dev.jobstream.gateway.caller.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/jobs/{id}} and {@code GET /api/jobs}: the caller's jobs. A single job comes with the errors
 * of its failed attempts. The administrator sees every user's jobs; {@code user_id} narrows its listing to one
 * user and is ignored for a user.
 */
@RestController
@RequestMapping(path = "/api/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class JobQueryController {

    private final JobLookup lookup;

    JobQueryController(JobLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/{id}")
    JobView job(Caller caller, @PathVariable String id) {
        return lookup.findWithErrors(caller, id);
    }

    @GetMapping
    JobPage jobs(Caller caller,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "user_id", required = false) @Nullable String userId) {
        return lookup.list(caller, userId, JobListQuery.of(status, type, limit, cursor));
    }
}
