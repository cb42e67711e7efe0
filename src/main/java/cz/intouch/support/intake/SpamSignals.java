package cz.intouch.support.intake;

import cz.intouch.support.mail.DecodedMail;
import cz.intouch.support.ticket.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named facts about a mail that the analysts' spam table ({@code dmn/spam.dmn}, decision {@code spam}) decides
 * on. Only facts are computed here; which combination makes a mail spam or phishing is the table's business.
 * Phrases are matched in the folded text (lower case, no diacritics) of the subject and the body.
 */
final class SpamSignals {

  static final String UPSTREAM_VERDICT = "upstreamSpamVerdict";
  static final String LIST_HEADERS = "listHeaders";
  static final String MARKETING_PHRASES = "marketingPhrases";
  static final String CREDENTIAL_PHISHING = "credentialPhishing";
  static final String PAYMENT_REQUEST = "paymentRequest";
  static final String SENDER_IS_CUSTOMER = "senderIsCustomer";
  static final String REPLY_TO_ELSEWHERE = "replyToElsewhere";
  static final String LINKS = "links";

  /** Mass marketing: SEO and web offers, grants, "unsubscribe" footers. */
  private static final List<String> MARKETING = List.of(" seo", "linkbuilding", "prvni strank", "first page",
      "top 3", "klicova slova", "keywords", "redesign", "web design", "webdesign", "responsive", "mockup",
      "portfolio", "% off", "nezavazna nabidka", "audit zdarma", "free seo", "zdarma audit", "odhlasit odber",
      "unsubscribe", "dotace", "dotacni", "zpracujeme vam zadost", "nabizime", "we offer", "affordable prices",
      "garance vysledku", "guaranteed", "obchodnim rejstriku", "ppc kampan");
  /** Credential phishing: a mailbox or account about to be closed unless the reader "verifies" it. */
  private static final Pattern PHISHING = Pattern.compile(
      "bude (deaktivovan|zablokovan|zrusen)|will be (deactivated|suspended|closed)|overte svuj ucet|overit ucet"
          + "|overit schranku|verify your (account|mailbox)|limit(u)? uloziste|storage limit|confirm your identity"
          + "|prihlasovaci udaje|login credentials");
  /** Someone wants money moved: invoices to pay, urgent transfers, deposits, crypto withdrawals. */
  private static final Pattern PAYMENT = Pattern.compile(
      "k uhrade|provedte uhradu|prosime o uhradu|neuhrazen|po splatnosti|urgentni (zahranicni )?platb"
          + "|zahranicni platb|bankovni prevod|udaje k platbe|podrobnosti k platbe|pay a |deposit|withdraw"
          + "|\\bbtc\\b|bitcoin|crypto|trading (bot|program)");
  private static final Pattern LINK = Pattern.compile("https?://");
  private static final Pattern ADDRESS_DOMAIN = Pattern.compile("@([^>\\s,;\"]+)");

  private SpamSignals() {}

  static Map<String, Object> of(DecodedMail mail, boolean senderIsCustomer) {
    String text = " " + Texts.fold((mail.subject() == null ? "" : mail.subject()) + " "
        + (mail.text() == null ? "" : mail.text())).replaceAll("\\s+", " ") + " ";
    Map<String, Object> signals = new LinkedHashMap<>();
    signals.put(UPSTREAM_VERDICT, upstreamVerdict(mail));
    signals.put(LIST_HEADERS, mail.header("List-Unsubscribe") != null || mail.header("List-Id") != null);
    signals.put(MARKETING_PHRASES, (int) MARKETING.stream().filter(text::contains).count());
    signals.put(CREDENTIAL_PHISHING, PHISHING.matcher(text).find());
    signals.put(PAYMENT_REQUEST, PAYMENT.matcher(text).find());
    signals.put(SENDER_IS_CUSTOMER, senderIsCustomer);
    signals.put(REPLY_TO_ELSEWHERE, replyToElsewhere(mail));
    signals.put(LINKS, (int) LINK.matcher(text).results().count());
    return signals;
  }

  /** What a filter before us (SpamAssassin, rspamd, Exchange) concluded. */
  static boolean upstreamVerdict(DecodedMail mail) {
    String flag = mail.header("X-Spam-Flag");
    String status = mail.header("X-Spam-Status");
    return flag != null && flag.strip().toLowerCase(Locale.ROOT).startsWith("yes")
        || status != null && status.strip().toLowerCase(Locale.ROOT).startsWith("yes");
  }

  /** Answers are to go to another domain than the sender's: a forged sender's usual trick. */
  private static boolean replyToElsewhere(DecodedMail mail) {
    String replyTo = mail.header("Reply-To");
    if (replyTo == null) {
      return false;
    }
    Matcher domain = ADDRESS_DOMAIN.matcher(replyTo);
    String fromDomain = mail.from().substring(mail.from().indexOf('@') + 1);
    return domain.find() && !domain.group(1).toLowerCase(Locale.ROOT).equals(fromDomain);
  }
}
