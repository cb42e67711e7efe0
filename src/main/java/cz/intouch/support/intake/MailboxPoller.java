package cz.intouch.support.intake;

import cz.intouch.support.mail.CommitDurability;
import cz.intouch.support.mail.MailSettings;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
  private static final Pattern THREAD_HINT =
      Pattern.compile("(?im)^(In-Reply-To|References)\\s*:|TS-\\d{4}-\\d{6}");

  private final MailSettings mail;
  private final MailIntakeSettings settings;
  private final MailIntake intake;
  private final CommitDurability durability;
  private ScheduledExecutorService schedule;
  private ExecutorService workers;
  private Store store;
  private volatile Consumer<String> afterCommit = key -> {};

  public MailboxPoller(MailSettings mail, MailIntakeSettings settings, MailIntake intake,
      CommitDurability durability) {
    this.mail = mail;
    this.settings = settings;
    this.intake = intake;
    this.durability = durability;
  }

  /** Polls until the INBOX is empty or a poll fails; the scheduled job and tests call this. */
  public synchronized PollReport pollOnce() throws MessagingException, IOException {
    Map<MailIntake.Outcome, Integer> outcomes = new EnumMap<>(MailIntake.Outcome.class);
    int fetched = 0;
    int failed = 0;
    long fetchNanos = 0;
    long handleNanos = 0;
    long moveNanos = 0;
    Folder inbox = connect().getFolder(mail.imap().folder());
    inbox.open(Folder.READ_WRITE);
    try {
      while (true) {
        int count = inbox.getMessageCount();
        if (count == 0) {
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
        long handling = System.nanoTime();
        fetchNanos += handling - began;

        List<Message> done = handle(mails, outcomes);
        failed += batch.length - done.size();
        long moving = System.nanoTime();
        handleNanos += moving - handling;
        if (!done.isEmpty()) {
          // the ledger rows must outlive a crash before the mails leave the INBOX, or a crash loses the mail
          durability.await();
          Message[] moved = done.toArray(Message[]::new);
          inbox.setFlags(moved, new Flags(Flags.Flag.SEEN), true);
          inbox.copyMessages(moved, processedFolder());
          inbox.setFlags(moved, new Flags(Flags.Flag.DELETED), true);
          inbox.expunge();
        }
        moveNanos += System.nanoTime() - moving;
        if (done.size() < batch.length) {
          break; // leave the failed ones for the next poll instead of spinning on them
        }
      }
    } finally {
      if (inbox.isOpen()) {
        inbox.close(false);
      }
    }
    return new PollReport(fetched, outcomes, failed, fetchNanos / 1_000_000, handleNanos / 1_000_000,
        moveNanos / 1_000_000);
  }

  private List<Message> handle(List<Fetched> batch, Map<MailIntake.Outcome, Integer> outcomes) {
    List<Fetched> independent = new ArrayList<>();
    List<Fetched> threaded = new ArrayList<>();
    for (Fetched mail : batch) {
      (THREAD_HINT.matcher(mail.headerBlock()).find() ? threaded : independent).add(mail);
    }
    List<Future<MailIntake.Result>> results = new ArrayList<>();
    for (Fetched mail : independent) {
      results.add(workers().submit(() -> intake.handle(mail.raw(), mail.receivedAt())));
    }
    List<Message> done = new ArrayList<>();
    for (int i = 0; i < independent.size(); i++) {
      MailIntake.Result result = await(results.get(i), independent.get(i));
      if (result != null) {
        committed(result, outcomes);
        done.add(independent.get(i).message());
      }
    }
    for (Fetched mail : threaded) {
      try {
        committed(intake.handle(mail.raw(), mail.receivedAt()), outcomes);
        done.add(mail.message());
      } catch (RuntimeException e) {
        log.error("Mail #{} not handled, stays in the INBOX for the next poll", mail.message().getMessageNumber(), e);
      }
    }
    return done;
  }

  private void committed(MailIntake.Result result, Map<MailIntake.Outcome, Integer> outcomes) {
    afterCommit.accept(result.mailKey());
    outcomes.merge(result.outcome(), 1, Integer::sum);
  }

  private MailIntake.Result await(Future<MailIntake.Result> result, Fetched mail) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while handling mail", e);
    } catch (ExecutionException e) {
      log.error("Mail #{} not handled, stays in the INBOX for the next poll", mail.message().getMessageNumber(),
          e.getCause());
      return null;
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
        : ClockUtil.getCurrentTime().toInstant();
    return new Fetched(message, raw.toByteArray(), receivedAt);
  }

  private Folder processedFolder() throws MessagingException {
    Folder processed = store.getFolder(settings.processedFolder());
    if (!processed.exists()) {
      processed.create(Folder.HOLDS_MESSAGES);
    }
    return processed;
  }

  private Store connect() throws MessagingException {
    if (store != null && store.isConnected()) {
      return store;
    }
    MailSettings.Imap imap = mail.imap();
    Properties properties = new Properties();
    String protocol = imap.protocol();
    properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    properties.setProperty("mail." + protocol + ".timeout", "60000");
    // whole messages in one response rather than 16 KB slices
    properties.setProperty("mail." + protocol + ".partialfetch", "false");
    Store connected = Session.getInstance(properties).getStore(protocol);
    connected.connect(imap.host(), imap.port(), imap.user(), imap.password());
    store = connected;
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
    schedule.scheduleWithFixedDelay(this::pollQuietly, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    log.info("Polling {} at {}:{} every {}", mail.imap().folder(), mail.imap().host(), mail.imap().port(),
        settings.pollInterval());
  }

  private void pollQuietly() {
    try {
      PollReport report = pollOnce();
      if (report.fetched() > 0) {
        log.info("Mail poll: {} fetched, {}, {} failed; fetch {} ms, intake {} ms, move {} ms", report.fetched(),
            report.outcomes(), report.failed(), report.fetchMillis(), report.handleMillis(), report.moveMillis());
      }
    } catch (Exception e) {
      log.warn("Mail poll failed, retrying in {}: {}", settings.pollInterval(), e.toString());
      disconnect();
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
    }
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
