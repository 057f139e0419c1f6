-- Test-only copy of the projector's migration that moves the aggregates from a trigger to the projector's batch
-- and counts submissions per minute.

-- The aggregates and the change notification move from a row-level trigger to the projector's batch: it computes
-- each batch's deltas itself and writes them with one statement per table, in the batch's transaction, and sends
-- one notification per few hundred changed jobs. The counters still change in the transaction that changes the
-- rows, so a batch that rolls back leaves nothing behind.

drop trigger jobs_track_changes on readmodel.jobs;
drop function readmodel.track_job_change();
drop function readmodel.count_job(text, text, text, int);
drop function readmodel.count_outcome(timestamptz, text, text, text, bigint);

-- Jobs accepted in each minute, counted when their record is first projected, in the minute of their created_at.
alter table readmodel.job_minutes add column submitted int not null default 0;

insert into readmodel.job_minutes as minutes (minute, user_id, type, submitted, done, failed, retried, dead,
    cancelled, duration_count, duration_sum_ms, duration_histogram)
select date_trunc('minute', created_at), user_id, type, count(*), 0, 0, 0, 0, 0, 0, 0,
       array_fill(0, array[array_length(readmodel.duration_bounds_ms(), 1)])
from readmodel.jobs where created_at is not null
group by 1, 2, 3
on conflict (minute, user_id, type) do update set submitted = excluded.submitted;
