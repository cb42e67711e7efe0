package cz.intouch.support.identification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestCluesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Používáme verzi 5.3.2 a nejde tisk.|5.3.2",
      "v. 4.8.1 build 2210|4.8.1 build 2210",
      "Máme InTouch 5.2, prosím o radu.|5.2",
      "InTouch CRM Enterprise 5.10.1|5.10.1",
      "verze: 5.1|5.1",
      "ver. 5.0.3 (build 1999)|5.0.3 build 1999",
      "version 5.4.0|5.4.0"})
  void findsTheProgramVersionInFreeText(String text, String version) {
    assertThat(RequestClues.programVersion(text)).contains(version);
  }

  @Test
  void aDateOrAPhoneNumberIsNoVersion() {
    assertThat(RequestClues.programVersion("Volejte 478 571 021, chyba od 12.3.2026")).isEmpty();
  }

  @Test
  void findsACompanyIdWithAValidCheckDigit() {
    assertThat(RequestClues.companyId("Naše IČO: 28166345, DIČ CZ28166345")).contains("28166345");
    assertThat(RequestClues.companyId("IČ 2816 6345")).contains("28166345");
    assertThat(RequestClues.companyId("objednávka 12345678 z minulého týdne")).isEmpty();
    assertThat(RequestClues.companyId("bez čísla")).isEmpty();
  }

  @Test
  void readsTheSignersNameAfterAClosingFormula() {
    assertThat(RequestClues.signedName("Dobrý den,\nnejde tisk.\n\nS pozdravem\nIng. Karel Svoboda\nStrojírny"))
        .contains("Karel Svoboda");
    assertThat(RequestClues.signedName("Děkuji\n\nPetra Dvořáková, účetní")).contains("Petra Dvořáková");
    assertThat(RequestClues.signedName("Nejde tisk.\nS pozdravem\nOddělení IT")).isEmpty();
  }
}
