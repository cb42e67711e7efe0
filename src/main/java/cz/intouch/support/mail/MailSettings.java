package cz.intouch.support.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code support.mail.*}: where the support mailbox lives and how to reach it (embedded GreenMail on the default
 * run), how much of a mail is kept, how many automatic mails one address gets a day, and the recovery of mail steps
 * after an SMTP outage. Defaults in {@code application.yaml}.
 */
@ConfigurationProperties(prefix = "support.mail")
public record MailSettings(
    @DefaultValue("support@intouch-crm.cz") String supportAddress,
    @DefaultValue Embedded embedded,
    @DefaultValue Smtp smtp,
    @DefaultValue Imap imap,
    DataSize attachmentLimit,
    int autoReplyLimitPerDay,
    @DefaultValue Recovery recovery) {

  /** The same settings with another daily cap of automatic mails per address. */
  public MailSettings withAutoReplyLimitPerDay(int limit) {
    return new MailSettings(supportAddress, embedded, smtp, imap, attachmentLimit, limit, recovery);
  }

  /** Failed mail steps get their retries back every {@code checkInterval} once the SMTP server answers again. */
  public record Recovery(boolean enabled, Duration checkInterval) {}

  public record Embedded(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("127.0.0.1") String bindAddress,
      String supportPassword) {}

  public record Smtp(String host, @DefaultValue("25") int port, String user, String password,
      @DefaultValue("false") boolean tls) {}

  public record Imap(String host, @DefaultValue("143") int port, String user, String password,
      @DefaultValue("false") boolean ssl, @DefaultValue("INBOX") String folder) {

    public String protocol() {
      return ssl ? "imaps" : "imap";
    }
  }
}
