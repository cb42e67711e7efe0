package cz.intouch.support.extranet;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.customer.CustomerImport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fresh customers for the extranet tests (valid IČO each), and the set-password link from their mail. */
final class ExtranetTestSupport {

  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 500_000) + 1_000_000);
  private static final Pattern TOKEN = Pattern.compile("/extranet/set-password\\?token=([A-Za-z0-9_-]+)");

  private ExtranetTestSupport() {}

  /** A new valid IČO: seven digits and the mod-11 check digit. */
  static String newIco() {
    while (true) {
      String digits = String.format("%07d", NEXT.incrementAndGet() % 10_000_000);
      int sum = 0;
      for (int i = 0; i < 7; i++) {
        sum += (digits.charAt(i) - '0') * (8 - i);
      }
      int remainder = sum % 11;
      if (remainder == 0 || remainder == 1 || remainder == 10) {
        continue; // keep to the unambiguous check digits
      }
      return digits + ((11 - remainder) % 10);
    }
  }

  static String csvRow(String ico, String company, String validUntil, String contact, String email) {
    return CustomerImport.HEADER_LINE + ico + "," + company + "," + validUntil + "," + contact + "," + email + ",\n";
  }

  static List<MimeMessage> mailsTo(GreenMail greenMail, String address) {
    return EngineTestSupport.mailsTo(greenMail, address);
  }

  static String token(GreenMail greenMail, String address) throws Exception {
    List<MimeMessage> mails = mailsTo(greenMail, address);
    assertThat(mails).as("mails to " + address).isNotEmpty();
    Matcher matcher = TOKEN.matcher(String.valueOf(mails.get(mails.size() - 1).getContent()));
    assertThat(matcher.find()).as("set-password link in the mail").isTrue();
    return matcher.group(1);
  }
}
