package cz.intouch.support.faults;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Customers writing to the support mailbox over SMTP while desks come and go: new requests from the demo contacts
 * (identified and acknowledged at once), questions from unknown senders (asked for identification), replies to the
 * desk's mails (threaded by the ticket tag), identification supplied in a reply, and one mail without a sender
 * (quarantined). Every mail has its own Message-ID, so the desk's ledger can be checked mail by mail.
 */
final class MailFeed {

  /** Enough for every kind of mail to meet every kind of kill, few enough for the final run to settle quickly. */
  static final int LIMIT = 100;

  enum Kind { REQUEST, UNIDENTIFIED, REPLY, MALFORMED }

  record Fed(String messageId, Kind kind) {}

  /** The demo contacts with a valid contract (src/main/resources/demo/customers.csv). */
  static final List<String> CONTACTS = List.of("jan.novak@strojirny-horice.cz",
      "petra.dvorakova@strojirny-horice.cz", "lukas.cerny@zlatyklas.cz", "stastna@ucetni-stastna.cz",
      "mala@kvetazahrady.cz", "radek.moravec@elektromoravec.cz", "hana.prochazkova@elektromoravec.cz");
  static final List<String> STRANGERS = List.of("petr.svoboda@neznama-firma.cz", "info@jina-firma.cz");

  private static final List<String> REQUESTS = List.of(
      "Program nejde spustit|Dobrý den,\npo aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě "
          + "nemůže pracovat.",
      "Dotaz k nastavení|Dobrý den,\njak nastavím uživatelská práva pro nového kolegu? Používáme verzi 5.3.2.",
      "Chyba při exportu|Dobrý den,\nve verzi 5.3.2 export faktur do účetnictví padá s chybou a nemůžeme "
          + "fakturovat.");

  private final GreenMail greenMail;
  private final String supportAddress;
  private final Random random;
  private final String tag;
  private final Function<String, Optional<Map.Entry<String, String>>> lastMailTo;
  private final List<Fed> fed = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private Thread thread;

  /**
   * @param lastMailTo for an address, the subject and Message-ID of a desk mail it received, if any
   */
  MailFeed(GreenMail greenMail, String supportAddress, long seed, String tag,
      Function<String, Optional<Map.Entry<String, String>>> lastMailTo) {
    this.greenMail = greenMail;
    this.supportAddress = supportAddress;
    this.random = new Random(seed);
    this.tag = tag;
    this.lastMailTo = lastMailTo;
  }

  void start() {
    running.set(true);
    thread = new Thread(this::run, "mail-feed-" + tag);
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running.set(false);
    thread.join(TimeUnit.SECONDS.toMillis(10));
  }

  List<Fed> fed() {
    return List.copyOf(fed);
  }

  private void run() {
    try {
      while (running.get() && fed.size() < LIMIT) {
        sendOne();
        Thread.sleep(700 + random.nextInt(1_300)); // customers' pace (a busy 2-core desk keeps up), not a test's wait
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (MessagingException e) {
      throw new IllegalStateException("feeding mail failed", e);
    }
  }

  private void sendOne() throws MessagingException {
    int n = fed.size() + 1;
    if (n == 7) {
      send(n, Kind.MALFORMED, null, "Bez odesílatele", "Tato zpráva nemá odesílatele.", null);
      return;
    }
    int dice = random.nextInt(100);
    if (dice < 20) {
      String stranger = STRANGERS.get(random.nextInt(STRANGERS.size()));
      Optional<Map.Entry<String, String>> asked = lastMailTo.apply(stranger);
      if (asked.isPresent() && random.nextBoolean()) {
        // the identification the desk asked for
        send(n, Kind.REPLY, stranger, "Re: " + asked.get().getKey(), "Dobrý den,\njsem Karel Dušek ze společnosti "
            + "Strojírny Hořice s.r.o., IČO 28166345, používáme verzi 5.3.2.", asked.get().getValue());
      } else {
        send(n, Kind.UNIDENTIFIED, stranger, "Dotaz", "Dobrý den, jak nastavím uživatelská práva?", null);
      }
      return;
    }
    String contact = CONTACTS.get(random.nextInt(CONTACTS.size()));
    Optional<Map.Entry<String, String>> answered = lastMailTo.apply(contact);
    if (dice < 35 && answered.isPresent()) {
      send(n, Kind.REPLY, contact, "Re: " + answered.get().getKey(),
          "Dobrý den,\nposílám doplňující informace: chyba se objevuje každé ráno po přihlášení.",
          answered.get().getValue());
      return;
    }
    String[] request = REQUESTS.get(random.nextInt(REQUESTS.size())).split("\\|", 2);
    send(n, Kind.REQUEST, contact, request[0], request[1], null);
  }

  private void send(int n, Kind kind, String from, String subject, String body, String inReplyTo)
      throws MessagingException {
    String messageId = "<feed-" + tag + "-" + n + "@crash.test>";
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", greenMail.getSmtp().getBindTo());
    properties.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
    properties.setProperty("mail.smtp.from", from == null ? "nobody@crash.test" : from);
    MimeMessage message = new MimeMessage(Session.getInstance(properties)) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    if (from != null) {
      message.setFrom(new InternetAddress(from));
    }
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(supportAddress));
    message.setSubject(subject, "UTF-8");
    message.setText(body + "\n\n(" + messageId + ")", "UTF-8");
    if (inReplyTo != null) {
      message.setHeader("In-Reply-To", inReplyTo);
      message.setHeader("References", inReplyTo);
    }
    Transport.send(message);
    fed.add(new Fed(messageId, kind));
  }

  static List<String> everyAddress() {
    List<String> all = new ArrayList<>(CONTACTS);
    all.addAll(STRANGERS);
    return all;
  }
}
