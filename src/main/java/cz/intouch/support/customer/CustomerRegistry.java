package cz.intouch.support.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer companies and their contact persons: who may ask for support. Lookups fold names with
 * {@link NameKey}, e-mails are compared in lower case.
 */
@Service
public class CustomerRegistry {

  private static final String COMPANY_COLUMNS = "id, ico, name, contract_valid_until, email_domain";
  private static final String CONTACT_COLUMNS = "id, company_id, full_name, email, phone, address_verified_by";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[^@\\s.]{2,}");

  public static final String SOURCE_IMPORT = "IMPORT";
  public static final String SOURCE_TICKET = "TICKET";
  /** Who vouched for a contact's address (an extranet account needs one of them); see {@link Contact#vouched()}. */
  public static final String VERIFIED_BY_IMPORT = "IMPORT";
  public static final String VERIFIED_BY_AGENT = "AGENT";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public CustomerRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Accepts the IČO as people write it ("IČO: 255 96 641"); an invalid one finds nothing. */
  public Optional<Company> findCompanyByIco(String ico) {
    if (!Ico.isValid(ico)) {
      return Optional.empty();
    }
    return single(jdbc.query("SELECT " + COMPANY_COLUMNS + " FROM sd_company WHERE ico = ?",
        CustomerRegistry::company, Ico.parse(ico).value()));
  }

  /** Exactly one company whose name matches regardless of case, diacritics and legal form; else empty. */
  public Optional<Company> findCompanyByName(String name) {
    String key = NameKey.of(name);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return single(jdbc.query("SELECT " + COMPANY_COLUMNS + " FROM sd_company WHERE name_key = ?",
        CustomerRegistry::company, key));
  }

  /**
   * The registered company whose name (by {@link NameKey}: any case, diacritics, legal form in any spelling) stands
   * anywhere in a text as whole words, a name of several words also declined as Czech does ("v Účetní kanceláři
   * Bilance" names "Účetní kancelář Bilance s.r.o."), its kind also shortened ("CK Modrá laguna", "OÚ Horní
   * Lhotka"); the longest such name when several do, none when two companies share it. Names of fewer than
   * four letters are too easily a common word to count.
   */
  public Optional<Company> findCompanyNamedIn(String text) {
    List<String> words = List.of(NameKey.withOrganisationKindsAlike(NameKey.fold(text)).split(" "));
    if (words.isEmpty()) {
      return Optional.empty();
    }
    List<Company> named = jdbc.query("SELECT " + COMPANY_COLUMNS + " FROM sd_company", CustomerRegistry::company)
        .stream()
        .filter(company -> {
          String key = NameKey.withOrganisationKindsAlike(NameKey.of(company.name()));
          return key.replace(" ", "").length() >= 4 && namedIn(List.of(key.split(" ")), words);
        })
        .sorted(java.util.Comparator.comparingInt((Company company) -> NameKey.of(company.name()).length())
            .reversed())
        .toList();
    // two companies of the same name ("Strojírny Vysočina a.s." and "… s.r.o.") name neither
    if (named.size() > 1 && NameKey.of(named.get(0).name()).equals(NameKey.of(named.get(1).name()))) {
      return Optional.empty();
    }
    return named.stream().findFirst();
  }

  private static boolean namedIn(List<String> name, List<String> words) {
    for (int start = 0; start + name.size() <= words.size(); start++) {
      boolean all = true;
      for (int i = 0; i < name.size() && all; i++) {
        all = name.size() == 1 ? words.get(start).equals(name.get(0)) : declined(name.get(i), words.get(start + i));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** The same word with another Czech case ending: the stem (the word without its last one or two letters) kept. */
  private static boolean declined(String word, String written) {
    if (word.equals(written)) {
      return true;
    }
    String stem = word.substring(0, word.length() - (word.length() > 5 ? 2 : 1));
    return stem.length() >= 3 && written.startsWith(stem) && written.length() <= word.length() + 3;
  }

  public Optional<Company> findCompany(long companyId) {
    return single(jdbc.query("SELECT " + COMPANY_COLUMNS + " FROM sd_company WHERE id = ?",
        CustomerRegistry::company, companyId));
  }

  public Optional<Contact> findContact(long contactId) {
    return single(jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM sd_contact WHERE id = ?",
        CustomerRegistry::contact, contactId));
  }

  public Optional<Contact> findContactByEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return single(jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM sd_contact WHERE email = ?",
        CustomerRegistry::contact, email.trim().toLowerCase(Locale.ROOT)));
  }

