package cz.intouch.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** What scenario tests do where the job executor is off: run due asynchronous steps, read delivered mail. */
public final class EngineTestSupport {

  private EngineTestSupport() {}

  /** Runs every asynchronous step that is due (mail sending, continuations), as the job executor would. */
  public static void runAsyncSteps(ManagementService management) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().messages().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("asynchronous steps keep coming");
  }

  /** Mails the embedded server delivered to an address, oldest first. */
  public static List<MimeMessage> mailsTo(GreenMail greenMail, String address) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }
}
