-- Test-only copy of the projector's migration that adds each job's per-attempt timeout.
alter table readmodel.jobs add column timeout_seconds int;
