-- One row per job attempt a processor claimed; a finished row keeps the attempt from running again.
create table processor.job_runs (
    job_id      uuid        not null,
    generation  int         not null,
    attempt     int         not null,
    worker_id   text        not null,
    claimed_at  timestamptz not null,
    finished_at timestamptz,
    primary key (job_id, generation, attempt)
);

create index job_runs_by_finished_at on processor.job_runs (finished_at) where finished_at is not null;
