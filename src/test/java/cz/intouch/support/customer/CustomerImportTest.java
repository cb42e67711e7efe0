package cz.intouch.support.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.SupportDeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The customer import as the sales department uses it: a CSV file over HTTP. */
@SupportDeskTest
class CustomerImportTest {

  private static final String HEADER = CustomerImport.HEADER_LINE;

  @LocalServerPort int port;
  @Autowired CustomerRegistry registry;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void importsCompaniesAndTheirContacts() throws Exception {
    String ico = TestCompanies.nextIco();
    String other = TestCompanies.nextIco();
    // Excel's way: BOM, CRLF, quoted commas and quotes
    String csv = "\uFEFF" + HEADER.replace("\n", "\r\n")
        + ico + ",\"Účetní \"\"Šťastná\"\", v.o.s.\",2027-03-31,Jiřina Šťastná,Jirina@Stastna-Ucetni.cz,+420 541 213 870\r\n"
        + ico + ",\"Účetní \"\"Šťastná\"\", v.o.s.\",2027-03-31,Ing. Tomáš Říha,,\r\n"
        + other + ",Autodoprava Štěpán,,Štěpán Vůz,vuz@autodoprava-stepan.cz,\r\n";

    JsonNode result = importCsv(csv, "admin", 200);

    assertThat(result.get("imported").asInt()).isEqualTo(3);
    assertThat(result.get("updated").asInt()).isZero();
    assertThat(result.get("rejected")).isEmpty();
    Company company = registry.findCompanyByIco(ico).orElseThrow();
    assertThat(company.name()).isEqualTo("Účetní \"Šťastná\", v.o.s.");
    assertThat(company.contractValidUntil()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(company.emailDomain()).isEqualTo("stastna-ucetni.cz");
    assertThat(registry.contactsOf(company.id())).extracting(Contact::fullName, Contact::email, Contact::phone)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Jiřina Šťastná", "jirina@stastna-ucetni.cz", "+420 541 213 870"),
            org.assertj.core.groups.Tuple.tuple("Ing. Tomáš Říha", null, null));
    assertThat(registry.findCompanyByIco(other).orElseThrow().contractValidUntil()).isNull();
    assertThat(jdbc.queryForObject("SELECT source FROM sd_contact WHERE email = ?", String.class,
        "vuz@autodoprava-stepan.cz")).isEqualTo("IMPORT");
  }

  @Test
  void importingTheSameFileAgainChangesNothing() throws Exception {
    String ico = TestCompanies.nextIco();
    String csv = HEADER
        + ico + ",Mlékárna Polička a.s.,2027-06-30,Marie Mléčná,marie@mlekarna-policka.cz,+420 461 725 111\n"
        + ico + ",Mlékárna Polička a.s.,2027-06-30,Josef Sýr,,\n";
    assertThat(importCsv(csv, "admin", 200).get("imported").asInt()).isEqualTo(2);

    JsonNode again = importCsv(csv, "manager", 200);

    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("updated").asInt()).isZero();
    assertThat(again.get("rejected")).isEmpty();
    long companyId = registry.findCompanyByIco(ico).orElseThrow().id();
    assertThat(registry.contactsOf(companyId)).hasSize(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_company WHERE ico = ?", Integer.class, ico)).isOne();
  }

