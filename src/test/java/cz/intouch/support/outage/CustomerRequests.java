package cz.intouch.support.outage;

import cz.intouch.support.mail.MailSettings;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Complete support requests (company, person, version, an in-scope problem) from the demo customers with a valid
 * contract, APPENDed to the support INBOX over real IMAP as a customer's mail server would deliver them.
 */
final class CustomerRequests {

  record Customer(String name, String email, String companyId) {}

  static final List<Customer> CUSTOMERS = List.of(
      new Customer("Jan Novák", "jan.novak@strojirny-horice.cz", "28166345"),
      new Customer("Petra Dvořáková", "petra.dvorakova@strojirny-horice.cz", "28166345"),
      new Customer("Lukáš Černý", "lukas.cerny@zlatyklas.cz", "04718232"),
      new Customer("Jiřina Šťastná", "stastna@ucetni-stastna.cz", "26930153"),
      new Customer("Radek Moravec", "radek.moravec@elektromoravec.cz", "27498336"));

  /** What was fed: the request's Message-ID and its sender. */
  record Fed(String messageId, Customer customer) {}

  private final MailSettings settings;

  CustomerRequests(MailSettings settings) {
    this.settings = settings;
  }

  /** Delivers one request of the {@code n}-th customer (round robin). */
  Fed deliver(int n) throws MessagingException, UnsupportedEncodingException {
    Customer customer = CUSTOMERS.get(n % CUSTOMERS.size());
    String messageId = "<outage-" + n + "." + UUID.randomUUID() + "@mail.example.cz>";
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress(customer.email(), customer.name(), "UTF-8"));
    mail.setRecipients(Message.RecipientType.TO, settings.supportAddress());
    mail.setSubject("Chyba při tisku faktur č. " + n, "UTF-8");
    mail.setText("""
        Dobrý den,
        po aktualizaci nám program hlásí chybu při tisku faktur, tisk skončí chybovým hlášením.
        Používáme verzi 5.3.2, IČO naší firmy je %s.

        S pozdravem
        %s
        """.formatted(customer.companyId(), customer.name()), "UTF-8");
    mail.saveChanges();
    mail.setHeader("Message-ID", messageId); // after saveChanges, which would replace it
    withFolder(settings.imap().folder(), folder -> folder.appendMessages(new Message[] {mail}));
    return new Fed(messageId, customer);
  }

  List<Fed> deliver(int from, int count) throws MessagingException, UnsupportedEncodingException {
    List<Fed> fed = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      fed.add(deliver(n));
    }
    return fed;
  }

  int inboxCount() throws MessagingException {
    int[] count = new int[1];
    withFolder(settings.imap().folder(), folder -> count[0] = folder.getMessageCount());
    return count[0];
  }

  private interface FolderWork {
    void on(Folder folder) throws MessagingException;
  }

  private void withFolder(String name, FolderWork work) throws MessagingException {
    MailSettings.Imap imap = settings.imap();
    Store store = Session.getInstance(new Properties()).getStore(imap.protocol());
    store.connect(imap.host(), imap.port(), imap.user(), imap.password());
    try {
      work.on(store.getFolder(name));
    } finally {
      store.close();
    }
  }
}
