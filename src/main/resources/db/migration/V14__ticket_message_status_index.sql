-- The operators' outbox backlog gauge counts PENDING outgoing rows every few seconds; the table keeps every message
-- ever sent, so the count reads this index rather than the whole table.
CREATE INDEX sd_ticket_message_status ON sd_ticket_message (status, direction);
