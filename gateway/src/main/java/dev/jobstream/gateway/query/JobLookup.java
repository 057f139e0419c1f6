package dev.jobstream.gateway.query;

import dev.jobstream.gateway.caller.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds a caller's jobs: in the read model, or among the jobs just accepted that it does not show yet. A user
 * only ever sees its own jobs; another user's job is reported as not found, never as forbidden, so that its
 * existence is not given away. The administrator sees every user's jobs.
 *
 * <p>Limitation: listings come from the read model alone, so a job accepted a moment ago can be read by id
 * but may be missing from the caller's list until the projector has recorded it.
 */
@Component
public class JobLookup {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ReadModelJobs readModel;
    private final RecentlyAcceptedJobs recent;

    JobLookup(ReadModelJobs readModel, RecentlyAcceptedJobs recent) {
        this.readModel = readModel;
        this.recent = recent;
    }

    /**
     * One of the caller's jobs, as the read model or, until it has it, this gateway knows it.
     *
     * @throws JobNotFoundException when the id is not a job id, or not one of the caller's jobs
     */
    public JobView find(Caller caller, String id) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new JobNotFoundException();
        }
        UUID jobId = UUID.fromString(id);
        Optional<JobView> job = readModel.find(jobId).or(() -> recent.find(jobId));
        return job.filter(found -> caller.mayAccess(found.userId())).orElseThrow(JobNotFoundException::new);
    }

    /** One of the caller's jobs with the errors of its failed attempts, from the job's history. */
    JobView findWithErrors(Caller caller, String id) {
        JobView job = find(caller, id);
        List<JobView.AttemptError> errors = readModel.errorsOf(job.id());
        return errors.isEmpty() ? job : job.withErrors(errors);
    }

    /**
     * A page of the caller's jobs, with the cursor of the next page when there is one; for the administrator, the
     * jobs of the requested user, or of every user when it names none.
     */
    JobPage list(Caller caller, @Nullable String requestedUser, JobListQuery query) {
        List<JobView> rows = readModel.list(caller.scope(requestedUser), query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new JobPage(rows, null);
        }
        List<JobView> items = rows.subList(0, query.limit());
        return new JobPage(items, JobCursor.after(items.get(items.size() - 1)).encode());
    }

    /**
     * Up to {@code max} of the caller's dead jobs that match the filter, oldest first; for the administrator, those
     * of the requested user, or of every user when it names none.
     */
    public List<JobView> findDead(Caller caller, @Nullable String requestedUser, DeadJobFilter filter, int max) {
        return readModel.dead(caller.scope(requestedUser), filter, max);
    }
}
