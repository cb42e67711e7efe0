package cz.intouch.support.customer;

import cz.intouch.support.api.BadRequestException;
import cz.intouch.support.ticket.DeskTime;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads companies and contacts from the CSV the sales department exports, one row per contact. Each row is
 * checked and stored in its own transaction, so a bad row is reported and the rest still imported; a row equal
 * to what is stored changes nothing, so importing a file again is harmless.
 */
@Service
public class CustomerImport {

  public static final List<String> HEADER = List.of("company_id", "company_name", "contract_valid_until",
      "contact_name", "contact_email", "contact_phone");
  public static final String HEADER_LINE = String.join(",", HEADER) + "\n";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
  /** Addresses at these domains say nothing about the company the person works for. */
  private static final Set<String> FREEMAIL_DOMAINS = Set.of("gmail.com", "seznam.cz", "email.cz", "post.cz",
      "centrum.cz", "atlas.cz", "volny.cz", "tiscali.cz", "quick.cz", "outlook.com", "hotmail.com", "live.com",
      "yahoo.com", "icloud.com", "me.com", "proton.me", "protonmail.com");

  static boolean isFreemail(String domain) {
    return FREEMAIL_DOMAINS.contains(domain);
  }

  /** Contract end dates outside these are typing errors (0001-01-01, 99999-12-31), not contracts. */
  static final LocalDate EARLIEST_CONTRACT_END = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST_CONTRACT_END = LocalDate.of(2099, 12, 31);
  private static final int MAX_NAME = 255;
  private static final int MAX_PHONE = 64;
  private static final String FORMULA_START = "=+-@";
  /** Columns stored as text (the IČO and the date are parsed, so a formula cannot survive in them). */
  private static final Set<String> TEXT_COLUMNS = Set.of("company_name", "contact_name", "contact_email",
      "contact_phone");
  private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+[0-9 ]+");

  private final CustomerRegistry registry;
  private final TransactionTemplate rowTransaction;
  private final ApplicationEventPublisher events;

  public CustomerImport(CustomerRegistry registry, PlatformTransactionManager transactions,
      ApplicationEventPublisher events) {
    this.registry = registry;
    this.rowTransaction = new TransactionTemplate(transactions);
    this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.events = events;
  }

  /**
   * @param charset the charset the client declared; the contract says UTF-8
   * @throws BadRequestException when the file as a whole is unusable (empty, not text, wrong header, broken
   *     quoting); nothing is stored then
   */
  public ImportResult importCsv(byte[] body, Charset charset) {
    if (body == null || body.length == 0) {
      throw new BadRequestException(null, "Soubor CSV je prázdný.");
    }
    try {
      String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
      return importCsv(text);
    } catch (CharacterCodingException e) {
      throw new BadRequestException(null, "Soubor CSV není v kódování " + charset.name() + ".");
    }
  }

  public ImportResult importCsv(String text) {
    List<Row> rows = parse(text);
    int imported = 0;
    int updated = 0;
    List<ImportResult.Rejection> rejected = new ArrayList<>();
    for (Row row : rows) {
      try {
        Entry entry = Entry.of(row);
        Applied applied = rowTransaction.execute(status -> apply(entry));
        switch (applied.outcome()) {
          case IMPORTED -> imported++;
          case UPDATED -> updated++;
          case UNCHANGED -> { }
        }
        if (applied.registered() != null) {
          // after the row's commit: listeners (extranet invitation) see the contact in the database
          events.publishEvent(applied.registered());
        }
        if (applied.activated() != null) {
          // a renewed contract opens the extranet to the company's existing contacts too
          events.publishEvent(applied.activated());
        }
      } catch (RowRejected e) {
        rejected.add(new ImportResult.Rejection(row.line(), e.getMessage()));
      } catch (DataIntegrityViolationException e) {
        rejected.add(new ImportResult.Rejection(row.line(),
            "Řádek odporuje jinému záznamu v registru (duplicitní kontakt nebo e-mail)."));
      }
    }
    return new ImportResult(imported, updated, List.copyOf(rejected));
  }

