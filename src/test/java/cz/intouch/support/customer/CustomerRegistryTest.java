package cz.intouch.support.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cz.intouch.support.SupportDeskTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Identification lookups as the intake uses them, on the demo customers of the default run. */
@SupportDeskTest
@RecordApplicationEvents
class CustomerRegistryTest {

  @Autowired CustomerRegistry registry;
  @Autowired CustomerImport customerImport;
  @Autowired ApplicationEvents events;

  @Test
  void aCompanyIsFoundByItsIcoAsCustomersWriteIt() {
    assertThat(registry.findCompanyByIco("28166345")).hasValueSatisfying(
        company -> assertThat(company.name()).isEqualTo("Strojírny Hořice s.r.o."));
    assertThat(registry.findCompanyByIco("IČO: 281 66 345")).isPresent();
  }

  @Test
  void anInvalidOrUnknownIcoFindsNothing() {
    assertThat(registry.findCompanyByIco("28166346")).isEmpty();
    assertThat(registry.findCompanyByIco(TestCompanies.nextIco())).isEmpty();
    assertThat(registry.findCompanyByIco(null)).isEmpty();
  }

  @Test
  void aCompanyIsFoundByItsNameWhateverTheCaseDiacriticsAndLegalForm() {
    assertThat(registry.findCompanyByName("STROJIRNY HORICE")).hasValueSatisfying(
        company -> assertThat(company.ico()).isEqualTo("28166345"));
    assertThat(registry.findCompanyByName("strojírny hořice, spol. s r. o.")).isPresent();
    assertThat(registry.findCompanyByName("účetní kancelář Šťastná a Říha")).isEmpty();
    assertThat(registry.findCompanyByName("Účetní kancelář Šťastná & Říha")).isPresent();
    assertThat(registry.findCompanyByName("Strojírny")).isEmpty();
    assertThat(registry.findCompanyByName("")).isEmpty();
  }

  @Test
  void aCompanyIsNamedInATextWithItsKindShortenedAsPeopleWriteIt() {
    String agency = TestCompanies.nextIco();
    String village = TestCompanies.nextIco();
    customerImport.importCsv(CustomerImport.HEADER_LINE
        + agency + ",Cestovní kancelář Zelená vlna s.r.o.,2027-01-01,Eva Richterová,,\n"
        + village + ",Obec Dolní Křivka,2027-01-01,Jitka Marešová,,\n");

    assertThat(registry.findCompanyNamedIn("Děkujeme\n\nRecepce\nCK Zelená vlna")).hasValueSatisfying(
        company -> assertThat(company.ico()).isEqualTo(agency));
    assertThat(registry.findCompanyNamedIn("Děkujeme\n\nObecní úřad Dolní Křivka\npodatelna")).hasValueSatisfying(
        company -> assertThat(company.ico()).isEqualTo(village));
    assertThat(registry.findCompanyNamedIn("OÚ Dolní Křivka, podatelna")).isPresent();
    assertThat(registry.findCompanyNamedIn("Jedeme do Dolní Křivky na výlet s CK Modrý vlak")).isEmpty();
  }

  @Test
  void aRelayedRequestsContactNamesItsCompanyOnlyFromTheCompanysOwnDomain() {
    assertThat(registry.findCompanyOfContactRelayedFrom("Novák Jan", "jira@strojirny-horice.atlassian.net"))
        .hasValueSatisfying(company -> assertThat(company.ico()).isEqualTo("28166345"));
    assertThat(registry.findCompanyOfContactRelayedFrom("Jan Novák", "otrs@strojirny-horice.cz")).isPresent();
    assertThat(registry.findCompanyOfContactRelayedFrom("Jan Novák", "helpdesk@jina-firma.cz")).isEmpty();
    assertThat(registry.findCompanyOfContactRelayedFrom("Jana Nováková", "otrs@strojirny-horice.cz")).isEmpty();
  }

