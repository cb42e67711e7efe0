package cz.intouch.support.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcoTest {

  @ParameterizedTest
  @ValueSource(strings = {"25596641", "27074358", "00006947", "45274649", "00064581"})
  void registeredCompanyNumbersAreValid(String ico) {
    assertThat(Ico.isValid(ico)).isTrue();
    assertThat(Ico.parse(ico).value()).isEqualTo(ico);
  }

  @Test
  void remainderZeroGivesCheckDigitOneAndRemainderOneGivesZero() {
    // 2559664: weighted sum 176 = 16 * 11
    assertThat(Ico.checkDigit("2559664")).isEqualTo(1);
    // 0000006: weighted sum 12 = 11 + 1
    assertThat(Ico.checkDigit("0000006")).isEqualTo(0);
    assertThat(Ico.isValid("00000060")).isTrue();
  }

  @Test
  void customersMayWriteTheLabelAndSpaces() {
    assertThat(Ico.parse("IČO: 25596641").value()).isEqualTo("25596641");
    assertThat(Ico.parse("ič 255 96 641").value()).isEqualTo("25596641");
    assertThat(Ico.parse(" ICO:27074358 ").value()).isEqualTo("27074358");
    assertThat(Ico.parse("000\u00A006947").value()).isEqualTo("00006947");
  }

  @ParameterizedTest
  @ValueSource(strings = {"25596642", "27074350", "12345678", "00000000", "45274648"})
  void aWrongCheckDigitIsNamed(String ico) {
    assertThat(Ico.isValid(ico)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> Ico.parse(ico))
        .withMessage("Neplatné IČO " + ico + " (kontrolní číslice)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6947", "2559664", "255966411", "2559664a", "25-596-641"})
  void onlyExactlyEightDigitsAreAnIco(String text) {
    assertThat(Ico.isValid(text)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> Ico.parse(text))
        .withMessageContaining("musí mít přesně 8 číslic");
  }

  @Test
  void aSevenDigitNumberIsNotPadded() {
    // 6947 is the Ministry of Finance's 00006947 written without its zeros
    assertThat(Ico.isValid("0006947")).isFalse();
  }

  @Test
  void missingIcoIsSaidSo() {
    assertThat(Ico.isValid(null)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> Ico.parse("  ")).withMessage("Chybí IČO.");
    assertThatIllegalArgumentException().isThrownBy(() -> Ico.parse("IČO:")).withMessage("Chybí IČO.");
  }

  @Test
  void theValueTypeRefusesInvalidDigits() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Ico("12345678"));
    assertThat(new Ico("25596641")).hasToString("25596641");
  }
}