  /** The company's contact of that name, in any word order, with or without titles and diacritics. */
  public Optional<Contact> findContact(long companyId, String personName) {
    String key = NameKey.person(personName);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return single(jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM sd_contact WHERE company_id = ? AND name_key = ?",
        CustomerRegistry::contact, companyId, key));
  }

  /**
   * The company of a contact named in a relayed request, when the mail comes from that company's own mail domain
   * or from a host named after it: a helpdesk of {@code nem-jihlava.cz} sends from {@code otrs@nem-jihlava.cz} or
   * {@code jira@nem-jihlava.atlassian.net}. Empty when the name is unknown, the domains differ, or two companies
   * qualify.
   */
  public Optional<Company> findCompanyOfContactRelayedFrom(String personName, String senderEmail) {
    String key = NameKey.person(personName);
    if (key.isEmpty() || senderEmail == null || senderEmail.indexOf('@') < 0) {
      return Optional.empty();
    }
    List<String> senderLabels = List.of(senderEmail.substring(senderEmail.indexOf('@') + 1).toLowerCase(Locale.ROOT)
        .split("\\."));
    List<Long> companies = jdbc.query("SELECT company_id, email FROM sd_contact WHERE name_key = ?",
        (rs, row) -> {
          String email = rs.getString("email");
          String domain = email == null || email.indexOf('@') < 0 ? "" : email.substring(email.indexOf('@') + 1);
          if (domain.isEmpty() || CustomerImport.isFreemail(domain)) {
            return null; // a Gmail address says nothing about the company
          }
          String stem = domain.substring(0, domain.lastIndexOf('.') < 0 ? domain.length() : domain.lastIndexOf('.'));
          return String.join(".", senderLabels).endsWith(domain) || senderLabels.contains(stem)
              ? rs.getLong("company_id") : null;
        }, key).stream().filter(java.util.Objects::nonNull).distinct().toList();
    return companies.size() == 1 ? findCompany(companies.get(0)) : Optional.empty();
  }

  public List<Contact> contactsOf(long companyId) {
    return jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM sd_contact WHERE company_id = ? ORDER BY id",
        CustomerRegistry::contact, companyId);
  }

  /**
   * Makes a named person of an identified company its contact, or returns the contact of that name if there is
   * one. The e-mail is recorded only when no other contact has it: an address identifies one person. A contact
   * from a ticket is not vouched for (anyone can name a person), so it gets no extranet account. Runs in its
   * own transaction, so a contact registered during a ticket's intake stays even if the intake is rolled back.
   *
   * @throws IllegalArgumentException (Czech message) for a blank name or a malformed e-mail
   */
  public Contact addContact(long companyId, String fullName, String email, String source) {
    if (fullName == null || NameKey.person(fullName).isEmpty()) {
      throw new IllegalArgumentException("Chybí jméno a příjmení kontaktní osoby.");
    }
    String address = normalizeEmail(email);
    try {
      return ownTransaction.execute(status -> addOrComplete(companyId, fullName.trim(), address, source));
    } catch (DuplicateKeyException registeredConcurrently) {
      // the failed INSERT spoiled that transaction on PostgreSQL: look again in a new one
      return ownTransaction.execute(status -> addOrComplete(companyId, fullName.trim(), address, source));
    }
  }

  public boolean hasValidContract(Company company, LocalDate on) {
    return company.contractValidUntil() != null && !on.isAfter(company.contractValidUntil());
  }

  /**
   * The e-mail in lower case, null for blank.
   *
   * @throws IllegalArgumentException (Czech message) when it is not an address
   */
  public static String normalizeEmail(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String address = email.trim().toLowerCase(Locale.ROOT);
    if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
      throw new IllegalArgumentException("Neplatná e-mailová adresa „" + email.trim() + "“.");
    }
    return address;
  }

  private Contact addOrComplete(long companyId, String fullName, String email, String source) {
    boolean addressFree = email != null && findContactByEmail(email).isEmpty();
    Optional<Contact> existing = findContact(companyId, fullName);
    if (existing.isPresent()) {
      Contact contact = existing.get();
      // a vouched contact's address is its extranet login: an address someone merely wrote from never becomes it
      if (contact.email() == null && addressFree && contact.addressVerifiedBy() == null) {
        updateContact(contact.id(), contact.fullName(), email, contact.phone(), null);
        return new Contact(contact.id(), companyId, contact.fullName(), email, contact.phone(), null);
      }
      return contact;
    }
    return insertContact(companyId, fullName, addressFree ? email : null, null, source);
  }

  /**
   * An agent vouches for a contact and its address (e.g. confirmed with the company by phone): the contact may then
   * hold an extranet account. A contact without an address takes {@code email} if no other contact has it. Runs in
   * the caller's transaction (the agent's task completion).
   *
   * @return the vouched contact, or empty when the address is missing or not this contact's
   */
  public Optional<Contact> vouchByAgent(long contactId, String email) {
    String address = normalizeEmail(email);
    Optional<Contact> found = findContact(contactId);
    if (found.isEmpty() || address == null) {
      return Optional.empty();
    }
    Contact contact = found.get();
    if (contact.email() == null ? findContactByEmail(address).isPresent() : !contact.email().equals(address)) {
      return Optional.empty();
    }
    if (contact.vouched()) {
      return found; // the import's word stays on record
    }
    updateContact(contact.id(), contact.fullName(), address, contact.phone(), VERIFIED_BY_AGENT);
    return findContact(contactId);
  }

  // Writes used by the import, which runs each row in its own transaction.

  Company insertCompany(String ico, String name, LocalDate contractValidUntil, String emailDomain) {
    jdbc.update("INSERT INTO sd_company (ico, name, name_key, email_domain, contract_valid_until, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        ico, name, NameKey.of(name), emailDomain, contractValidUntil);
    return findCompanyByIco(ico).orElseThrow();
  }

  void updateCompany(long id, String name, LocalDate contractValidUntil, String emailDomain) {
    jdbc.update("UPDATE sd_company SET name = ?, name_key = ?, contract_valid_until = ?, email_domain = ?,"
        + " updated_at = CURRENT_TIMESTAMP WHERE id = ?", name, NameKey.of(name), contractValidUntil, emailDomain, id);
  }

  /** Staff's import vouches for the contact; a ticket does not. */
  Contact insertContact(long companyId, String fullName, String email, String phone, String source) {
    String verifiedBy = SOURCE_IMPORT.equals(source) ? VERIFIED_BY_IMPORT : null;
    jdbc.update("INSERT INTO sd_contact (company_id, full_name, name_key, email, phone, source, address_verified_by,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        companyId, fullName, NameKey.person(fullName), email, phone, source, verifiedBy);
    return findContact(companyId, fullName).orElseThrow();
  }

  void updateContact(long id, String fullName, String email, String phone, String addressVerifiedBy) {
    jdbc.update("UPDATE sd_contact SET full_name = ?, name_key = ?, email = ?, phone = ?, address_verified_by = ?,"
            + " updated_at = CURRENT_TIMESTAMP WHERE id = ?",
        fullName, NameKey.person(fullName), email, phone, addressVerifiedBy, id);
  }

  private static <T> Optional<T> single(List<T> rows) {
    return rows.size() == 1 ? Optional.of(rows.get(0)) : Optional.empty();
  }

  private static Company company(ResultSet rs, int row) throws SQLException {
    return new Company(rs.getLong("id"), rs.getString("ico"), rs.getString("name"),
        rs.getObject("contract_valid_until", LocalDate.class), rs.getString("email_domain"));
  }

  private static Contact contact(ResultSet rs, int row) throws SQLException {
    return new Contact(rs.getLong("id"), rs.getLong("company_id"), rs.getString("full_name"), rs.getString("email"),
        rs.getString("phone"), rs.getString("address_verified_by"));
  }
}
