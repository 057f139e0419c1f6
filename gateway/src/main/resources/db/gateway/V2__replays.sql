-- One row per replay of a dead job out of the dead-letter queue, keyed by the generation the replay starts.
-- Inserting the row is what entitles a request to publish that generation, so of two concurrent replays of the
-- same dead job exactly one gets to publish it. A row whose replay was never published (the gateway stopped on
-- the way) is taken over by the next replay once it is older than twice the publish timeout.
create table gateway.replays (
    job_id       uuid        not null,
    generation   int         not null,
    requested_at timestamptz not null,
    published_at timestamptz,
    primary key (job_id, generation)
);
