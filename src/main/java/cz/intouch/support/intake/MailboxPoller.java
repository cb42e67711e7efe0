package cz.intouch.support.intake;

import cz.intouch.support.mail.CommitDurability;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketNumber;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the support INBOX over one IMAP connection. Each poll fetches a batch in one FETCH (INTERNALDATE and
 * the whole message), lets {@link MailIntake} handle every mail in its own transaction, and only then marks
 * the committed ones \Seen, copies them to the processed folder and expunges them from the INBOX.
 *
 * <p>A crash anywhere leaves the mail in the INBOX: before the commit nothing happened, after it the next poll
 * finds the mail key in the ledger and only moves the mail. Mails leave the INBOX only once their commits are
 * durable ({@link CommitDurability}). Mails that continue a thread (a ticket tag, or
 * In-Reply-To/References) are handled after the batch's new requests and one by one, so a reply never
 * overtakes the mail it answers.
 */
@Component
public class MailboxPoller implements SmartLifecycle {

  /** What a poll did, with where its time went (IMAP fetch, intake transactions, moving on the server). */
  public record PollReport(int fetched, Map<MailIntake.Outcome, Integer> outcomes, int failed, long fetchMillis,
      long handleMillis, long moveMillis) {}

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
  private static final Pattern THREAD_HEADER = Pattern.compile("(?im)^(In-Reply-To|References)\\s*:");

  private final MailSettings mail;
  private final MailIntakeSettings settings;
  private final MailIntake intake;
  private final CommitDurability durability;
  private ScheduledExecutorService schedule;
  private ExecutorService workers;
  private Store store;
  private volatile Consumer<String> afterCommit = key -> {};
  private final PollBackOff backOff;
  private final MailboxLease lease;
  /** Tells the desk's own copies of its mails, which are filed apart rather than taken in. */
  private final OutboundMail outbound;
  /** INTERNALDATE of the oldest mail in the INBOX when last looked; null when it was empty (the intake lag). */
  private volatile Instant oldestWaiting;
  /** When a poll last went through the INBOX (the start, before the first). */
  private volatile Instant lastPolledAt = DeskTime.now();

  public MailboxPoller(MailSettings mail, MailIntakeSettings settings, MailIntake intake,
      CommitDurability durability, MailboxLease lease, OutboundMail outbound) {
    this.outbound = outbound;
    this.lease = lease;
    this.mail = mail;
    this.settings = settings;
    this.intake = intake;
    this.backOff = new PollBackOff(settings.pollInterval(), settings.maxBackOff());
    this.durability = durability;
  }

  /**
   * Polls until the INBOX is empty or a poll fails; the scheduled job and tests call this. Does nothing while
   * another node of the cluster reads the mailbox ({@link MailboxLease}).
   */
  public synchronized PollReport pollOnce() throws MessagingException, IOException {
    Map<MailIntake.Outcome, Integer> outcomes = new EnumMap<>(MailIntake.Outcome.class);
    int fetched = 0;
    int failed = 0;
    long fetchNanos = 0;
    long handleNanos = 0;
    long moveNanos = 0;
    if (!lease.acquire(mailboxName())) {
      return new PollReport(0, outcomes, 0, 0, 0, 0);
    }
    MailboxLease.Heartbeat heartbeat = lease.keepWhilePolling(mailboxName());
    Folder inbox;
    try {
      inbox = connect().getFolder(mail.imap().folder());
      inbox.open(Folder.READ_WRITE);
    } catch (MessagingException | RuntimeException e) {
      heartbeat.stop();
      throw e;
    }
    try {
      while (true) {
        int count = inbox.getMessageCount();
        if (count == 0 || !heartbeat.held()) {
          break;
        }
        long began = System.nanoTime();
        Message[] batch = inbox.getMessages(1, Math.min(count, settings.batchSize()));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
        inbox.fetch(batch, profile);
        fetched += batch.length;
        List<Fetched> mails = new ArrayList<>();
        for (Message message : batch) {
          mails.add(fetched(message));
        }
        // the batch is the head of the INBOX in arrival order: while it is handled, its oldest mail is the oldest
        oldestWaiting = mails.stream().map(Fetched::receivedAt).min(Instant::compareTo).orElse(null);
        long handling = System.nanoTime();
        fetchNanos += handling - began;

        List<Message> ownCopies = new ArrayList<>();
        mails.removeIf(fetchedMail -> ownCopy(fetchedMail) && ownCopies.add(fetchedMail.message()));
        List<Message> done;
        try {
          done = handle(mails, outcomes);
        } catch (DatabaseUnavailableException e) {
          move(inbox, e.committed, ownCopies);
          throw e;
        }
        failed += mails.size() - done.size();
        long moving = System.nanoTime();
        handleNanos += moving - handling;
        move(inbox, done, ownCopies);
        moveNanos += System.nanoTime() - moving;
        if (done.size() < mails.size()) {
          break; // leave the failed ones for the next poll instead of spinning on them
        }
      }
    } finally {
      heartbeat.stop();
      if (inbox.isOpen()) {
        lookAtWhatIsLeft(inbox);
        inbox.close(false);
      }
    }
    lastPolledAt = DeskTime.now();
    return new PollReport(fetched, outcomes, failed, fetchNanos / 1_000_000, handleNanos / 1_000_000,
        moveNanos / 1_000_000);
  }

