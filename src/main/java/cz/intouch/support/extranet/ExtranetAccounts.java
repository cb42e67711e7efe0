package cz.intouch.support.extranet;

import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.Contact;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.PublicAddress;
import cz.intouch.support.ticket.TicketMessages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extranet accounts of the customers' contacts: creation with a one-time set-password link and password reset the
 * same way. Only contacts the company vouched for ({@link Contact#vouched()}) hold a usable account. Only hashes are
 * stored: BCrypt for passwords, SHA-256 for link tokens (which are random, so no salt is needed). Failed logins are
 * {@link LoginThrottle}'s.
 */
@Service
public class ExtranetAccounts {

  private static final Logger log = LoggerFactory.getLogger(ExtranetAccounts.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Not a bean: the staff's authentication (Camunda identities) must not pick it up. */
  static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();
  /** Compared against for an account without a password yet, so it takes as long as a wrong password. */
  static final String NO_PASSWORD_YET = PASSWORDS.encode(newToken());
  public static final int MIN_PASSWORD_LENGTH = 10;

  // an account of a contact nobody vouched for (created before that rule) is as good as none: no login, no reset
  private static final String USER_QUERY = """
      SELECT a.id, a.contact_id, a.username, a.password_hash, c.company_id, c.full_name,
        co.ico, co.name AS company_name, co.contract_valid_until
      FROM sd_extranet_account a JOIN sd_contact c ON c.id = a.contact_id JOIN sd_company co ON co.id = c.company_id
      WHERE c.address_verified_by IS NOT NULL
      """;

  private final JdbcTemplate jdbc;
  private final CustomerRegistry customers;
  private final OutboundMail mail;
  private final PublicAddress address;
  private final Duration tokenValidity;

  public ExtranetAccounts(JdbcTemplate jdbc, CustomerRegistry customers, OutboundMail mail,
      PublicAddress address, ExtranetSettings settings) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.mail = mail;
    this.address = address;
    this.tokenValidity = settings.tokenValidity();
  }

  static Instant now() {
    return DeskTime.now();
  }

  /**
   * Creates the contact's account, if it has none, and mails the set-password link. Contacts the company did not
   * vouch for (e.g. a person named on a ticket), contacts without an e-mail and contacts of companies without a
   * valid contract get no account.
   *
   * @return whether an account was created
   */
  public boolean invite(long contactId) {
    Optional<Contact> found = customers.findContact(contactId);
    if (found.isEmpty() || !found.get().vouched()) {
      return false;
    }
    Contact contact = found.get();
    Company company = customers.findCompany(contact.companyId()).orElseThrow();
    if (!customers.hasValidContract(company, today())) {
      return false;
    }
    if (jdbc.queryForObject("SELECT COUNT(*) FROM sd_extranet_account WHERE contact_id = ? OR username = ?",
        Integer.class, contactId, contact.email()) > 0) {
      return false;
    }
    String token = newToken();
    Instant expires = now().plus(tokenValidity);
    jdbc.update("INSERT INTO sd_extranet_account (contact_id, username, token_hash, token_expires_at, created_at)"
        + " VALUES (?, ?, ?, ?, ?)", contactId, contact.email(), hash(token), ts(expires), ts(now()));
    log.info("Extranet account created for contact {} of company {}", contactId, company.ico());
    mail.sendAccountMail(MessageKind.EXTRANET_SET_PASSWORD, contact.email(), Map.of(
        "contactName", contact.fullName(), "companyName", company.name(),
        "passwordLink", link(token), "linkValidUntil", Date.from(expires)));
    return true;
  }

  /**
   * Mails a new one-time link to the account of that address, if there is one; otherwise nothing, and the
   * caller answers the same either way (no account probing). At most one link per few minutes per account.
   */
  public void requestReset(String email) {
    String username = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    Optional<ExtranetUser> account = find(username);
    if (account.isEmpty()) {
      log.info("Extranet password reset asked for an address without an account");
      return;
    }
    Instant now = now();
    String token = newToken();
    Instant expires = now.plus(tokenValidity);
    // a link issued in the last 5 minutes is still fresh: don't let the form flood a mailbox
    int updated = jdbc.update("UPDATE sd_extranet_account SET token_hash = ?, token_expires_at = ? WHERE id = ?"
            + " AND (token_expires_at IS NULL OR token_expires_at < ?)", hash(token), ts(expires),
        account.get().accountId(), ts(now.plus(tokenValidity).minus(Duration.ofMinutes(5))));
    if (updated == 0) {
      log.info("Extranet password reset for account {} skipped: a link was sent minutes ago",
          account.get().accountId());
      return;
    }
    mail.sendAccountMail(MessageKind.EXTRANET_PASSWORD_RESET, account.get().username(), Map.of(
        "contactName", account.get().fullName(), "passwordLink", link(token), "linkValidUntil", Date.from(expires)));
  }

  /** Whether the link's token is one that {@link #setPassword} would accept now. */
  public boolean tokenValid(String token) {
    return token != null && !token.isBlank() && jdbc.queryForObject(
        "SELECT COUNT(*) FROM sd_extranet_account WHERE token_hash = ? AND token_expires_at > ?", Integer.class,
        hash(token), ts(now())) == 1;
  }

  /**
   * Sets the password through a one-time link and uses the token up.
   *
   * @throws IllegalArgumentException (Czech) for an unusable token or password
   */
  @Transactional
  public void setPassword(String token, String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("Heslo musí mít alespoň " + MIN_PASSWORD_LENGTH + " znaků.");
    }
    if (password.length() > 72) {
      throw new IllegalArgumentException("Heslo může mít nejvýše 72 znaků.");
    }
    int updated = token == null ? 0 : jdbc.update("UPDATE sd_extranet_account SET password_hash = ?, token_hash = NULL,"
            + " token_expires_at = NULL WHERE token_hash = ? AND token_expires_at > ?",
        PASSWORDS.encode(password), hash(token), ts(now()));
    if (updated != 1) {
      throw new IllegalArgumentException("Odkaz pro nastavení hesla je neplatný, už byl použit nebo vypršel.");
    }
  }

  public Optional<ExtranetUser> find(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return jdbc.query(USER_QUERY + " AND a.username = ?", this::user, username.trim().toLowerCase(Locale.ROOT))
        .stream().findFirst();
  }

  /** For Spring Security's login. */
  ExtranetUser loadUser(String username) {
    return find(username).orElseThrow(() -> new UsernameNotFoundException("no extranet account"));
  }

  /** The contract as of today, read fresh (it may have expired since the login). */
  public boolean contractValidNow(ExtranetUser user) {
    return customers.findCompany(user.companyId()).map(c -> customers.hasValidContract(c, today())).orElse(false);
  }

  private String link(String token) {
    return address.extranet() + "/set-password?token=" + token;
  }

  private ExtranetUser user(ResultSet rs, int row) throws SQLException {
    LocalDate validUntil = rs.getObject("contract_valid_until", LocalDate.class);
    return new ExtranetUser(rs.getLong("id"), rs.getLong("contact_id"), rs.getLong("company_id"), rs.getString("ico"),
        rs.getString("company_name"), rs.getString("full_name"), rs.getString("username"),
        rs.getString("password_hash"), validUntil != null && !today().isAfter(validUntil));
  }

  private static LocalDate today() {
    return DeskTime.today();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static OffsetDateTime ts(Instant instant) {
    return TicketMessages.timestamp(instant);
  }
}
