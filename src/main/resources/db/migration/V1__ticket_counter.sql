-- Ticket numbers TS-YYYY-NNNNNN: one counter row per year of receipt. Incrementing the row under its
-- update lock keeps numbers unique across every node sharing the database.
CREATE TABLE sd_ticket_counter (
  counter_year INTEGER NOT NULL PRIMARY KEY,
  last_number  INTEGER NOT NULL
);