  /**
   * Notes the oldest INTERNALDATE among the mails a poll leaves in the INBOX (those that failed, or arrived during it),
   * from one FETCH of the dates of the first batch (arrival order: the oldest is there) on the poll's own connection:
   * the intake lag gauge never reaches the mail server. Never fails: it runs also when the poll failed.
   */
  private void lookAtWhatIsLeft(Folder inbox) {
    try {
      int count = inbox.getMessageCount();
      if (count == 0) {
        oldestWaiting = null;
        return;
      }
      Message[] left = inbox.getMessages(1, Math.min(count, settings.batchSize()));
      FetchProfile dates = new FetchProfile();
      dates.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
      inbox.fetch(left, dates);
      Instant oldest = null;
      for (Message message : left) {
        Date received = message.getReceivedDate();
        if (received != null && (oldest == null || received.toInstant().isBefore(oldest))) {
          oldest = received.toInstant();
        }
      }
      oldestWaiting = oldest;
    } catch (MessagingException | RuntimeException e) {
      // the connection may be what failed the poll: the last known oldest mail stands, the lag keeps growing
      log.debug("INBOX not looked at after the poll: {}", e.toString());
    }
  }

  /** INTERNALDATE of the oldest mail still in the INBOX at the last poll; empty when none was left. */
  Optional<Instant> oldestWaiting() {
    return Optional.ofNullable(oldestWaiting);
  }

  /** When a poll last went through the INBOX without failing; the start of the desk before the first poll. */
  Instant lastPolledAt() {
    return lastPolledAt;
  }

  private void move(Folder inbox, List<Message> done, List<Message> ownCopies) throws MessagingException {
    if (!done.isEmpty()) {
      // the ledger rows must outlive a crash before the mails leave the INBOX, or a crash loses the mail
      durability.await();
      Message[] moved = done.toArray(Message[]::new);
      inbox.setFlags(moved, new Flags(Flags.Flag.SEEN), true);
      inbox.copyMessages(moved, folder(settings.processedFolder()));
      inbox.setFlags(moved, new Flags(Flags.Flag.DELETED), true);
    }
    if (!ownCopies.isEmpty()) {
      Message[] copies = ownCopies.toArray(Message[]::new);
      inbox.setFlags(copies, new Flags(Flags.Flag.SEEN), true);
      inbox.copyMessages(copies, folder(settings.ownCopiesFolder()));
      inbox.setFlags(copies, new Flags(Flags.Flag.DELETED), true);
    }
    if (!done.isEmpty() || !ownCopies.isEmpty()) {
      inbox.expunge();
    }
  }

  private boolean ownCopy(Fetched fetchedMail) {
    try {
      return outbound.isOwnCopy(fetchedMail.message());
    } catch (MessagingException e) {
      return false; // the intake keeps and flags what cannot be read
    }
  }

  private List<Message> handle(List<Fetched> batch, Map<MailIntake.Outcome, Integer> outcomes) {
    List<Fetched> independent = new ArrayList<>();
    List<Fetched> threaded = new ArrayList<>();
    for (Fetched mail : batch) {
      boolean continuesATicket = THREAD_HEADER.matcher(mail.headerBlock()).find()
          || TicketNumber.mentionedIn(mail.headerBlock());
      (continuesATicket ? threaded : independent).add(mail);
    }
    List<Future<MailIntake.Result>> results = new ArrayList<>();
    for (Fetched mail : independent) {
      results.add(workers().submit(() -> intake.handle(mail.raw(), mail.receivedAt())));
    }
    List<Message> done = new ArrayList<>();
    RuntimeException databaseDown = null;
    for (int i = 0; i < independent.size(); i++) {
      MailIntake.Result result;
      try {
        result = await(results.get(i));
      } catch (RuntimeException e) {
        if (DatabaseFailures.unavailable(e)) {
          databaseDown = e; // one line for the outage (PollBackOff), not a stack trace per mail
        } else {
          log.error("Mail #{} not handled, stays in the INBOX for the next poll",
              independent.get(i).message().getMessageNumber(), e);
        }
        continue;
      }
      committed(result, outcomes);
      done.add(independent.get(i).message());
    }
    for (Fetched mail : databaseDown == null ? threaded : List.<Fetched>of()) {
      try {
        committed(intake.handle(mail.raw(), mail.receivedAt()), outcomes);
        done.add(mail.message());
      } catch (RuntimeException e) {
        if (DatabaseFailures.unavailable(e)) {
          databaseDown = e;
          break;
        }
        log.error("Mail #{} not handled, stays in the INBOX for the next poll", mail.message().getMessageNumber(), e);
      }
    }
    if (databaseDown != null) {
      // what committed before is moved; the rest waits in the INBOX until the database is back
      throw new DatabaseUnavailableException(done, databaseDown);
    }
    return done;
  }

