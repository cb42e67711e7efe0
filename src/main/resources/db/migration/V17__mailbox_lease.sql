-- Which node reads a mailbox: the one whose lease has not expired. Nodes renew it on every poll; a node that
-- dies stops renewing and another one takes over once expires_at has passed (database time, not node clocks).
CREATE TABLE sd_mailbox_lease (
  mailbox     VARCHAR(320)  NOT NULL PRIMARY KEY,
  holder      VARCHAR(200)  NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