  private Applied apply(Entry entry) {
    Company company = registry.findCompanyByIco(entry.ico()).orElse(null);
    boolean changed = false;
    ContractActivated activated = null;
    if (company == null) {
      company = registry.insertCompany(entry.ico(), entry.companyName(), entry.contractValidUntil(),
          companyDomain(entry.email()));
    } else {
      LocalDate today = DeskTime.today();
      boolean wasValid = registry.hasValidContract(company, today);
      boolean differs = !company.name().equals(entry.companyName())
          || !Objects.equals(company.contractValidUntil(), entry.contractValidUntil());
      // the domain is learnt on the way, it is not an update the caller asked for
      String domain = company.emailDomain() != null ? company.emailDomain() : companyDomain(entry.email());
      if (differs || !Objects.equals(domain, company.emailDomain())) {
        registry.updateCompany(company.id(), entry.companyName(), entry.contractValidUntil(), domain);
        company = new Company(company.id(), company.ico(), entry.companyName(), entry.contractValidUntil(), domain);
      }
      changed = differs;
      if (!wasValid && registry.hasValidContract(company, today)) {
        activated = new ContractActivated(company.id());
      }
    }

    Contact byEmail = entry.email() == null ? null : registry.findContactByEmail(entry.email()).orElse(null);
    if (byEmail != null && byEmail.companyId() != company.id()) {
      // thrown inside the transaction: the company changes of this row are rolled back with it
      throw new RowRejected("E-mail " + entry.email() + " už patří kontaktní osobě jiné firmy.");
    }
    Contact contact = byEmail != null ? byEmail : registry.findContact(company.id(), entry.contactName()).orElse(null);
    if (contact == null) {
      contact = registry.insertContact(company.id(), entry.contactName(), entry.email(), entry.phone(),
          CustomerRegistry.SOURCE_IMPORT);
      LocalDate today = DeskTime.today();
      return new Applied(Outcome.IMPORTED, new ContactRegistered(contact.id(), company.id(), contact.email(),
          registry.hasValidContract(company, today)), activated);
    }
    // a blank e-mail or phone in the file leaves the stored one: contacts learnt from tickets keep their address
    String email = entry.email() != null ? entry.email() : contact.email();
    String phone = entry.phone() != null ? entry.phone() : contact.phone();
    // the file vouches for the person and for an address it names, never for one a ticket left there
    String verifiedBy = contact.addressVerifiedBy() != null && Objects.equals(contact.email(), email)
        ? contact.addressVerifiedBy()
        : entry.email() != null || email == null ? CustomerRegistry.VERIFIED_BY_IMPORT : null;
    if (!contact.fullName().equals(entry.contactName()) || !Objects.equals(contact.email(), email)
        || !Objects.equals(contact.phone(), phone) || !Objects.equals(contact.addressVerifiedBy(), verifiedBy)) {
      registry.updateContact(contact.id(), entry.contactName(), email, phone, verifiedBy);
      changed = true;
    }
    ContactRegistered newlyVouched = null;
    if (contact.addressVerifiedBy() == null && verifiedBy != null) {
      // a person first learnt from a ticket, now listed by staff: an account holder from now on
      newlyVouched = new ContactRegistered(contact.id(), company.id(), email,
          registry.hasValidContract(company, DeskTime.today()));
    }
    return new Applied(changed ? Outcome.UPDATED : Outcome.UNCHANGED, newlyVouched, activated);
  }

  private static String companyDomain(String email) {
    if (email == null) {
      return null;
    }
    String domain = email.substring(email.indexOf('@') + 1);
    return FREEMAIL_DOMAINS.contains(domain) ? null : domain;
  }

