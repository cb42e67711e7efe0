package cz.intouch.support.identification;

import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.Contact;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.customer.Ico;
import cz.intouch.support.customer.NameKey;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.MissingIdentification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The support policy's identification rule: the company (IČO or name), the person (name and surname) and the
 * program version. A registered contact's e-mail address identifies company and person at once; an unknown
 * address identifies nobody, not even at the company's domain. A named person of an identified company is
 * identified and becomes a new contact of that company.
 */
@Service
public class IdentificationService {

  /** Where a person named in the mail's signature was found; such a name may also point to a relayed contact. */
  private static final String SIGNATURE = "podpis v e-mailu";

  private final CustomerRegistry registry;

  public IdentificationService(CustomerRegistry registry) {
    this.registry = registry;
  }

  /** What the request states explicitly (form fields, mail headers) and the customer's texts to search. */
  /**
   * @param texts the customer's own words of every message so far (see {@link RequestClues#ownWords})
   * @param senderName the From display name of the customer's mail, or null
   */
  public record Claims(String contactEmail, String companyId, String companyName, String contactName,
      String programVersion, String texts, LocalDate receivedOn, String senderName, String colleagueTexts) {

    public Claims(String contactEmail, String companyId, String companyName, String contactName,
        String programVersion, String texts, LocalDate receivedOn, String senderName) {
      this(contactEmail, companyId, companyName, contactName, programVersion, texts, receivedOn, senderName, null);
    }

    public Claims(String contactEmail, String companyId, String companyName, String contactName,
        String programVersion, String texts, LocalDate receivedOn) {
      this(contactEmail, companyId, companyName, contactName, programVersion, texts, receivedOn, null);
    }
  }

  public Identification identify(Claims claims) {
    Optional<Contact> contact = blankToEmpty(claims.contactEmail()).flatMap(registry::findContactByEmail);
    Optional<Company> company = contact.flatMap(known -> registry.findCompany(known.companyId()));
    boolean byStatedIco = false;
    if (contact.isPresent()) {
      // someone who is a contact of two customers (an accountant, an IT contractor) says by the IČO which one asks
      Contact known = contact.get();
      Optional<Company> stated = RequestClues.labelledCompanyId(claims.texts()).flatMap(registry::findCompanyByIco)
          .filter(other -> other.id() != known.companyId());
      Optional<Contact> there = stated.flatMap(other -> registry.findContact(other.id(), known.fullName()));
      if (there.isPresent()) {
        contact = there;
        company = stated;
        byStatedIco = true;
      }
    }

    String companySource = byStatedIco ? "IČO v textu e-mailu (kontakt i této firmy)"
        : company.isPresent() ? "podle adresy odesílatele (kontakt firmy)" : null;
    if (company.isEmpty()) {
      // as an agent reads: a stated or labelled IČO, a company name, a name anywhere in the text, a bare IČO
      company = statedCompanyId(claims.companyId()).flatMap(registry::findCompanyByIco);
      companySource = "zadané IČO";
      if (company.isEmpty()) {
        company = RequestClues.labelledCompanyId(claims.texts()).flatMap(registry::findCompanyByIco);
        companySource = "IČO v textu e-mailu";
      }
      if (company.isEmpty()) {
        company = blankToEmpty(claims.companyName()).flatMap(registry::findCompanyByName);
        companySource = "zadaný název firmy";
      }
      if (company.isEmpty()) {
        company = registry.findCompanyNamedIn(claims.texts());
        companySource = "název firmy v textu e-mailu";
      }
      if (company.isEmpty()) {
        company = RequestClues.unlabelledCompanyId(claims.texts()).flatMap(registry::findCompanyByIco);
        companySource = "číslo v textu e-mailu, které je IČO zákazníka";
      }
    }

    String[] personSource = {contact.isPresent() ? "registrovaný kontakt (adresa odesílatele)" : null};
    // the registry may keep a contact's titles ("Ing. Radek Šimánek"): the ticket names the person without them
    Optional<Company> companyFound = company;
    String personName = contact.map(Contact::fullName).map(RequestClues::withoutTitles)
        .or(() -> blankToEmpty(claims.contactName()).map(name -> found(personSource, "zadané jméno", name)))
        .or(() -> RequestClues.signedName(claims.texts(), claims.senderName())
            .filter(name -> !namesCompany(name, companyFound))
            .map(name -> found(personSource, SIGNATURE, name)))
        .or(() -> RequestClues.displayName(claims.senderName())
            .filter(name -> !namesCompany(name, companyFound))
            .map(name -> found(personSource, "jméno odesílatele v hlavičce From", name)))
        .orElse(null);
    if (company.isEmpty() && personName != null && SIGNATURE.equals(personSource[0])) {
      // a request relayed by the customer's own helpdesk names its registered contact, sent from its domain
      company = registry.findCompanyOfContactRelayedFrom(personName, claims.contactEmail());
      companySource = "kontakt firmy jménem, e-mail z její domény";
    }
    if (contact.isEmpty() && company.isPresent() && personName != null) {
      long companyKey = company.get().id();
      String email = claims.contactEmail();
      contact = registry.findContact(companyKey, personName)
          .or(() -> Optional.of(registry.addContact(companyKey, personName, unclaimed(email),
              CustomerRegistry.SOURCE_TICKET)));
    }

    // a stated version may carry its build ("5.3.2 build 2318"): both kept apart like in a text
    String[] versionSource = {blankToEmpty(claims.programVersion()).isPresent() ? "zadaná verze" : VERSION_FROM_TEXT};
    RequestClues.Version version = blankToEmpty(claims.programVersion())
        .map(stated -> RequestClues.version("verze " + stated)
            .orElse(new RequestClues.Version(stated, null)))
        .or(() -> RequestClues.version(claims.texts()))
        // a colleague's forwarded request may be the only place the version is written
        .or(() -> RequestClues.version(claims.colleagueTexts())
            .map(found -> found(versionSource, VERSION_FROM_TEXT + " (přeposlaná zpráva kolegy)", found)))
        .orElse(null);

    // a valid IČO the customer wrote identifies the company even when it is not our customer: asking for it again
    // helps nobody, the contract check tells them (and an agent decides) that there is no support contract
    Optional<String> unregisteredIco = company.isPresent() ? Optional.empty()
        : statedCompanyId(claims.companyId()).or(() -> RequestClues.labelledCompanyId(claims.texts()));
    List<MissingIdentification> missing = new ArrayList<>();
    if (company.isEmpty() && unregisteredIco.isEmpty()) {
      missing.add(MissingIdentification.COMPANY);
    }
    if (contact.isEmpty() && personName == null) {
      missing.add(MissingIdentification.PERSON);
    } else if (contact.isEmpty()) {
      // a name without a known company cannot be checked yet: the company is what is asked for
      missing.remove(MissingIdentification.PERSON);
    }
    if (version == null) {
      missing.add(MissingIdentification.VERSION);
    }

    LocalDate on = claims.receivedOn() != null ? claims.receivedOn() : DeskTime.today();
    List<String> findings = new ArrayList<>();
    String companyWhere = companySource;
    company.ifPresentOrElse(
        found -> findings.add("Firma: " + found.name() + " (IČO " + found.ico() + ") – " + companyWhere),
        () -> findings.add(unregisteredIco.map(ico -> "Firma: IČO " + ico + " – není v registru zákazníků, "
            + "bez smlouvy o technické podpoře").orElse("Firma: nenalezena v registru zákazníků"
            + RequestClues.companyId(claims.texts()).map(ico -> " (v textu je IČO " + ico + ")").orElse(""))));
    findings.add(personName == null ? "Osoba: nenalezena" : "Osoba: " + personName + " – " + personSource[0]);
    findings.add(version == null ? "Verze: nenalezena" : "Verze: " + version.version()
        + (version.build() == null ? "" : ", build " + version.build()) + " – " + versionSource[0]);
    return new Identification(
        company.map(Company::ico).or(() -> unregisteredIco).orElse(null),
        company.map(Company::name).orElse(claims.companyName()),
        contact.map(Contact::fullName).map(RequestClues::withoutTitles).orElse(personName),
        contact.map(Contact::email).filter(e -> e != null && !e.isBlank()).orElse(claims.contactEmail()),
        version == null ? null : version.version(),
        version == null ? null : version.build(),
        company.map(Company::contractValidUntil).orElse(null),
        company.map(c -> registry.hasValidContract(c, on)).orElse(false),
        List.copyOf(missing),
        String.join("\n", findings));
  }

