-- Who vouched for a contact as an extranet account holder: IMPORT (listed by staff in the customer import) or AGENT
-- (confirmed by a support agent in Tasklist). NULL for a person learnt from a ticket: anyone can name a new person
-- of a known company, so such a contact serves identification only and gets no account.
ALTER TABLE sd_contact ADD COLUMN address_verified_by VARCHAR(16);
ALTER TABLE sd_contact ADD CONSTRAINT sd_contact_address_verified_by_ck
  CHECK (address_verified_by IN ('IMPORT', 'AGENT'));
UPDATE sd_contact SET address_verified_by = 'IMPORT' WHERE source = 'IMPORT';

-- Failed logins are counted per client address and per (login name, client address): guessing from one address
-- slows down that address and never locks the owner out elsewhere, and an unknown name is counted like an existing
-- one. SHA-256 (hex) of the lower-case name typed, so the table keeps no typed names. NULL for rows from before.
ALTER TABLE sd_extranet_login_failure ADD COLUMN username_hash VARCHAR(64);
CREATE INDEX sd_extranet_login_failure_username_ix ON sd_extranet_login_failure (username_hash, address, failed_at);

-- The per-account lock-out is gone (it let anyone lock a customer out and told which names have an account).
ALTER TABLE sd_extranet_account DROP COLUMN failed_logins;
ALTER TABLE sd_extranet_account DROP COLUMN locked_until;