  /** Reads the whole file before storing anything, so a broken file is refused as a whole. */
  private static List<Row> parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new BadRequestException(null, "Soubor CSV je prázdný.");
    }
    if (!text.endsWith("\n") && !text.endsWith("\r")) {
      // so the parser's line count after each record is the record's last line, the last record included
      text = text + "\n";
    }
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      checkHeader(records.next());
      while (true) {
        CSVRecord record;
        try {
          record = records.next();
        } catch (NoSuchElementException end) {
          break;
        } catch (UncheckedIOException | IllegalStateException broken) {
          throw new BadRequestException(null, "Soubor CSV nelze přečíst: chybné uvozovky kolem řádku "
              + (parser.getCurrentLineNumber() + 1) + ".");
        }
        List<String> values = record.toList();
        long lastLine = parser.getCurrentLineNumber();
        rows.add(new Row(lastLine - lineBreaksIn(values), values));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException broken) {
      throw new BadRequestException(null, "Soubor CSV nelze přečíst: " + broken.getMessage());
    }
    return rows;
  }

  private static long lineBreaksIn(List<String> values) {
    long breaks = 0;
    for (String value : values) {
      breaks += value.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }
    return breaks;
  }

  private static void checkHeader(CSVRecord record) {
    List<String> header = record.toList().stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    if (header.equals(HEADER)) {
      return;
    }
    String expected = String.join(",", HEADER);
    for (String column : HEADER) {
      if (!header.contains(column)) {
        throw new BadRequestException(column,
            "V hlavičce souboru chybí sloupec " + column + ". Očekávaná hlavička: " + expected);
      }
    }
    String unexpected = header.stream().filter(c -> !HEADER.contains(c)).findFirst().orElse(null);
    throw new BadRequestException(unexpected, "Hlavička souboru musí být přesně: " + expected
        + (unexpected == null ? " (ve stejném pořadí)." : " (navíc je sloupec „" + unexpected + "“)."));
  }

  private record Row(long line, List<String> values) {}

  private enum Outcome { IMPORTED, UPDATED, UNCHANGED }

  private record Applied(Outcome outcome, ContactRegistered registered, ContractActivated activated) {

    Applied(Outcome outcome, ContactRegistered registered) {
      this(outcome, registered, null);
    }
  }

  /** A row checked and normalized: IČO digits only, e-mail lower case, blanks as null. */
  private record Entry(String ico, String companyName, LocalDate contractValidUntil, String contactName, String email,
      String phone) {

    static Entry of(Row row) {
      List<String> values = row.values();
      if (values.size() != HEADER.size()) {
        throw new RowRejected("Řádek má " + values.size() + " " + columns(values.size()) + ", očekává se "
            + HEADER.size() + ".");
      }
      for (int column = 0; column < HEADER.size(); column++) {
        checkText(HEADER.get(column), values.get(column));
      }
      String ico;
      try {
        ico = Ico.parse(values.get(0)).value();
      } catch (IllegalArgumentException invalid) {
        throw new RowRejected(invalid.getMessage());
      }
      String companyName = blankToNull(values.get(1));
      if (companyName == null || NameKey.of(companyName).isEmpty()) {
        throw new RowRejected("Chybí název firmy.");
      }
      LocalDate contract = null;
      String date = blankToNull(values.get(2));
      if (date != null) {
        try {
          contract = LocalDate.parse(date);
        } catch (DateTimeParseException invalid) {
          throw new RowRejected("Neplatné datum platnosti smlouvy „" + date + "“ (očekává se RRRR-MM-DD).");
        }
        if (contract.isBefore(EARLIEST_CONTRACT_END) || contract.isAfter(LATEST_CONTRACT_END)) {
          throw new RowRejected("Datum platnosti smlouvy " + date + " je mimo přípustný rozsah "
              + EARLIEST_CONTRACT_END + " až " + LATEST_CONTRACT_END + ".");
        }
      }
      String contactName = blankToNull(values.get(3));
      if (contactName == null || NameKey.person(contactName).isEmpty()) {
        throw new RowRejected("Chybí jméno a příjmení kontaktní osoby.");
      }
      String email;
      try {
        email = CustomerRegistry.normalizeEmail(values.get(4));
      } catch (IllegalArgumentException invalid) {
        throw new RowRejected(invalid.getMessage());
      }
      String phone = blankToNull(values.get(5));
      if (phone != null && phone.startsWith("+") && !INTERNATIONAL_PHONE.matcher(phone).matches()) {
        throw new RowRejected("Telefon smí začínat znakem + jen před číslicemi a mezerami (např. +420 541 213 870).");
      }
      checkLength("company_name", companyName, MAX_NAME);
      checkLength("company_name", NameKey.of(companyName), MAX_NAME);
      checkLength("contact_name", contactName, MAX_NAME);
      checkLength("contact_name", NameKey.person(contactName), MAX_NAME);
      checkLength("contact_phone", phone, MAX_PHONE);
      return new Entry(ico, companyName, contract, contactName, email, phone);
    }

    /**
     * What no column may hold: control characters (NUL and the like; line breaks and tabs inside quotes are mere
     * spacing). What no text column may start with: =, +, - or @, which a spreadsheet opening an export of the
     * registry runs as a formula ("A-Z s.r.o." is fine); a phone number's leading + is checked on its own.
     */
    private static void checkText(String column, String value) {
      String control = value.codePoints().filter(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
          .mapToObj(c -> String.format("U+%04X", c)).findFirst().orElse(null);
      if (control != null) {
        throw new RowRejected("Sloupec " + column + " obsahuje řídicí znak (" + control + "); takový text nelze uložit.");
      }
      String text = value.strip();
      if (TEXT_COLUMNS.contains(column) && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0
          && !(column.equals("contact_phone") && text.charAt(0) == '+')) {
        throw new RowRejected("Sloupec " + column + " začíná znakem „" + text.charAt(0)
            + "“, který tabulkový procesor čte jako vzorec.");
      }
    }

    /** The registry's column sizes (V2__customer_registry.sql), so a long value is named, not a database error. */
    private static void checkLength(String column, String value, int max) {
      if (value != null && value.length() > max) {
        throw new RowRejected("Sloupec " + column + " je příliš dlouhý (nejvýše " + max + " znaků).");
      }
    }

    private static String columns(int count) {
      return count == 1 ? "sloupec" : count >= 2 && count <= 4 ? "sloupce" : "sloupců";
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.trim().replaceAll("\\s+", " ");
    }
  }

  private static final class RowRejected extends RuntimeException {
    RowRejected(String reason) {
      super(reason, null, false, false);
    }
  }
}
