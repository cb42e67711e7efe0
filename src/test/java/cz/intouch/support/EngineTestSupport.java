package cz.intouch.support;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
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

  /** The support mailbox of every test run: it also holds the desk's own copy of each mail it sends. */
  public static final String SUPPORT_MAILBOX = "support@intouch-crm.cz";

  /**
   * What the embedded server delivered to everyone but the support mailbox, oldest first per mailbox. The desk's
   * blind copy of each mail it sends lands there and is no mail to the recipient.
   */
  public static List<MimeMessage> delivered(GreenMail greenMail) {
    List<MimeMessage> delivered = new ArrayList<>();
    for (GreenMailUser user : greenMail.getUserManager().listUser()) {
      if (!user.getEmail().equalsIgnoreCase(SUPPORT_MAILBOX)) {
        try {
          greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
              .map(StoredMessage::getMimeMessage).forEach(delivered::add);
        } catch (FolderException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return delivered;
  }

  /** Mails the embedded server delivered to an address, oldest first. */
  public static List<MimeMessage> mailsTo(GreenMail greenMail, String address) {
    return delivered(greenMail).stream().filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }
}
