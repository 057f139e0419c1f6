-- The running slots of users, as leases: one row per attempt that holds one of its user's slots. A lease counts
-- while lease_until lies ahead; its worker renews it every few seconds and deletes it when the attempt ends, so the
-- slots of a worker that died free themselves once their leases run out.
create table processor.user_slots (
    user_id     text        not null,
    job_id      uuid        not null,
    generation  int         not null,
    attempt     int         not null,
    worker_id   text        not null,
    lease_until timestamptz not null,
    primary key (job_id, generation, attempt)
);

create index user_slots_by_user on processor.user_slots (user_id, lease_until);
create index user_slots_by_worker on processor.user_slots (worker_id);
