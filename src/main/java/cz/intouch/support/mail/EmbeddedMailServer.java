package cz.intouch.support.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The real mail server of the default run: GreenMail with SMTP and IMAP on loopback.
 * Unknown recipients get a mailbox on first mail (login = password = address), which is
 * GreenMail's own behaviour; only the support mailbox is created up front.
 */
@Component
@ConditionalOnProperty(prefix = "support.mail.embedded", name = "enabled", havingValue = "true")
public class EmbeddedMailServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final MailSettings settings;
  private GreenMail greenMail;

  public EmbeddedMailServer(MailSettings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    String bind = settings.embedded().bindAddress();
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(settings.smtp().port(), bind, ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(settings.imap().port(), bind, ServerSetup.PROTOCOL_IMAP)});
    greenMail.start();
    greenMail.setUser(settings.supportAddress(), settings.imap().user(), settings.embedded().supportPassword());
    log.info("Embedded mail server: SMTP {}:{}, IMAP {}:{}, mailbox {}", bind, settings.smtp().port(), bind,
        settings.imap().port(), settings.supportAddress());
  }

  @Override
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return greenMail != null;
  }

  /** Starts before everything that polls or sends mail. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 100;
  }

  public GreenMail greenMail() {
    return greenMail;
  }
}
