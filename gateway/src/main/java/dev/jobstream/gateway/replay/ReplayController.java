package dev.jobstream.gateway.replay;

import dev.jobstream.gateway.caller.Caller;
import dev.jobstream.gateway.query.JobView;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/jobs/{id}/retry} replays one of the caller's dead jobs and answers 202 with the job, pending in
 * its new generation; {@code POST /api/dlq/retry} replays all that match a filter and answers 202 with how many.
 * A job that is not dead, or that another request is replaying, is a 409. The administrator replays any user's
 * jobs; its bulk replay covers every user, or one with {@code user_id}.
 */
@RestController
class ReplayController {

    private final JobReplayer replayer;

    ReplayController(JobReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping(path = "/api/jobs/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> replay(Caller caller, @PathVariable String id) {
        JobView replayed = replayer.replay(caller, id);
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + replayed.id())).body(replayed);
    }

    @PostMapping(path = "/api/dlq/retry", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BulkReplayResult> replayAll(Caller caller, @RequestBody(required = false) @Nullable JsonNode body,
            @RequestParam(name = "user_id", required = false) @Nullable String userId) {
        int replayed = replayer.replayAll(caller, userId, BulkReplayRequest.filterOf(body));
        return ResponseEntity.accepted().body(new BulkReplayResult(replayed));
    }

    /**
     * The answer to a bulk replay.
     *
     * @param replayed how many dead jobs were published again
     */
    record BulkReplayResult(int replayed) {
    }
}