  @Test
  void aNameSharedByTwoCompaniesIdentifiesNeither() {
    customerImport.importCsv(CustomerImport.HEADER_LINE
        + TestCompanies.nextIco() + ",Servis Novák s.r.o.,2027-01-01,Jan Novák,,\n"
        + TestCompanies.nextIco() + ",Servis Novák a.s.,2027-01-01,Petr Novák,,\n");

    assertThat(registry.findCompanyByName("Servis Novák")).isEmpty();
    assertThat(registry.findCompanyNamedIn("Děkuji, Jan Novák, Servis Novák")).isEmpty();
  }

  @Test
  void aContactIsFoundByEmailInAnyCase() {
    assertThat(registry.findContactByEmail(" Jan.Novak@Strojirny-Horice.CZ")).hasValueSatisfying(contact -> {
      assertThat(contact.fullName()).isEqualTo("Jan Novák");
      assertThat(contact.email()).isEqualTo("jan.novak@strojirny-horice.cz");
    });
    assertThat(registry.findContactByEmail("neznamy@strojirny-horice.cz")).isEmpty();
  }

  @Test
  void aContactIsFoundByNameInEitherOrderWithoutTitlesOrDiacritics() {
    long companyId = registry.findCompanyByIco("26930153").orElseThrow().id();

    assertThat(registry.findContact(companyId, "Šťastná Jiřina")).isPresent();
    assertThat(registry.findContact(companyId, "jirina stastna")).isPresent();
    assertThat(registry.findContact(companyId, "Tomáš Říha")).hasValueSatisfying(
        contact -> assertThat(contact.fullName()).isEqualTo("Ing. Tomáš Říha"));
    assertThat(registry.findContact(companyId, "Jan Novák")).isEmpty();
  }

  @Test
  void aNamedPersonOfAnIdentifiedCompanyBecomesItsContact() {
    long companyId = registry.findCompanyByIco("04718232").orElseThrow().id();

    Contact added = registry.addContact(companyId, "Eva Bílá", "Eva.Bila@zlatyklas.cz", CustomerRegistry.SOURCE_TICKET);

    assertThat(added.email()).isEqualTo("eva.bila@zlatyklas.cz");
    assertThat(registry.findContact(companyId, "Bílá Eva")).contains(added);
    assertThat(registry.findContactByEmail("eva.bila@zlatyklas.cz")).contains(added);
    // writing again is no new contact
    assertThat(registry.addContact(companyId, "Eva Bílá", null, CustomerRegistry.SOURCE_TICKET)).isEqualTo(added);
  }

