package cz.intouch.support.sla;

import cz.intouch.support.mail.CzechFormats;
import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.sla.StaffNotices.Kind;
import cz.intouch.support.sla.StaffNotices.Notice;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the staff their SLA notices as one digest mail per recipient every {@code support.sla.digest-interval}, so
 * a timer storm (all of yesterday's serious tickets breach at 16:00) becomes one mail per person, not one per ticket.
 *
 * <p>Once across a cluster: a run claims a recipient's notices with one UPDATE under a fresh token, sends what
 * that token holds and marks it sent; another node's UPDATE finds the rows claimed and takes nothing. A node that
 * dies between claiming and sending leaves the claim, which any run takes again once it is older than
 * {@code support.sla.digest-claim-timeout}. A crash after the SMTP server took the digest and before it was marked
 * sent sends it again (at least once in that window, as for every mail).
 */
@Component
public class SlaDigest implements SmartLifecycle {

  /** A recipient with more notices gets several digests of this size in the same run. */
  static final int MAX_NOTICES_PER_MAIL = 500;

  private static final Logger log = LoggerFactory.getLogger(SlaDigest.class);

  private final StaffNotices notices;
  private final OutboundMail outbound;
  private final SlaDigestSettings settings;
  private ScheduledExecutorService schedule;

  SlaDigest(StaffNotices notices, OutboundMail outbound, SlaDigestSettings settings) {
    this.notices = notices;
    this.outbound = outbound;
    this.settings = settings;
  }

  /** One run: sends every recipient the digest of their unsent notices; returns how many digests went out. */
  public int sendDue() {
    Instant now = DeskTime.now();
    Instant staleBefore = now.minus(settings.digestClaimTimeout());
    int sent = 0;
    for (String recipient : notices.recipientsDue(staleBefore)) {
      while (true) {
        String token = UUID.randomUUID().toString();
        int claimed = notices.claim(recipient, token, now, staleBefore, MAX_NOTICES_PER_MAIL);
        if (claimed == 0) {
          break; // another sender took them
        }
        try {
          send(recipient, token, notices.claimed(token));
        } catch (RuntimeException e) {
          notices.release(token);
          log.warn("SLA digest to {} not sent, kept for the next run: {}", recipient, e.toString());
          break;
        }
        notices.markSent(token, DeskTime.now());
        sent++;
        if (claimed < MAX_NOTICES_PER_MAIL) {
          break;
        }
      }
    }
    return sent;
  }

  private void send(String recipient, String token, List<Notice> claimed) {
    List<String> breaches = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Set<String> tickets = new LinkedHashSet<>();
    Set<String> lines = new LinkedHashSet<>(); // the same notice twice (a repeated step) is listed once
    for (Notice notice : claimed) {
      tickets.add(notice.ticketNumber());
      String line = line(notice);
      if (lines.add(notice.kind() + line)) {
        (notice.kind() == Kind.SLA_BREACHED ? breaches : warnings).add(line);
      }
    }
    outbound.sendStaffDigest(MessageKind.SLA_DIGEST, recipient, List.copyOf(tickets), Map.of(
        "breachCount", breaches.size(), "warningCount", warnings.size(),
        "breaches", breaches, "warnings", warnings), token);
  }

  /** "TS-2026-000123 – Strojírny Hořice – závažný problém – nejpozději do pondělí 30. listopadu 2026 16:00 – …" */
  static String line(Notice notice) {
    StringBuilder line = new StringBuilder(notice.ticketNumber());
    line.append(" – ").append(notice.companyName() == null || notice.companyName().isBlank()
        ? "společnost neuvedena" : notice.companyName());
    if (notice.urgency() != null) {
      line.append(" – ").append(Urgency.czechOf(notice.urgency()));
    }
    if (notice.slaDeadline() != null) {
      line.append(" – nejpozději ").append(CzechFormats.until(notice.slaDeadline().atZone(DeskTime.ZONE)));
    }
    if (notice.taskUrl() != null && !notice.taskUrl().isBlank()) {
      line.append(" – ").append(notice.taskUrl());
    }
    return line.toString();
  }

  private void sendQuietly() {
    try {
      int sent = sendDue();
      if (sent > 0) {
        log.info("Sent {} SLA digests", sent);
      }
    } catch (RuntimeException e) {
      // the database may be away: the next run tries again
      log.warn("SLA digest run failed, trying again in {}: {}", settings.digestInterval(), e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (!settings.digestEnabled()) {
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sla-digest");
      thread.setDaemon(true);
      return thread;
    });
    long interval = settings.digestInterval().toMillis();
    schedule.scheduleWithFixedDelay(this::sendQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
      schedule = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return schedule != null;
  }
}
