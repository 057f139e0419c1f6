-- Test-only copy of the projector's migration that adds the aggregates the dashboard and GET /api/metrics read.

-- What the live dashboard (and later the metrics API) reads instead of scanning readmodel.jobs, and the
-- notification that tells every projector instance which jobs changed.
--
-- A deferred trigger on readmodel.jobs keeps both, so they change in the transaction that changes the rows, at its
-- commit, whichever code wrote them: a batch that rolls back leaves no count and no notification behind, and
-- PostgreSQL delivers a notification only once its transaction has committed.

-- Jobs by owner, type and status. NULL owner or type (invalid direct records) count as a value of their own.
create table readmodel.job_counts (
  user_id text,
  type    text,
  status  text   not null,
  count   bigint not null,
  constraint job_counts_key unique nulls not distinct (user_id, type, status)
);

-- What happened in each minute, by owner and type. An hour is the sum of its sixty minutes.
-- Limitation: rows are never deleted; the table grows by at most one row per minute, owner and type.
create table readmodel.job_minutes (
  minute             timestamptz not null,  -- start of the minute the jobs finished in
  user_id            text,
  type               text,
  done               int    not null,       -- jobs that finished successfully
  failed             int    not null,       -- jobs that failed for good
  retried            int    not null,       -- attempts that failed and will be retried
  dead               int    not null,       -- jobs moved to the dead-letter queue
  cancelled          int    not null,
  duration_count     int    not null,       -- done jobs with a known start
  duration_sum_ms    bigint not null,
  duration_histogram int[]  not null,       -- done jobs per bucket of readmodel.duration_bounds_ms()
  constraint job_minutes_key unique nulls not distinct (minute, user_id, type)
);
create index job_minutes_by_user on readmodel.job_minutes (user_id, minute);

-- The lower bounds, in milliseconds, of the duration histogram's buckets; the last bucket has no upper bound.
-- Changing them needs a new histogram column: existing counts are only meaningful with these bounds.
create function readmodel.duration_bounds_ms() returns bigint[] language sql immutable as $$
  select '{0,1,2,3,5,7,10,15,20,30,50,70,100,150,200,300,500,700,1000,1500,2000,3000,5000,7000,10000,15000,
           20000,30000,50000,70000,100000,150000,200000,300000,500000,700000,1000000,1500000,2000000,3000000,
           5000000}'::bigint[]
$$;

create function readmodel.count_job(job_user text, job_type text, job_status text, change int) returns void
language sql as $$
  insert into readmodel.job_counts as counts (user_id, type, status, count)
  values (job_user, job_type, job_status, change)
  on conflict (user_id, type, status) do update set count = counts.count + excluded.count
$$;

-- Counts one outcome (done, failed, retried, dead or cancelled) in its minute; other statuses count nothing.
create function readmodel.count_outcome(at timestamptz, job_user text, job_type text, outcome text,
    duration_ms bigint) returns void language plpgsql as $$
declare
  histogram int[] := array_fill(0, array[array_length(readmodel.duration_bounds_ms(), 1)]);
  timed boolean := outcome = 'done' and duration_ms is not null;
begin
  if outcome not in ('done', 'failed', 'retrying', 'dead', 'cancelled') then
    return;
  end if;
  if timed then
    histogram[greatest(1, width_bucket(duration_ms, readmodel.duration_bounds_ms()))] := 1;
  end if;
  insert into readmodel.job_minutes as minutes (minute, user_id, type, done, failed, retried, dead, cancelled,
      duration_count, duration_sum_ms, duration_histogram)
  values (date_trunc('minute', at), job_user, job_type, (outcome = 'done')::int, (outcome = 'failed')::int,
      (outcome = 'retrying')::int, (outcome = 'dead')::int, (outcome = 'cancelled')::int, timed::int,
      case when timed then greatest(duration_ms, 0) else 0 end, histogram)
  on conflict (minute, user_id, type) do update set
      done = minutes.done + excluded.done,
      failed = minutes.failed + excluded.failed,
      retried = minutes.retried + excluded.retried,
      dead = minutes.dead + excluded.dead,
      cancelled = minutes.cancelled + excluded.cancelled,
      duration_count = minutes.duration_count + excluded.duration_count,
      duration_sum_ms = minutes.duration_sum_ms + excluded.duration_sum_ms,
      duration_histogram = (select array_agg(old_count + new_count order by bucket)
                            from unnest(minutes.duration_histogram, excluded.duration_histogram)
                                 with ordinality as buckets (old_count, new_count, bucket));
end $$;

create function readmodel.duration_ms(started_at timestamptz, finished_at timestamptz) returns bigint
language sql immutable as $$
  select (extract(epoch from finished_at - started_at) * 1000)::bigint
$$;

create function readmodel.track_job_change() returns trigger language plpgsql as $$
begin
  -- Transactions run this part one at a time, just before they commit: two of them never update the same
  -- counters in opposite orders, so they cannot deadlock on them. Limitation: the lock is held until the commit
  -- is flushed, so the projector's batches commit one after another rather than together.
  perform pg_advisory_xact_lock(hashtext('readmodel.job_aggregates'));
  if tg_op = 'DELETE' then
    perform readmodel.count_job(old.user_id, old.type, old.status, -1);
    return null;
  end if;
  if tg_op = 'INSERT' then
    perform readmodel.count_job(new.user_id, new.type, new.status, 1);
  elsif (old.user_id, old.type, old.status) is distinct from (new.user_id, new.type, new.status) then
    perform readmodel.count_job(old.user_id, old.type, old.status, -1);
    perform readmodel.count_job(new.user_id, new.type, new.status, 1);
  end if;
  if tg_op = 'INSERT'
      or (old.status, old.generation, old.attempt) is distinct from (new.status, new.generation, new.attempt) then
    perform readmodel.count_outcome(coalesce(new.finished_at, new.updated_at), new.user_id, new.type, new.status,
        case when new.status = 'done' then readmodel.duration_ms(new.started_at, new.finished_at) end);
  end if;
  -- The id only: a notification carries at most 8000 bytes, and each listener loads the rows itself.
  perform pg_notify('readmodel_jobs_changed', new.id::text);
  return null;
end $$;

create constraint trigger jobs_track_changes
  after insert or update or delete on readmodel.jobs
  deferrable initially deferred
  for each row execute function readmodel.track_job_change();

-- The jobs already projected. Past minutes are rebuilt from the history, so they hold every attempt.
insert into readmodel.job_counts (user_id, type, status, count)
select user_id, type, status, count(*) from readmodel.jobs group by user_id, type, status;

do $$
begin
  perform readmodel.count_outcome(event.occurred_at, job.user_id, job.type, event.status,
      case when event.status = 'done' then readmodel.duration_ms(event.started_at, event.occurred_at) end)
  from readmodel.job_events event join readmodel.jobs job on job.id = event.job_id
  order by event.occurred_at;
end $$;

-- The dashboard's list of recent jobs, of all users.
create index jobs_recent on readmodel.jobs (created_at desc nulls last, id desc);
