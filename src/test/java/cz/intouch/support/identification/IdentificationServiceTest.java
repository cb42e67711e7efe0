package cz.intouch.support.identification;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.identification.IdentificationService.Claims;
import cz.intouch.support.ticket.MissingIdentification;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract's identification rules against the demo customer registry. */
@SupportDeskTest
class IdentificationServiceTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Autowired IdentificationService identification;
  @Autowired CustomerRegistry registry;

  @Test
  void aRegisteredContactsAddressIdentifiesCompanyAndPerson() {
    Identification result = identification.identify(new Claims("Jan.Novak@strojirny-horice.cz", null, null, null,
        null, "Ve verzi 5.3.2 nejde tisk.", TODAY));
    assertThat(result.identified()).isTrue();
    assertThat(result.companyId()).isEqualTo("28166345");
    assertThat(result.contactName()).isEqualTo("Jan Novák");
    assertThat(result.programVersion()).isEqualTo("5.3.2");
    assertThat(result.contractValid()).isTrue();
  }

  @Test
  void theCompanyNamedAnywhereInTheTextAndTheSignersNameIdentifyAndTheAgentSeesWhereTheyWereFound() {
    Identification result = identification.identify(new Claims("nekdo@seznam.cz", null, null, null, null,
        "Dobrý den,\nu nás ve STROJÍRNÁCH HOŘICE, s. r. o. nejde tisk, máme verzi\u00A05.3.2, build 2318.\n\n"
            + "Best regards,\nIng. Petra Vosáhlová\nnákup", TODAY, "Vosáhlová Petra"));
    assertThat(result.identified()).isTrue();
    assertThat(result.companyId()).isEqualTo("28166345");
    assertThat(result.contactName()).isEqualTo("Petra Vosáhlová");
    assertThat(result.programVersion()).isEqualTo("5.3.2");
    assertThat(result.programBuild()).isEqualTo("2318");
    assertThat(result.findings()).contains("Firma: Strojírny Hořice s.r.o. (IČO 28166345) – název firmy v textu e-mailu")
        .contains("Osoba: Petra Vosáhlová – podpis v e-mailu").contains("Verze: 5.3.2, build 2318 – text e-mailu");
  }

  @Test
  void theFromDisplayNameNamesThePersonWhenTheMailIsNotSigned() {
    Identification result = identification.identify(new Claims("nekdo2@seznam.cz", "28166345", null, null, "5.3.2",
        "Nejde tisk.", TODAY, "Marek Dlabač"));
    assertThat(result.contactName()).isEqualTo("Marek Dlabač");
    assertThat(result.identified()).isTrue();
  }

  @Test
  void anUnknownAddressAtTheCompanysDomainIdentifiesNobody() {
    Identification result = identification.identify(new Claims("neznamy@strojirny-horice.cz", null, null, null,
        "5.3.2", "Nejde tisk.", TODAY));
    assertThat(result.identified()).isFalse();
    assertThat(result.missing()).contains(MissingIdentification.COMPANY);
  }

  @Test
  void aRequestRelayedByTheCustomersHelpdeskFromItsDomainNamesItsRegisteredContact() {
    Identification relayed = identification.identify(new Claims("jira@strojirny-horice.atlassian.net", null, null,
        null, null, "Jira Service Management\n\nJan Novák raised a request: SH-4412\n\nNejde tisk. Verze 5.3.1 (2190).",
        TODAY, "Jira Service Management"));
    assertThat(relayed.identified()).isTrue();
    assertThat(relayed.companyId()).isEqualTo("28166345");
    assertThat(relayed.contactName()).isEqualTo("Jan Novák");
    assertThat(relayed.programBuild()).isEqualTo("2190");
    assertThat(relayed.findings()).contains("kontakt firmy jménem, e-mail z její domény");

    Identification stranger = identification.identify(new Claims("someone@gmail.com", null, null, null, null,
        "Nejde tisk, verze 5.3.1.\n\nJan Novák", TODAY, null));
    assertThat(stranger.companyId()).isNull();
    assertThat(stranger.missing()).contains(MissingIdentification.COMPANY);
  }

  @Test
  void aVersionReadInTheTextIsReadAgainWhileAStatedOneStands() {
    Identification read = identification.identify(new Claims("Jan.Novak@strojirny-horice.cz", null, null, null,
        null, "Nejde tisk. Máme verzi 5.3.2.", TODAY));
    assertThat(IdentificationService.versionReadFromText(read.findings())).isTrue();
    Identification stated = identification.identify(new Claims("Jan.Novak@strojirny-horice.cz", null, null, null,
        "5.3.2", "Nejde tisk.", TODAY));
    assertThat(IdentificationService.versionReadFromText(stated.findings())).isFalse();
    assertThat(IdentificationService.versionReadFromText(null)).isFalse();
  }

  @Test
  void aNamedPersonOfACompanyFoundByNameBecomesANewContact() {
    Identification result = identification.identify(new Claims(null, null, "strojirny horice", "Eva Malá",
        "5.3.2", "", TODAY));
    assertThat(result.identified()).isTrue();
    assertThat(result.companyName()).isEqualTo("Strojírny Hořice s.r.o.");
    assertThat(registry.findContact(registry.findCompanyByIco("28166345").orElseThrow().id(), "Malá Eva"))
        .isPresent();
  }

  @Test
  void anInvalidCompanyIdDoesNotIdentifyAndMissingPiecesAreListedInOrder() {
    Identification result = identification.identify(new Claims(null, "28166346", null, null, null, "Nejde tisk.",
        TODAY));
    assertThat(result.missing()).containsExactly(MissingIdentification.COMPANY, MissingIdentification.PERSON, MissingIdentification.VERSION);
  }

  @Test
  void aStatedCompanyIsFoundByItsIdWithSpacesFirstAndElseByItsName() {
    assertThat(identification.findCompany("281 66 345", null)).map(Company::name).contains("Strojírny Hořice s.r.o.");
    assertThat(identification.findCompany(null, "strojirny horice")).map(Company::ico).contains("28166345");
    assertThat(identification.findCompany("04718232", "strojirny horice")).map(Company::ico).contains("04718232");
    assertThat(identification.findCompany("28166346", "strojirny horice")).as("an invalid IČO does not count")
        .map(Company::ico).contains("28166345");
    assertThat(identification.findCompany(" ", "")).isEmpty();
  }

  @Test
  void anExpiredContractIsReported() {
    Identification result = identification.identify(new Claims("zdenek.kucera@dopravavltava.cz", null, null, null,
        "5.1.0", "", TODAY));
    assertThat(result.identified()).isTrue();
    assertThat(result.contractValid()).isFalse();
    assertThat(result.contractValidUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void aValidIcoOfACompanyThatIsNotOurCustomerIdentifiesItWithoutAContract() {
    Identification result = identification.identify(new Claims("autoservis.brazda@email.cz", null, null, null, null,
        "Od rána InTouch nejde spustit. Máme ver 5.1.2.\n\nKarel Brázda\nAutoservis Brázda s.r.o., IČO 78932882",
        TODAY, "Autoservis Brázda"));
    assertThat(result.identified()).isTrue();
    assertThat(result.companyId()).isEqualTo("78932882");
    assertThat(result.contractValid()).isFalse();
    assertThat(result.contractValidUntil()).isNull();
    assertThat(result.findings()).contains("Firma: IČO 78932882 – není v registru zákazníků");
  }

  @Test
  void aContactOfTwoCustomersIsTheContactOfTheCompanyWhoseIcoTheMailGives() {
    Company first = registry.findCompanyByIco("05237106").orElseThrow();
    Company second = registry.findCompanyByIco("27498336").orElseThrow();
    registry.addContact(first.id(), "Olga Tichá", "olga.ticha@ucetni-ticha.cz", CustomerRegistry.SOURCE_TICKET);
    registry.addContact(second.id(), "Olga Tichá", null, CustomerRegistry.SOURCE_TICKET);
    Identification result = identification.identify(new Claims("olga.ticha@ucetni-ticha.cz", null, null, null,
        null, "Nejde tisk faktur, verze 5.3.2.\n\nOlga Tichá\nIČO: 27498336", TODAY));
    assertThat(result.companyId()).isEqualTo("27498336");
    assertThat(result.findings()).contains("IČO v textu e-mailu (kontakt i této firmy)");
    Identification unstated = identification.identify(new Claims("olga.ticha@ucetni-ticha.cz", null, null, null,
        null, "Nejde tisk faktur, verze 5.3.2.", TODAY));
    assertThat(unstated.companyId()).isEqualTo("05237106");
  }
}