  @Test
  void aLaterContractDateCountsAsAnUpdate() throws Exception {
    String ico = TestCompanies.nextIco();
    importCsv(HEADER + ico + ",Sklárna Kamenice s.r.o.,2026-12-31,Petr Sklenář,petr@sklarna-kamenice.cz,\n",
        "admin", 200);

    JsonNode renewed = importCsv(
        HEADER + ico + ",Sklárna Kamenice s.r.o.,2028-12-31,Petr Sklenář,petr@sklarna-kamenice.cz,\n", "admin", 200);

    assertThat(renewed.get("imported").asInt()).isZero();
    assertThat(renewed.get("updated").asInt()).isOne();
    assertThat(registry.findCompanyByIco(ico).orElseThrow().contractValidUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
  }

  @Test
  void aChangedPhoneOrNameOfAContactCountsAsAnUpdate() throws Exception {
    String ico = TestCompanies.nextIco();
    importCsv(HEADER + ico + ",Tiskárna Brod s.r.o.,2027-12-31,Lenka Tiskařová,lenka@tiskarna-brod.cz,111\n",
        "admin", 200);

    JsonNode changed = importCsv(HEADER
        + ico + ",Tiskárna Brod s.r.o.,2027-12-31,Lenka Tiskařová,lenka@tiskarna-brod.cz,222\n"
        + ico + ",Tiskárna Brod s.r.o.,2027-12-31,Ing. Lenka Tiskařová,lenka@tiskarna-brod.cz,222\n", "admin", 200);

    assertThat(changed.get("imported").asInt()).isZero();
    assertThat(changed.get("updated").asInt()).isEqualTo(2);
    Contact contact = registry.findContactByEmail("lenka@tiskarna-brod.cz").orElseThrow();
    assertThat(contact.phone()).isEqualTo("222");
    assertThat(contact.fullName()).isEqualTo("Ing. Lenka Tiskařová");
  }

  @Test
  void badRowsAreRejectedWithTheirLineAndTheRestIsImported() throws Exception {
    String good = TestCompanies.nextIco();
    String stolenAddress = TestCompanies.nextIco();
    String csv = HEADER                                                                            // line 1
        + good + ",Pivovar Hradec a.s.,2027-12-31,Adam Sládek,adam@pivovar-hradec.cz,\n"             // 2
        + "12345678,Neplatná firma s.r.o.,2027-12-31,Jan Chybný,,\n"                                 // 3
        + good + ", ,2027-12-31,Bez Firmy,,\n"                                                       // 4
        + good + ",Pivovar Hradec a.s.,31.12.2027,Eva Datová,,\n"                                    // 5
        + good + ",\"Pivovar Hradec\na.s.\",2027-12-31,Karel Chmel,karel@pivovar-hradec.cz,\n"       // 6-7
        + good + ",Pivovar Hradec a.s.,2027-12-31,Ota Adresa,ota@pivovar,\n"                          // 8
        + good + ",Pivovar Hradec a.s.,2027-12-31,Málo Sloupců\n"                                     // 9
        + stolenAddress + ",Cizí adresa s.r.o.,2027-12-31,Jan Novák,jan.novak@strojirny-horice.cz,\n" // 10
        + "\n"                                                                                       // 11
        + good + ",Pivovar Hradec a.s.,2027-12-31,,,\n"                                              // 12
        + good + ",Pivovar Hradec a.s.,2027-12-31,Marek Slad,marek@pivovar-hradec.cz,";              // 13

    JsonNode result = importCsv(csv, "admin", 200);

    assertThat(result.get("imported").asInt()).isEqualTo(3);
    List<String> rejected = new ArrayList<>();
    result.get("rejected").forEach(r -> rejected.add(r.get("line").asInt() + ": " + r.get("reason").asText()));
    assertThat(rejected).containsExactly(
        "3: Neplatné IČO 12345678 (kontrolní číslice)",
        "4: Chybí název firmy.",
        "5: Neplatné datum platnosti smlouvy „31.12.2027“ (očekává se RRRR-MM-DD).",
        "8: Neplatná e-mailová adresa „ota@pivovar“.",
        "9: Řádek má 4 sloupce, očekává se 6.",
        "10: E-mail jan.novak@strojirny-horice.cz už patří kontaktní osobě jiné firmy.",
        "12: Chybí jméno a příjmení kontaktní osoby.");
    // the line break inside line 6's quoted name is spacing, not a new name
    Company company = registry.findCompanyByIco(good).orElseThrow();
    assertThat(company.name()).isEqualTo("Pivovar Hradec a.s.");
    assertThat(registry.contactsOf(company.id())).extracting(Contact::fullName)
        .containsExactly("Adam Sládek", "Karel Chmel", "Marek Slad");
    // nothing half-written: the rejected row's new company is not there
    assertThat(registry.findCompanyByIco(stolenAddress)).isEmpty();
    assertThat(registry.findContactByEmail("jan.novak@strojirny-horice.cz").orElseThrow().fullName())
        .isEqualTo("Jan Novák");
  }

  @Test
  void controlCharactersAbsurdDatesFormulasAndOverlongTextAreRejectedRowByRowWithTheirReason() throws Exception {
    String good = TestCompanies.nextIco();
    String csv = HEADER                                                                             // line 1
        + good + ",A-Z s.r.o.,2027-12-31,Adam Zet,adam@a-z.cz,+420 541 213 870\n"                     // 2
        + good + ",A-Z s.r.o.,2027-12-31,Nula\u0000Bajt,,\n"                                          // 3
        + good + ",A-Z\u0007 s.r.o.,2027-12-31,Zvonek Zet,,\n"                                        // 4
        + good + ",A-Z s.r.o.,0001-01-01,Stará Smlouva,,\n"                                           // 5
        + good + ",A-Z s.r.o.,+99999-12-31,Věčná Smlouva,,\n"                                         // 6
        + good + ",A-Z s.r.o.,99999-12-31,Věčná Smlouva,,\n"                                          // 7
        + good + ",\"=cmd|' /C calc'!A0\",2027-12-31,Eva Vzorec,,\n"                                  // 8
        + good + ",A-Z s.r.o.,2027-12-31,@SUM(A1),,\n"                                                // 9
        + good + ",A-Z s.r.o.,2027-12-31,-Jan Minus,,\n"                                              // 10
        + good + ",A-Z s.r.o.,2027-12-31,Petr Plus,,+1+cmd|' /C calc'!A0\n"                            // 11
        + good + ",A-Z s.r.o.,2027-12-31,Olga Vzorec,,=1+1\n"                                         // 12
        + good + "," + "Dlouhá firma ".repeat(7700) + ",2027-12-31,Karel Dlouhý,,\n"                  // 13
        + good + ",A-Z s.r.o.,2027-12-31," + "Jméno ".repeat(50) + "Příjmení,,\n"                      // 14
        + good + ",A-Z s.r.o.,2027-12-31,Telefon Dlouhý,," + "1".repeat(65) + "\n"                   // 15
        + good + ",A-Z s.r.o.,2027-12-31,Iva Telefonní,iva@a-z.cz,+420 461 725 111\n";               // 16

    JsonNode result = importCsv(csv, "admin", 200);

    List<String> rejected = new ArrayList<>();
    result.get("rejected").forEach(r -> rejected.add(r.get("line").asInt() + ": " + r.get("reason").asText()));
    assertThat(rejected).containsExactly(
        "3: Sloupec contact_name obsahuje řídicí znak (U+0000); takový text nelze uložit.",
        "4: Sloupec company_name obsahuje řídicí znak (U+0007); takový text nelze uložit.",
        "5: Datum platnosti smlouvy 0001-01-01 je mimo přípustný rozsah 2000-01-01 až 2099-12-31.",
        "6: Datum platnosti smlouvy +99999-12-31 je mimo přípustný rozsah 2000-01-01 až 2099-12-31.",
        "7: Neplatné datum platnosti smlouvy „99999-12-31“ (očekává se RRRR-MM-DD).",
        "8: Sloupec company_name začíná znakem „=“, který tabulkový procesor čte jako vzorec.",
        "9: Sloupec contact_name začíná znakem „@“, který tabulkový procesor čte jako vzorec.",
        "10: Sloupec contact_name začíná znakem „-“, který tabulkový procesor čte jako vzorec.",
        "11: Telefon smí začínat znakem + jen před číslicemi a mezerami (např. +420 541 213 870).",
        "12: Sloupec contact_phone začíná znakem „=“, který tabulkový procesor čte jako vzorec.",
        "13: Sloupec company_name je příliš dlouhý (nejvýše 255 znaků).",
        "14: Sloupec contact_name je příliš dlouhý (nejvýše 255 znaků).",
        "15: Sloupec contact_phone je příliš dlouhý (nejvýše 64 znaků).");
    assertThat(result.get("imported").asInt()).isEqualTo(2);
    Company company = registry.findCompanyByIco(good).orElseThrow();
    assertThat(company.name()).isEqualTo("A-Z s.r.o.");
    assertThat(company.contractValidUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(registry.contactsOf(company.id())).extracting(Contact::fullName, Contact::phone)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Adam Zet", "+420 541 213 870"),
            org.assertj.core.groups.Tuple.tuple("Iva Telefonní", "+420 461 725 111"));
  }

  @Test
  void aWrongHeaderIsRefusedNamingTheMissingColumn() throws Exception {
    String ico = TestCompanies.nextIco();
    JsonNode error = importCsv("ico,company_name,contract_valid_until,contact_name,contact_email,contact_phone\n"
        + ico + ",Hlavička s.r.o.,2027-12-31,Jan Hlava,,\n", "admin", 400);

    assertThat(error.get("field").asText()).isEqualTo("company_id");
    assertThat(error.get("message").asText()).startsWith("V hlavičce souboru chybí sloupec company_id.");
    assertThat(registry.findCompanyByIco(ico)).isEmpty();
  }

  @Test
  void columnsInAnotherOrderAreRefused() throws Exception {
    JsonNode error = importCsv(
        "company_name,company_id,contract_valid_until,contact_name,contact_email,contact_phone\n", "admin", 400);

    assertThat(error.get("message").asText()).startsWith("Hlavička souboru musí být přesně: company_id,company_name,");
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    assertThat(importCsv("", "admin", 400).get("message").asText()).isEqualTo("Soubor CSV je prázdný.");
    assertThat(importCsv("\uFEFF\r\n", "admin", 400).get("message").asText()).isEqualTo("Soubor CSV je prázdný.");
  }

  @Test
  void aFileWithOnlyTheHeaderImportsNothing() throws Exception {
    JsonNode result = importCsv(HEADER, "admin", 200);
    assertThat(result.get("imported").asInt()).isZero();
    assertThat(result.get("rejected")).isEmpty();
  }

  @Test
  void brokenQuotingRefusesTheWholeFile() throws Exception {
    String ico = TestCompanies.nextIco();
    JsonNode error = importCsv(HEADER
        + ico + ",Uvozovky s.r.o.,2027-12-31,Jan Správný,,\n"
        + ico + ",\"Uvozovky\" s.r.o.,2027-12-31,Jan Chybný,,\n", "admin", 400);

    assertThat(error.get("message").asText()).startsWith("Soubor CSV nelze přečíst");
    assertThat(registry.findCompanyByIco(ico)).isEmpty();
  }

  @Test
  void aFileNotInUtf8IsRefused() throws Exception {
    byte[] latin2 = (HEADER + TestCompanies.nextIco() + ",Řízení s.r.o.,2027-12-31,Jan Říha,,\n")
        .getBytes("ISO-8859-2");
    HttpResponse<String> response = http.send(request("admin").header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofByteArray(latin2)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("Soubor CSV není v kódování UTF-8.");
  }

  @Test
  void onlyAdminsAndManagersMayImport() throws Exception {
    String csv = HEADER + TestCompanies.nextIco() + ",Zakázaná s.r.o.,2027-12-31,Jan Zákaz,,\n";

    assertThat(importCsv(csv, "agent", 403).get("error").asText()).isEqualTo("forbidden");
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri()).header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void theDemoCustomersAreThereAndImportingThemAgainChangesNothing() throws Exception {
    byte[] demo = new org.springframework.core.io.ClassPathResource(DemoCustomers.FILE).getInputStream().readAllBytes();

    JsonNode again = importCsv(new String(demo, StandardCharsets.UTF_8), "admin", 200);

    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("updated").asInt()).isZero();
    assertThat(again.get("rejected")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_company WHERE ico IN "
        + "('28166345','04718232','26930153','61984523','05237106','27498336')", Integer.class)).isEqualTo(6);
  }

  private JsonNode importCsv(String csv, String user, int expectedStatus) throws Exception {
    HttpResponse<String> response = http.send(request(user).header("Content-Type", "text/csv; charset=UTF-8")
            .POST(BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    return json.readTree(response.body());
  }

  private HttpRequest.Builder request(String user) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri()).header("Authorization", "Basic " + basic);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/api/customers/import");
  }
}
