-- One row per user and Idempotency-Key: the body it was first used with, the job it stands for, and the
-- response to replay. A row is 'accepting' while its job is being published and 'accepted' once Kafka has it.
create table gateway.idempotency_keys (
    user_id         text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    job_id          uuid        not null,
    response        json,
    state           text        not null check (state in ('accepting', 'accepted')),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (user_id, idempotency_key)
);

create index idempotency_keys_by_expiry on gateway.idempotency_keys (expires_at);
