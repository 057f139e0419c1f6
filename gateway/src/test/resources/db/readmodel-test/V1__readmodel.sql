create schema if not exists readmodel;

create table readmodel.jobs (
  id uuid primary key,
  user_id text,                 -- null only for invalid direct records that named no user
  type text,
  payload jsonb,
  status text not null,         -- JobStatus wire name
  generation int not null,
  attempt int not null,         -- attempts started in the current generation (0 while pending)
  max_retries int,
  result jsonb,
  last_error jsonb,             -- {"type","message","stack"} as JobError JSON
  worker_id text,
  trace_id text,
  created_at timestamptz,
  started_at timestamptz,       -- start of the latest attempt
  finished_at timestamptz,
  next_attempt_at timestamptz,
  updated_at timestamptz not null
);
create index jobs_by_user on readmodel.jobs (user_id, created_at desc, id desc);
create table readmodel.job_events (        -- the history: one row per distinct event
  job_id uuid not null, generation int not null, attempt int not null, status text not null,
  occurred_at timestamptz not null, worker_id text, started_at timestamptz, error jsonb, result jsonb,
  primary key (job_id, generation, attempt, status)
);
