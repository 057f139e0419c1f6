-- The per-attempt timeout a job's record names, so that the gateway can show it and replay the job with it.
-- Null when the record names none and the processor's default applies.
alter table readmodel.jobs add column timeout_seconds int;
