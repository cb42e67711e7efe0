package cz.intouch.support.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the support mailbox lives and how to reach it; embedded GreenMail on the default run. */
@ConfigurationProperties(prefix = "support.mail")
public record MailSettings(
    @DefaultValue("support@intouch-crm.cz") String supportAddress,
    @DefaultValue Embedded embedded,
    @DefaultValue Smtp smtp,
    @DefaultValue Imap imap) {

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
