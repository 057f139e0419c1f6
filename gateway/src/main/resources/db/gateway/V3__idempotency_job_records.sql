-- The job record a claimed key stands for, kept from the moment the key is claimed, so that a submission repeated
-- after a failed or interrupted publish republishes the same job (same id) instead of creating a second one.
-- 'publish-failed' marks a key whose job Kafka did not acknowledge; claimed_at is when the current request
-- took the key, which tells an abandoned 'accepting' claim from one still in progress.
alter table gateway.idempotency_keys add column job_record json;
alter table gateway.idempotency_keys add column claimed_at timestamptz;
update gateway.idempotency_keys set claimed_at = created_at;
alter table gateway.idempotency_keys alter column claimed_at set not null;

alter table gateway.idempotency_keys drop constraint idempotency_keys_state_check;
alter table gateway.idempotency_keys add constraint idempotency_keys_state_check
    check (state in ('accepting', 'publish-failed', 'accepted'));
