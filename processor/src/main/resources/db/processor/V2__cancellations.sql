-- Jobs someone asked to cancel, per replay generation: no later record of that generation runs.
create table processor.cancellations (
    job_id       uuid        not null,
    generation   int         not null,
    requested_at timestamptz not null,
    primary key (job_id, generation)
);

create index cancellations_by_requested_at on processor.cancellations (requested_at);