  private static final String VERSION_FROM_TEXT = "text e-mailu";

  /** The build a later message names for the version already on the ticket, if it names one. */
  public static Optional<String> buildOf(String version, String text) {
    return RequestClues.version(text).filter(found -> found.version().equals(version))
        .map(RequestClues.Version::build);
  }

  /** A shared mailbox's sender name or signature that is the company's name ("Pekárny Horák - obchod"). */
  private static boolean namesCompany(String name, Optional<Company> company) {
    return company.map(c -> NameKey.of(c.name())).filter(key -> !key.isEmpty())
        .filter(key -> key.equals(NameKey.of(name))).isPresent();
  }

  /**
   * Whether the version of earlier findings was read in the customer's texts, not stated (by a form, the phone
   * record or an agent): such a version is read again from all texts, so a later message can correct it.
   */
  public static boolean versionReadFromText(String findings) {
    return findings != null && findings.lines()
        .anyMatch(line -> line.startsWith("Verze: ") && line.contains(" – " + VERSION_FROM_TEXT));
  }

  private static <T> T found(String[] source, String where, T value) {
    source[0] = where;
    return value;
  }

  /** The registered company a stated IČO (spaces ignored) or, failing that, a company name names. */
  public Optional<Company> findCompany(String companyId, String companyName) {
    return findCompany(statedCompanyId(companyId), companyName);
  }

  private Optional<Company> findCompany(Optional<String> companyId, String companyName) {
    return companyId.flatMap(registry::findCompanyByIco)
        .or(() -> blankToEmpty(companyName).flatMap(registry::findCompanyByName));
  }

  private static Optional<String> statedCompanyId(String companyId) {
    return blankToEmpty(companyId).map(id -> id.replace(" ", "")).filter(Ico::isValid);
  }

  /** A new contact keeps the sender's address only when no other contact owns it. */
  private String unclaimed(String email) {
    if (email == null || email.isBlank() || registry.findContactByEmail(email).isPresent()) {
      return null;
    }
    return email;
  }

  private static Optional<String> blankToEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
