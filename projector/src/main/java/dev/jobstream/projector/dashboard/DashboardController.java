package dev.jobstream.projector.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobstream.contract.JobStatus;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What the dashboard page reads over HTTP: its settings, one job's detail with its attempts, and the dead jobs
 * it acts on in bulk.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    /** The most dead jobs one request lists. */
    static final int MAX_DEAD_JOBS = 1000;

    private final DashboardJobs jobs;
    private final DashboardProperties properties;

    DashboardController(DashboardJobs jobs, DashboardProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @GetMapping("/config")
    Settings settings() {
        return new Settings(properties.gatewayUrl(), DashboardConfiguration.ENDPOINT, properties.recentJobs(),
                properties.metricsWindow().toMinutes());
    }

    @GetMapping("/jobs/{id}")
    ResponseEntity<JobDetail> job(@PathVariable UUID id) {
        return ResponseEntity.of(jobs.detail(id));
    }

    /**
     * The newest dead jobs of an owner and type that match a search, for acting on all of them at once.
     * Limitation: at most {@value #MAX_DEAD_JOBS} at a time; an operator with more repeats the action.
     */
    @GetMapping("/dead-jobs")
    List<JobSummary> deadJobs(@RequestParam(name = "user_id", required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String search) {
        return jobs.recent(new JobFilter(userId, type, JobStatus.DEAD, search), MAX_DEAD_JOBS);
    }

    /**
     * What the page needs to know before it connects.
     *
     * @param gatewayUrl where it sends replays, discards and cancellations
     * @param socketPath the WebSocket's path on this server
     * @param recentJobs how many jobs its table shows
     * @param windowMinutes how many minutes its charts cover
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Settings(URI gatewayUrl, String socketPath, int recentJobs, long windowMinutes) {
    }
}
