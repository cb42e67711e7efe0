package cz.intouch.support.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"Strojírny Hořice s.r.o.", "STROJIRNY HORICE", "strojírny hořice, s. r. o.",
      "Strojírny  Hořice spol. s r.o.", "Strojírny Hořice a.s.", "Strojírny Hořice, v.o.s.", "Strojírny Hořice k.s.",
      "Strojírny-Hořice sro", "Strojírny Hořice spol.s r.o."})
  void companyNamesMatchRegardlessOfCaseDiacriticsPunctuationAndLegalForm(String name) {
    assertThat(NameKey.of(name)).isEqualTo("strojirny horice");
  }

  @Test
  void wordsThatMerelyEndLikeALegalFormStay() {
    assertThat(NameKey.of("Atlas")).isEqualTo("atlas");
    assertThat(NameKey.of("Nakladatelství Atlas a.s.")).isEqualTo("nakladatelstvi atlas");
    assertThat(NameKey.of("Novák a syn s.r.o.")).isEqualTo("novak a syn");
  }

  @Test
  void aNameThatIsOnlyALegalFormKeepsItsOnlyWord() {
    assertThat(NameKey.of("A.S.")).isEqualTo("a s");
    assertThat(NameKey.of("SE")).isEqualTo("se");
  }

  @Test
  void allCzechDiacriticsFold() {
    assertThat(NameKey.fold("Příliš žluťoučký kůň úpěl ďábelské ódy")).isEqualTo("prilis zlutoucky kun upel dabelske ody");
    assertThat(NameKey.fold("ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ")).isEqualTo("acdeeinorstuuyz");
  }

  @Test
  void personNamesMatchInAnyOrderWithoutTitles() {
    String key = NameKey.person("Jan Novák");
    assertThat(NameKey.person("Novák Jan")).isEqualTo(key);
    assertThat(NameKey.person("NOVAK, jan")).isEqualTo(key);
    assertThat(NameKey.person("Ing. Jan Novák, Ph.D.")).isEqualTo(key);
    assertThat(NameKey.person("Jana Nováková")).isNotEqualTo(key);
  }

  @Test
  void nothingFoldsToEmpty() {
    assertThat(NameKey.of(null)).isEmpty();
    assertThat(NameKey.of(" .,- ")).isEmpty();
    assertThat(NameKey.person("Ing.")).isEmpty();
  }
}
