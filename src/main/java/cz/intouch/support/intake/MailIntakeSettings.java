package cz.intouch.support.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the support INBOX is read.
 *
 * @param processedFolder where handled mails are moved, so the INBOX holds only what is still to do
 * @param ownCopiesFolder where the desk's own copies of the mails it sent are filed, apart from the intake (the
 *     evidence that the server accepted them: {@link cz.intouch.support.mail.OwnCopies})
 * @param batchSize mails fetched per poll (one IMAP FETCH for all of them)
 * @param workers mails handled in parallel, each in its own transaction
 * @param maxBackOff longest pause between polls while the mailbox or the database cannot be reached (the pause
 *     doubles from the poll interval up to it)
 * @param leaseTime how long a node's claim to read the mailbox lasts without renewal: when the reading node dies,
 *     another takes over after at most this (see {@link MailboxLease}); keep it at two or three poll intervals
 */
@ConfigurationProperties(prefix = "support.mail.intake") // defaults in application.yaml
public record MailIntakeSettings(
    boolean enabled,
    Duration pollInterval,
    String processedFolder,
    String ownCopiesFolder,
    int batchSize,
    int workers,
    Duration maxBackOff,
    Duration leaseTime) {}
