-- The SLA report's own copy of what it needs of each ticket (report.SlaTickets, issue 13): one row per ticket
-- process, written in the engine's transaction when the ticket starts, when one of its tasks is created, changed,
-- completed or deleted, and when it ends. The report reads this table alone instead of joining Camunda's history
-- tables and variables (100,000 open tickets: 874 ms). Tickets from before this table are copied from the history
-- once the engine's schema exists (db/engine-indexes/common/V5__sla_ticket_backfill.sql).
CREATE TABLE sd_sla_ticket (
  process_instance_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
  ticket_number        VARCHAR(255),
  company_name         VARCHAR(500),
  -- the urgency variable (Urgency's name), NULL before triage
  urgency              VARCHAR(40),
  received_at          TIMESTAMP WITH TIME ZONE,
  warning_at           TIMESTAMP WITH TIME ZONE,
  -- the latest "Zahájit řešení" task of the ticket (a reclassified ticket had one per classification): its due date,
  -- whether it is still open, when it ended and, when it was completed (the start of resolution), when
  deadline             TIMESTAMP WITH TIME ZONE,
  waiting              BOOLEAN       DEFAULT FALSE NOT NULL,
  initiation_ended_at  TIMESTAMP WITH TIME ZONE,
  started_at           TIMESTAMP WITH TIME ZONE,
  -- an open task of the ticket has the group among its candidates (the report's two levels of support)
  for_agents           BOOLEAN       DEFAULT FALSE NOT NULL,
  for_specialists      BOOLEAN       DEFAULT FALSE NOT NULL,
  closed_at            TIMESTAMP WITH TIME ZONE
);

-- open tickets by urgency and group: read from the index alone while closed tickets pile up
CREATE INDEX sd_sla_ticket_open ON sd_sla_ticket (closed_at, urgency, for_agents, for_specialists);
-- compliance by week of the deadline
CREATE INDEX sd_sla_ticket_deadline ON sd_sla_ticket (deadline);
-- waiting tickets past their warning, and past their deadline
CREATE INDEX sd_sla_ticket_warned ON sd_sla_ticket (waiting, warning_at);
CREATE INDEX sd_sla_ticket_breached ON sd_sla_ticket (waiting, deadline);
-- time to start: the tickets started in the window
CREATE INDEX sd_sla_ticket_started ON sd_sla_ticket (started_at);
-- TicketRetention removes a ticket's rows by its number
CREATE INDEX sd_sla_ticket_number ON sd_sla_ticket (ticket_number);
