-- Marking an attempt finished rewrites its row in place (a heap-only update) when no index covers finished_at and
-- the row's page has room: the clean-up finds old rows by claimed_at instead, and pages keep half their space free
-- for the finishing writes that follow each claim.
drop index processor.job_runs_by_finished_at;
create index job_runs_by_claimed_at on processor.job_runs (claimed_at);
alter table processor.job_runs set (fillfactor = 50);
