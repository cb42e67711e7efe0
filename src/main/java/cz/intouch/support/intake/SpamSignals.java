package cz.intouch.support.intake;

import cz.intouch.support.mail.DecodedMail;
import cz.intouch.support.ticket.Texts;
import cz.intouch.support.ticket.TicketVariables.SpamDecision;
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

  /** Mass marketing: SEO and web offers, grants, "unsubscribe" footers. */
  private static final List<String> MARKETING = List.of(" seo", "linkbuilding", "prvni strank", "first page",
      "top 3", "klicova slova", "keywords", "redesign", "web design", "webdesign", "responsive", "mockup",
      "portfolio", "% off", "nezavazna nabidka", "audit zdarma", "free seo", "zdarma audit", "odhlasit odber",
      "unsubscribe", "dotace", "dotacni", "zpracujeme vam zadost", "nabizime", "we offer", "affordable prices",
      "garance vysledku", "guaranteed", "obchodnim rejstriku", "ppc kampan", "obchodni sdeleni", "sleva ",
      "odhlaseni:", "odhlaseni z odberu", "newsletter", "special offer", "discount");
  /**
   * Credential phishing: a mailbox, account or password about to end unless the reader "verifies" it, or a document
   * that is shown only after logging in. Mentioning login details ("we will send the credentials separately") is not.
   */
  private static final Pattern PHISHING = Pattern.compile(
      "bude (deaktivovan|zablokovan|zrusen)|will be (deactivated|suspended|closed)|overte svuj ucet|overit ucet"
          + "|overit schranku|verify your (account|mailbox|email)|limit(u)? uloziste|storage limit|confirm your identity"
          + "|(overte|potvrdte|aktualizujte) (sve |vase )?prihlasovaci udaje|(verify|confirm|update) your (login )?credentials"
          + "|platnost (vaseho |vasi )?(hesla|schranky|uctu) (vyprsi|konci|skonci)|(heslo|password) (vyprsi|expires)"
          + "|password (will )?expire|zachovat (stavajici |soucasne )?heslo|keep (your )?(current|same) password"
          + "|pro zobrazeni (dokumentu |faktury |souboru )?se prihlaste|prihlaste se (svym )?(firemnim )?e-?mailem"
          + "|sign in to (view|access|open)|log ?in to (view|access|open)");
  /**
   * Someone wants money moved: invoices to pay, urgent transfers, a changed bank account, a fee to release a
   * parcel, deposits, crypto withdrawals.
   */
  private static final Pattern PAYMENT = Pattern.compile(
      "k uhrade|provedte uhradu|prosime o uhradu|uhradte|neuhrazen|po splatnosti|urgentni (zahranicni )?platb"
          + "|zahranicni platb|bankovni prevod|udaje k platbe|podrobnosti k platbe|pay a |deposit|withdraw"
          + "|zmen[ayu] (banky|bankovniho spojeni|bankovniho uctu|cisla uctu)|nove cislo uctu|new bank account"
          + "|(vyridit|provest|odeslat|poslat) (jednu |rychlou |urgentni )?platb|zaplatit: http|cena obnovy"
          + "|renewal fee|doplat(te|it|ek)|(ne)?doplacen|zaplatit a (naplanovat|doruc)|poplatek za (doruceni|doruceni zasilky|uskladneni)|delivery fee|customs fee"
          + "|\\bbtc\\b|bitcoin|crypto|trading (bot|program)");
  /**
   * The domain scams: someone "registering" our name under foreign domains and asking us to confirm, or an invoice
   * for a domain renewal threatening that the domain lapses. A customer asking about a domain of theirs is not.
   */
  private static final Pattern DOMAIN_SCAM = Pattern.compile(
      "domain name registration|internet keyword|register .{0,40} as (their|an?) (internet )?(keyword|domain)"
          + "|conflicts? with your (company name|trademark|brand)|(prodlouzeni|obnov[auy]|registrac[ei]) (vasi |vase )?domen"
          + "|domen[ay] bude (uvolnena|zrusena|smazana|deaktivovana)|domain (will be|is going to be) (released|deleted|suspended)"
          + "|domain (renewal|expiration) (notice|invoice)");
  /**
   * The "CEO fraud" opening: an urgent, discreet errand for a "manager" who cannot phone, to be followed by a
   * payment or gift cards once someone answers.
   */
  private static final Pattern CEO_FRAUD = Pattern.compile("diskretn|discreet|confidential (task|matter|errand)"
      + "|jste (ted |momentalne |prave )?(v kancelari|k zastizeni|u pocitace)|are you (at your desk|in the office"
      + "|available right now)|jsem na (jednani|schuzce|porade) a nemohu|i('| a)?m in a meeting and can|"
      + "darkov\\w* (karty|poukaz)|gift ?cards?");
  /** Where the file-sharing services really live; a host naming one of them elsewhere is a disguise. */
  private static final Pattern FILE_SHARE_BRAND = Pattern.compile("onedrive|sharepoint|dropbox|wetransfer|google-?drive"
      + "|gdrive|office-?365|microsoft-?365");
  private static final List<String> FILE_SHARE_DOMAINS = List.of("sharepoint.com", "onedrive.com", "live.com",
      "1drv.ms", "microsoft.com", "office.com", "dropbox.com", "wetransfer.com", "we.tl", "google.com");
  /** A host that carries a whole domain before its real one: {@code firma.sharepoint.com.docs-share.cloud}. */
  private static final Pattern DOMAIN_INSIDE_HOST = Pattern.compile("\\.(com|cz|sk|net|org|eu|de)\\.[a-z0-9-]+\\.[a-z]{2,}$");
  private static final Pattern LINK_HOST = Pattern.compile("^https?://([^/:?#@]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS_DOMAIN = Pattern.compile("@([^>\\s,;\"]+)");

  private SpamSignals() {}

  static Map<String, Object> of(DecodedMail mail, boolean senderIsCustomer) {
    String text = " " + Texts.fold((mail.subject() == null ? "" : mail.subject()) + " "
        + (mail.text() == null ? "" : mail.text())).replaceAll("\\s+", " ") + " ";
    Map<String, Object> signals = new LinkedHashMap<>();
    signals.put(SpamDecision.UPSTREAM_VERDICT, upstreamVerdict(mail));
    signals.put(SpamDecision.LIST_HEADERS, mail.header("List-Unsubscribe") != null || mail.header("List-Id") != null);
    signals.put(SpamDecision.MARKETING_PHRASES, (int) MARKETING.stream().filter(text::contains).count());
    signals.put(SpamDecision.CREDENTIAL_PHISHING, PHISHING.matcher(text).find());
    signals.put(SpamDecision.PAYMENT_REQUEST, PAYMENT.matcher(text).find());
    signals.put(SpamDecision.SENDER_IS_CUSTOMER, senderIsCustomer);
    signals.put(SpamDecision.REPLY_TO_ELSEWHERE, replyToElsewhere(mail));
    signals.put(SpamDecision.LINKS, mail.links().size());
    signals.put(SpamDecision.LOOKALIKE_LINK, lookalikeLink(mail));
    signals.put(SpamDecision.HTML_ATTACHMENT, mail.attachments().stream().anyMatch(SpamSignals::isHtml));
    signals.put(SpamDecision.DOMAIN_SCAM, DOMAIN_SCAM.matcher(text).find());
    signals.put(SpamDecision.FAKE_FILE_SHARE_LINK, fakeFileShareLink(mail));
    signals.put(SpamDecision.CEO_FRAUD, CEO_FRAUD.matcher(text).find());
    return signals;
  }

  /** What a filter before us (SpamAssassin, rspamd, Exchange) concluded. */
  static boolean upstreamVerdict(DecodedMail mail) {
    String flag = mail.header("X-Spam-Flag");
    String status = mail.header("X-Spam-Status");
    return flag != null && flag.strip().toLowerCase(Locale.ROOT).startsWith("yes")
        || status != null && status.strip().toLowerCase(Locale.ROOT).startsWith("yes");
  }

  /**
   * A link dressed up as another site: its host starts with the sender's domain but belongs to another one
   * ({@code firma.cz.docs-viewer.top} in a mail from {@code @firma.cz}), or carries a whole domain before its real
   * one ({@code firma.sharepoint.com.docs-share.cloud}).
   */
  static boolean lookalikeLink(DecodedMail mail) {
    String domain = mail.from().substring(mail.from().indexOf('@') + 1);
    return mail.links().stream().map(LINK_HOST::matcher).filter(Matcher::find)
        .map(host -> host.group(1).toLowerCase(Locale.ROOT))
        .anyMatch(host -> host.contains(domain + ".") && !host.endsWith("." + domain) && !host.equals(domain)
            || DOMAIN_INSIDE_HOST.matcher(host).find());
  }

  /**
   * A "shared document" link whose host names a file-sharing service (OneDrive, SharePoint, Dropbox, …) but lies
   * outside that service's own domains: {@code onedrive-files.cz-share.click}, {@code sharepoint-docs.file-view.link}.
   */
  static boolean fakeFileShareLink(DecodedMail mail) {
    return mail.links().stream().map(LINK_HOST::matcher).filter(Matcher::find)
        .map(host -> host.group(1).toLowerCase(Locale.ROOT))
        .anyMatch(host -> FILE_SHARE_BRAND.matcher(host).find()
            && FILE_SHARE_DOMAINS.stream().noneMatch(domain -> host.equals(domain) || host.endsWith("." + domain)));
  }

  /** An HTML page sent as an attachment, to be opened in the browser: a phishing form's usual disguise. */
  private static boolean isHtml(DecodedMail.Attachment attachment) {
    String name = attachment.fileName() == null ? "" : attachment.fileName().toLowerCase(Locale.ROOT);
    return "text/html".equals(attachment.contentType()) || name.endsWith(".html") || name.endsWith(".htm")
        || name.endsWith(".shtml");
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
