package cz.intouch.support.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code support.mail.*}: where the support mailbox lives and how to reach it (embedded GreenMail on the default
 * run), how much of a mail is kept, how many automatic mails one address gets a day, and the recovery of mail steps
 * after an SMTP outage. Defaults in {@code application.yaml} only.
 */
@ConfigurationProperties(prefix = "support.mail")
public record MailSettings(
    String supportAddress,
    Embedded embedded,
    Smtp smtp,
    Imap imap,
    DataSize attachmentLimit,
    int autoReplyLimitPerDay,
    Recovery recovery) {

  /** The same settings with another daily cap of automatic mails per address. */
  public MailSettings withAutoReplyLimitPerDay(int limit) {
    return new MailSettings(supportAddress, embedded, smtp, imap, attachmentLimit, limit, recovery);
  }

  /** Failed mail steps get their retries back every {@code checkInterval} once the SMTP server answers again. */
  public record Recovery(boolean enabled, Duration checkInterval) {}

  public record Embedded(boolean enabled, String bindAddress, String supportPassword) {}

  public record Smtp(String host, int port, String user, String password, boolean tls) {}

  public record Imap(String host, int port, String user, String password, boolean ssl, String folder) {

    public String protocol() {
      return ssl ? "imaps" : "imap";
    }
  }
}
