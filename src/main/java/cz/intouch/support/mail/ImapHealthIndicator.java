package cz.intouch.support.mail;

import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Health of the support mailbox: the IMAP login that intake depends on (SMTP is Spring Boot's own "mail" check). */
@Component("supportMailbox")
public class ImapHealthIndicator extends AbstractHealthIndicator {

  private final MailSettings settings;

  public ImapHealthIndicator(MailSettings settings) {
    super("Support mailbox (IMAP) health check failed");
    this.settings = settings;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    MailSettings.Imap imap = settings.imap();
    Properties props = new Properties();
    props.put("mail." + imap.protocol() + ".connectiontimeout", "5000");
    props.put("mail." + imap.protocol() + ".timeout", "5000");
    Store store = Session.getInstance(props).getStore(imap.protocol());
    try {
      store.connect(imap.host(), imap.port(), imap.user(), imap.password());
      builder.up().withDetail("location", imap.host() + ":" + imap.port()).withDetail("mailbox", imap.user());
    } finally {
      store.close();
    }
  }
}
