-- The extranet's "Naše požadavky" finds a company's tickets by their companyId variable: without this the database
-- reads every ticket's history (100,000 tickets: 480 ms -> 21 ms).
CREATE INDEX sd_hi_var_company ON ACT_HI_VARINST (TEXT_) WHERE NAME_ = 'companyId';
-- The SLA report counts the open tickets by urgency: read from the index alone instead of one heap page per ticket
-- (100,000 open tickets: 520 ms -> 100 ms).
CREATE INDEX sd_hi_var_urgency ON ACT_HI_VARINST (PROC_INST_ID_) INCLUDE (TEXT_, EXECUTION_ID_)
  WHERE NAME_ = 'urgency' AND STATE_ = 'CREATED';
-- The SLA report's breached and warned tickets: the open tasks by deadline, not every task of every ticket.
CREATE INDEX sd_hi_task_open_due ON ACT_HI_TASKINST (DUE_DATE_) WHERE END_TIME_ IS NULL;
-- ... and the tickets whose warning has passed, looked up by the warning's time among the recent ones
-- (100,000 open tickets: 504 ms -> 50 ms).
CREATE INDEX sd_hi_var_warning ON ACT_HI_VARINST (LONG_) INCLUDE (PROC_INST_ID_, EXECUTION_ID_)
  WHERE NAME_ = 'slaWarningAt' AND STATE_ = 'CREATED';
