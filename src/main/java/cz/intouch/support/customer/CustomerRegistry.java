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
  private static final String CONTACT_COLUMNS = "id, company_id, full_name, email, phone";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[^@\\s.]{2,}");

  public static final String SOURCE_IMPORT = "IMPORT";
  public static final String SOURCE_TICKET = "TICKET";

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

  public Optional<Company> findCompany(long companyId) {
    return single(jdbc.query("SELECT " + COMPANY_COLUMNS + " FROM sd_company WHERE id = ?",
        CustomerRegistry::company, companyId));
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

  public List<Contact> contactsOf(long companyId) {
    return jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM sd_contact WHERE company_id = ? ORDER BY id",
        CustomerRegistry::contact, companyId);
  }

  /**
   * Makes a named person of an identified company its contact, or returns the contact of that name if there is
   * one. The e-mail is recorded only when no other contact has it: an address identifies one person. Runs in its
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
      if (contact.email() == null && addressFree) {
        updateContact(contact.id(), contact.fullName(), email, contact.phone());
        return new Contact(contact.id(), companyId, contact.fullName(), email, contact.phone());
      }
      return contact;
    }
    return insertContact(companyId, fullName, addressFree ? email : null, null, source);
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

  Contact insertContact(long companyId, String fullName, String email, String phone, String source) {
    jdbc.update("INSERT INTO sd_contact (company_id, full_name, name_key, email, phone, source, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        companyId, fullName, NameKey.person(fullName), email, phone, source);
    return findContact(companyId, fullName).orElseThrow();
  }

  void updateContact(long id, String fullName, String email, String phone) {
    jdbc.update("UPDATE sd_contact SET full_name = ?, name_key = ?, email = ?, phone = ?, updated_at = CURRENT_TIMESTAMP"
        + " WHERE id = ?", fullName, NameKey.person(fullName), email, phone, id);
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
        rs.getString("phone"));
  }
}
