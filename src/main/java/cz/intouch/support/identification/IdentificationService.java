package cz.intouch.support.identification;

import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.Contact;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.customer.Ico;
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

  private final CustomerRegistry registry;

  public IdentificationService(CustomerRegistry registry) {
    this.registry = registry;
  }

  /** What the request states explicitly (form fields, mail headers) and the customer's texts to search. */
  public record Claims(String contactEmail, String companyId, String companyName, String contactName,
      String programVersion, String texts, LocalDate receivedOn) {}

  public Identification identify(Claims claims) {
    Optional<Contact> contact = blankToEmpty(claims.contactEmail()).flatMap(registry::findContactByEmail);
    Optional<Company> company = contact.flatMap(known -> registry.findCompany(known.companyId()));

    if (company.isEmpty()) {
      company = findCompany(companyId(claims), claims.companyName());
    }

    String personName = contact.map(Contact::fullName)
        .or(() -> blankToEmpty(claims.contactName()))
        .or(() -> RequestClues.signedName(claims.texts()))
        .orElse(null);
    if (contact.isEmpty() && company.isPresent() && personName != null) {
      long companyKey = company.get().id();
      String email = claims.contactEmail();
      contact = registry.findContact(companyKey, personName)
          .or(() -> Optional.of(registry.addContact(companyKey, personName, unclaimed(email), "TICKET")));
    }

    String version = blankToEmpty(claims.programVersion())
        .or(() -> RequestClues.programVersion(claims.texts()))
        .orElse(null);

    List<MissingIdentification> missing = new ArrayList<>();
    if (company.isEmpty()) {
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
    return new Identification(
        company.map(Company::ico).orElse(companyId(claims).orElse(null)),
        company.map(Company::name).orElse(claims.companyName()),
        contact.map(Contact::fullName).orElse(personName),
        contact.map(Contact::email).filter(e -> e != null && !e.isBlank()).orElse(claims.contactEmail()),
        version,
        company.map(Company::contractValidUntil).orElse(null),
        company.map(c -> registry.hasValidContract(c, on)).orElse(false),
        List.copyOf(missing));
  }

  /** The registered company a stated IČO (spaces ignored) or, failing that, a company name names. */
  public Optional<Company> findCompany(String companyId, String companyName) {
    return findCompany(statedCompanyId(companyId), companyName);
  }

  private Optional<Company> findCompany(Optional<String> companyId, String companyName) {
    return companyId.flatMap(registry::findCompanyByIco)
        .or(() -> blankToEmpty(companyName).flatMap(registry::findCompanyByName));
  }

  private Optional<String> companyId(Claims claims) {
    return statedCompanyId(claims.companyId()).or(() -> RequestClues.companyId(claims.texts()));
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
