package dev.jobstream.gateway.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jobstream.gateway.GatewayProperties;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The jobs this gateway accepted in the last {@code jobstream.gateway.recent-ttl}, so that a job can be read back
 * at once even while the read model has not caught up with it.
 *
 * <p>Limitation: the memory is per gateway instance; behind a load balancer, a read that reaches another instance
 * than the submission can still find no job until the read model has it.
 */
@Component
public class RecentlyAcceptedJobs {

    private final Cache<UUID, JobView> jobs;

    RecentlyAcceptedJobs(GatewayProperties properties) {
        this.jobs = Caffeine.newBuilder().expireAfterWrite(properties.recentTtl())
                .maximumSize(properties.recentMaxSize()).build();
    }

    /** Remembers a job that was just accepted. */
    public void remember(JobView job) {
        jobs.put(job.id(), job);
    }

    Optional<JobView> find(UUID id) {
        return Optional.ofNullable(jobs.getIfPresent(id));
    }
}