  @Test
  void aKnownPersonWithoutAddressGetsTheAddressSheWritesFrom() {
    long companyId = registry.findCompanyByIco("04718232").orElseThrow().id();
    Contact first = registry.addContact(companyId, "Alena Krátká", null, CustomerRegistry.SOURCE_TICKET);

    Contact again = registry.addContact(companyId, "Krátká Alena", "alena.kratka@zlatyklas.cz",
        CustomerRegistry.SOURCE_TICKET);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.email()).isEqualTo("alena.kratka@zlatyklas.cz");
  }

  @Test
  void aCallersAddressIsNotAttachedToAContactTheCompanyListedWithoutOne() {
    String ico = TestCompanies.nextIco();
    customerImport.importCsv(CustomerImport.HEADER_LINE + ico + ",Pekárna Klas s.r.o.,2099-12-31,Marie Pekařová,,\n");
    long companyId = registry.findCompanyByIco(ico).orElseThrow().id();

    Contact named = registry.addContact(companyId, "Marie Pekařová", "marie.p@example.net",
        CustomerRegistry.SOURCE_TICKET);

    assertThat(named.email()).isNull();
    assertThat(registry.findContact(companyId, "Marie Pekařová").orElseThrow().email()).isNull();
    assertThat(registry.findContactByEmail("marie.p@example.net")).isEmpty();
  }

  @Test
  void anAddressOfAnotherContactIsNotTaken() {
    long companyId = registry.findCompanyByIco("04718232").orElseThrow().id();

    Contact added = registry.addContact(companyId, "Karel Hrubý", "jan.novak@strojirny-horice.cz",
        CustomerRegistry.SOURCE_TICKET);

    assertThat(added.email()).isNull();
    assertThat(registry.findContactByEmail("jan.novak@strojirny-horice.cz").orElseThrow().fullName())
        .isEqualTo("Jan Novák");
  }

  @Test
  void aContactNeedsANameAndAValidAddress() {
    long companyId = registry.findCompanyByIco("04718232").orElseThrow().id();

    assertThatIllegalArgumentException().isThrownBy(
        () -> registry.addContact(companyId, " ", null, CustomerRegistry.SOURCE_TICKET));
    assertThatIllegalArgumentException().isThrownBy(
        () -> registry.addContact(companyId, "Jan Malý", "jan.maly@", CustomerRegistry.SOURCE_TICKET))
        .withMessage("Neplatná e-mailová adresa „jan.maly@“.");
  }

  @Test
  void aContractIsValidThroughItsLastDay() {
    Company expired = registry.findCompanyByIco("61984523").orElseThrow();

    assertThat(expired.contractValidUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(registry.hasValidContract(expired, LocalDate.of(2025, 12, 31))).isTrue();
    assertThat(registry.hasValidContract(expired, LocalDate.of(2026, 1, 1))).isFalse();
    Company withoutContract = new Company(0, "25596641", "Bez smlouvy s.r.o.", null, null);
    assertThat(registry.hasValidContract(withoutContract, LocalDate.of(2026, 1, 1))).isFalse();
  }

  @Test
  void theImportAnnouncesEachNewContactWithItsContractState() {
    String valid = TestCompanies.nextIco();
    String expired = TestCompanies.nextIco();
    String csv = CustomerImport.HEADER_LINE
        + valid + ",Kovárna Lhota s.r.o.,2099-12-31,Jiří Kovář,jiri.kovar@kovarna-lhota.cz,\n"
        + expired + ",Truhlářství Dub s.r.o.,2020-06-30,Pavel Dub,,\n";

    customerImport.importCsv(csv);
    customerImport.importCsv(csv);

    long validCompanyId = registry.findCompanyByIco(valid).orElseThrow().id();
    long expiredCompanyId = registry.findCompanyByIco(expired).orElseThrow().id();
    assertThat(events.stream(ContactRegistered.class).filter(e -> e.companyId() == validCompanyId))
        .singleElement().satisfies(e -> {
          assertThat(e.email()).isEqualTo("jiri.kovar@kovarna-lhota.cz");
          assertThat(e.contractValid()).isTrue();
          assertThat(e.contactId()).isEqualTo(registry.findContact(validCompanyId, "Jiří Kovář").orElseThrow().id());
        });
    assertThat(events.stream(ContactRegistered.class).filter(e -> e.companyId() == expiredCompanyId))
        .singleElement().satisfies(e -> {
          assertThat(e.email()).isNull();
          assertThat(e.contractValid()).isFalse();
        });
  }

  @Test
  void theCompanyLearnsItsDomainFromAContactAddressButNotFromFreemail() {
    String own = TestCompanies.nextIco();
    String freemail = TestCompanies.nextIco();
    customerImport.importCsv(CustomerImport.HEADER_LINE
        + own + ",Pila Zbraslav s.r.o.,2027-01-01,Ivan Pila,ivan@pila-zbraslav.cz,\n"
        + freemail + ",Kadeřnictví Věra,2027-01-01,Věra Nová,vera.nova@seznam.cz,\n");

    assertThat(registry.findCompanyByIco(own).orElseThrow().emailDomain()).isEqualTo("pila-zbraslav.cz");
    assertThat(registry.findCompanyByIco(freemail).orElseThrow().emailDomain()).isNull();
  }
}
