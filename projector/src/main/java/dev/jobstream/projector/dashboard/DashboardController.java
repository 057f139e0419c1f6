package dev.jobstream.projector.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobstream.contract.JobStatus;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What the dashboard page reads over HTTP: its settings, one job's detail with its attempts, and the dead jobs
 * it acts on in bulk. In the {@code api-key} mode the last two need {@code Authorization: Bearer <key>}, as the
 * WebSocket does: without a valid key they answer 401, and a user's key reads its own jobs only; another user's
 * job is 404, as at the gateway.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    /** The most dead jobs one request lists. */
    static final int MAX_DEAD_JOBS = 1000;

    private final DashboardJobs jobs;
    private final DashboardProperties properties;
    private final DashboardAccess access;

    DashboardController(DashboardJobs jobs, DashboardProperties properties, DashboardAccess access) {
        this.jobs = jobs;
        this.properties = properties;
        this.access = access;
    }

    @GetMapping("/config")
    Settings settings() {
        return new Settings(properties.gatewayUrl(), DashboardConfiguration.ENDPOINT, properties.recentJobs(),
                properties.metricsWindow().toMinutes(), access.mode());
    }

    @GetMapping("/jobs/{id}")
    ResponseEntity<JobDetail> job(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Viewer viewer = viewerOf(authorization);
        return ResponseEntity.of(jobs.detail(id).filter(detail -> viewer.maySee(detail.job().userId())));
    }

    /**
     * The newest dead jobs of an owner and type that match a search, for acting on all of them at once.
     * Limitation: at most {@value #MAX_DEAD_JOBS} at a time; an operator with more repeats the action.
     */
    @GetMapping("/dead-jobs")
    List<JobSummary> deadJobs(@RequestParam(name = "user_id", required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String search,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Viewer viewer = viewerOf(authorization);
        return jobs.recent(viewer.restrict(new JobFilter(userId, type, JobStatus.DEAD, search)), MAX_DEAD_JOBS);
    }

    private Viewer viewerOf(@Nullable String authorization) {
        return access.viewerOfHeader(authorization).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNAUTHORIZED, "Send an API key as Authorization: Bearer <key>."));
    }

    /**
     * What the page needs to know before it connects.
     *
     * @param gatewayUrl where it sends replays, discards and cancellations
     * @param socketPath the WebSocket's path on this server
     * @param recentJobs how many jobs its table shows
     * @param windowMinutes how many minutes its charts cover
     * @param authMode {@code x-user-id}, or {@code api-key} when the page must send an API key
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Settings(URI gatewayUrl, String socketPath, int recentJobs, long windowMinutes, String authMode) {
    }
}
