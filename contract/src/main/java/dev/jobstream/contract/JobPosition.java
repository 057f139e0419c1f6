package dev.jobstream.contract;

/**
 * A job's place in its life: the status, the replay generation it belongs to, and the attempt within it.
 * Events are ordered by position, so a late or duplicate event is recognised wherever it arrives.
 *
 * @param status the status
 * @param generation how many times the job was replayed from the dead-letter queue; starts at 0
 * @param attempt the attempt within the generation; starts at 1
 */
public record JobPosition(JobStatus status, int generation, int attempt) {
}
