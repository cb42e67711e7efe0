-- Every open ticket keeps its SLA timers in ACT_RU_JOB. The job executor asks for the jobs due now (due date empty
-- or passed) several times a second; without an index on the due date each question reads the whole table
-- (100,000 open tickets, 145,000 jobs: 507 ms -> 0.1 ms on PostgreSQL, which answers "is null or <=" from one index).
CREATE INDEX sd_job_due ON ACT_RU_JOB (DUEDATE_);
-- Failed jobs (no retries left) for the operators' metric and Cockpit's incidents: a few among all the timers.
CREATE INDEX sd_job_retries ON ACT_RU_JOB (RETRIES_);