  /** The database cannot be reached: the poll stops and backs off, the mails not committed stay in the INBOX. */
  static final class DatabaseUnavailableException extends RuntimeException {

    private final transient List<Message> committed;

    DatabaseUnavailableException(List<Message> committed, Throwable cause) {
      super("Database unavailable: " + DatabaseFailures.describe(cause), cause);
      this.committed = committed;
    }
  }

  private void committed(MailIntake.Result result, Map<MailIntake.Outcome, Integer> outcomes) {
    afterCommit.accept(result.mailKey());
    outcomes.merge(result.outcome(), 1, Integer::sum);
  }

  private static MailIntake.Result await(Future<MailIntake.Result> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while handling mail", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    }
  }

  private record Fetched(Message message, byte[] raw, Instant receivedAt) {

    String headerBlock() {
      String text = new String(raw, 0, Math.min(raw.length, 16_384), java.nio.charset.StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? text : text.substring(0, end);
    }
  }

  private static Fetched fetched(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    // INTERNALDATE: when the server received it; only a server without one makes us fall back to now
    Instant receivedAt = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
        : DeskTime.now();
    return new Fetched(message, raw.toByteArray(), receivedAt);
  }

  private Folder folder(String name) throws MessagingException {
    Folder folder = store.getFolder(name);
    if (!folder.exists()) {
      folder.create(Folder.HOLDS_MESSAGES);
    }
    return folder;
  }

  private Store connect() throws MessagingException {
    if (store != null && store.isConnected()) {
      return store;
    }
    store = MailboxConnection.open(mail.imap());
    return store;
  }

  /** Test seam: runs after a mail's transaction committed and before the mail is moved on the server. */
  void afterCommit(Consumer<String> hook) {
    this.afterCommit = hook == null ? key -> {} : hook;
  }

  private synchronized ExecutorService workers() {
    if (workers == null) {
      workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), runnable -> {
        Thread thread = new Thread(runnable, "mail-intake");
        thread.setDaemon(true);
        return thread;
      });
    }
    return workers;
  }

  @Override
  public synchronized void start() {
    if (!settings.enabled()) {
      log.info("Mail intake disabled (support.mail.intake.enabled=false)");
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "mail-poller"));
    schedule.schedule(this::pollAndReschedule, 0, TimeUnit.MILLISECONDS);
    log.info("Polling {} at {}:{} every {}", mail.imap().folder(), mail.imap().host(), mail.imap().port(),
        settings.pollInterval());
  }

  private void pollAndReschedule() {
    Duration next = settings.pollInterval();
    try {
      PollReport report = pollOnce();
      if (report.fetched() > 0) {
        log.info("Mail poll: {} fetched, {}, {} failed; fetch {} ms, intake {} ms, move {} ms", report.fetched(),
            report.outcomes(), report.failed(), report.fetchMillis(), report.handleMillis(), report.moveMillis());
      }
      backOff.succeeded();
    } catch (Exception e) {
      if (!(e instanceof DatabaseUnavailableException)) {
        disconnect(); // the IMAP connection may be what broke
      }
      next = backOff.failed(e);
    } finally {
      reschedule(next);
    }
  }

  private synchronized void reschedule(Duration delay) {
    if (schedule != null && !schedule.isShutdown()) {
      schedule.schedule(this::pollAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = schedule;
      schedule = null;
    }
    if (running != null) {
      running.shutdown();
      try {
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (workers != null) {
        workers.shutdown();
        workers = null;
      }
      disconnect();
      if (settings.enabled()) {
        try {
          lease.release(mailboxName());
        } catch (RuntimeException e) {
          log.debug("Releasing the mailbox lease: {}", e.toString()); // it runs out by itself
        }
      }
    }
  }

  /** The mailbox as the cluster's nodes name it: the same account and folder on every node. */
  private String mailboxName() {
    return mail.imap().user() + "/" + mail.imap().folder();
  }

  private synchronized void disconnect() {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException e) {
        log.debug("Closing the IMAP connection: {}", e.toString());
      }
      store = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return schedule != null;
  }

  /** Starts after the mail server and the engine, stops before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 10_000;
  }
}
