package cz.intouch.support.mail;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Ends the incidents an SMTP outage leaves behind, without an operator. A mail step retries by its
 * {@code failedJobRetryTimeCycle} and then waits as an incident; once the SMTP server answers again (the same
 * check as the actuator's "mail" health), every such job gets its retries back, its incident resolves and the
 * mail goes out: {@link OutboundMail} finds the PENDING row and sends it once.
 *
 * <p>A mail step is recognised by what it failed with: {@link OutboundMail} throws {@link MailSendException} when
 * the server did not take the mail. Each failed job is re-armed once per outage seen (and once after a start), so a
 * mail the server keeps refusing while it answers ends as an incident for an operator instead of looping.
 */
@Component
public class MailJobRecovery implements SmartLifecycle {

  /** What a re-armed step gets back: as many attempts as its retry cycle gives it. */
  static final int RETRIES = 3;

  private static final Logger log = LoggerFactory.getLogger(MailJobRecovery.class);
  private static final String SEND_FAILURE = MailSendException.class.getName();

  private final ManagementService management;
  private final JavaMailSender mailSender;
  private final boolean enabled;
  private final Duration checkInterval;
  /** Failed jobs already re-armed since the last outage was seen; a new outage clears it. */
  private final Set<String> rearmed = new HashSet<>();
  /**
   * Whether a failed job's trace names an SMTP send failure: read once per job, traces do not change. Shared by the
   * recovery and the operators' gauge, which reads it without waiting for a recovery's SMTP check.
   */
  private final Map<String, Boolean> mailFailures = new ConcurrentHashMap<>();
  private boolean outage;
  private volatile boolean lookFailed;
  private ScheduledExecutorService schedule;

  public MailJobRecovery(ManagementService management, JavaMailSender mailSender, MailSettings settings) {
    this.management = management;
    this.mailSender = mailSender;
    this.enabled = settings.recovery().enabled();
    this.checkInterval = settings.recovery().checkInterval();
  }

  /** One look: re-arms the failed mail steps when SMTP answers; returns how many. The schedule calls it. */
  public synchronized int recoverOnce() {
    List<Job> failed = failedMailJobs();
    if (failed.isEmpty()) {
      rearmed.clear();
      return 0;
    }
    String problem = smtpProblem();
    if (problem != null) {
      if (!outage) {
        log.warn("SMTP server does not answer ({}): {} mail steps wait as incidents; they are retried when it "
            + "answers again", problem, failed.size());
      }
      outage = true;
      rearmed.clear();
      return 0;
    }
    outage = false;
    rearmed.retainAll(failed.stream().map(Job::getId).toList());
    List<Job> due = failed.stream().filter(job -> !rearmed.contains(job.getId())).toList();
    int count = 0;
    for (Job job : due) {
      try {
        management.setJobRetries(job.getId(), RETRIES);
        count++;
      } catch (OptimisticLockingException | NullValueException gone) {
        // another node re-armed it, or the job finished meanwhile
        log.debug("Job {} not re-armed: {}", job.getId(), gone.toString());
      }
      rearmed.add(job.getId());
    }
    if (count > 0) {
      log.info("SMTP server answers: {} failed mail steps re-armed with {} retries, their incidents resolved "
          + "(process instances {})", count, RETRIES, due.stream().map(Job::getProcessInstanceId).toList());
    }
    return count;
  }

  /** Mail steps waiting as incidents: failed sending and out of retries (a gauge of MailMetrics). */
  int failedMailSteps() {
    return failedMailJobs().size();
  }

  private List<Job> failedMailJobs() {
    List<Job> failed = management.createJobQuery().noRetriesLeft().withException().list();
    mailFailures.keySet().retainAll(failed.stream().map(Job::getId).toList());
    return failed.stream()
        .filter(job -> mailFailures.computeIfAbsent(job.getId(), id -> failedSendingMail(id)))
        .toList();
  }

  private boolean failedSendingMail(String jobId) {
    String trace = management.getJobExceptionStacktrace(jobId);
    return trace != null && trace.contains(SEND_FAILURE);
  }

  /** Spring Boot's MailHealthIndicator does the same: connect and greet. Null when the server answers. */
  private String smtpProblem() {
    if (!(mailSender instanceof JavaMailSenderImpl sender)) {
      return null;
    }
    try {
      sender.testConnection();
      return null;
    } catch (MessagingException e) {
      return e.toString();
    }
  }

  private void recoverQuietly() {
    try {
      recoverOnce();
      lookFailed = false;
    } catch (RuntimeException e) {
      // the database may be away too: the next look tries again, and one line per outage is enough
      if (!lookFailed) {
        log.warn("Mail step recovery cannot look at the jobs, trying every {}: {}", checkInterval, e.toString());
      }
      lookFailed = true;
    }
  }

  @Override
  public synchronized void start() {
    if (!enabled) {
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mail-recovery");
      thread.setDaemon(true);
      return thread;
    });
    schedule.scheduleWithFixedDelay(this::recoverQuietly, checkInterval.toMillis(), checkInterval.toMillis(),
        TimeUnit.MILLISECONDS);
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
