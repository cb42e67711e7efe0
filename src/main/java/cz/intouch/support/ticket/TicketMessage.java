package cz.intouch.support.ticket;

import java.time.Instant;

/** One message of a ticket as stored in sd_ticket_message; direction IN or OUT. */
public record TicketMessage(
    long id,
    String ticketNumber,
    String direction,
    String kind,
    String channel,
    String sender,
    String recipient,
    String subject,
    String body,
    String messageId,
    Instant occurredAt) {}
