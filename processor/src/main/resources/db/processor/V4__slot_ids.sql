-- A slot lease is named by an id of its own. A processor hands a slot on to its user's next attempts, so the
-- attempt that took the slot may end, and even be claimed again elsewhere, while the slot is still held; job_id,
-- generation and attempt now only say which attempt took it.
alter table processor.user_slots add column slot_id uuid not null default gen_random_uuid();
alter table processor.user_slots drop constraint user_slots_pkey;
alter table processor.user_slots add primary key (slot_id);
