package cz.intouch.support.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProgramVersionTest {

  @Test
  void partsAreComparedAsNumbersNotAsText() {
    assertThat(ProgramVersion.parse("5.10.0")).isGreaterThan(ProgramVersion.parse("5.9.3"));
    assertThat(ProgramVersion.parse("6.0.0")).isGreaterThan(ProgramVersion.parse("5.99.99"));
    assertThat(ProgramVersion.parse("5.3.10").isNewerThan(ProgramVersion.parse("5.3.2"))).isTrue();
  }

  @Test
  void aBuildSuffixIsToleratedAndIgnored() {
    assertThat(ProgramVersion.parse("5.3.2 build 2210")).isEqualTo(new ProgramVersion(5, 3, 2));
    assertThat(ProgramVersion.parse("v5.3.2-rc1")).isEqualTo(new ProgramVersion(5, 3, 2));
    assertThat(ProgramVersion.parse("5.3.2 build 2210")).isEqualByComparingTo(ProgramVersion.parse("5.3.2"));
  }

  @Test
  void aMissingPatchCountsAsZero() {
    assertThat(ProgramVersion.parse("5.4")).hasToString("5.4.0");
  }

  @Test
  void sortsReleasesInUpgradeOrder() {
    List<String> sorted = Stream.of("5.10.0", "5.9.3", "5.3.2 build 2210", "6.0.0", "5.4.0")
        .map(ProgramVersion::parse).sorted().map(ProgramVersion::toString).toList();
    assertThat(sorted).containsExactly("5.3.2", "5.4.0", "5.9.3", "5.10.0", "6.0.0");
  }

  @Test
  void textThatIsNotAVersionIsRefusedWithACzechMessage() {
    assertThat(ProgramVersion.isValid("nejnovější")).isFalse();
    assertThatThrownBy(() -> ProgramVersion.parse("5")).hasMessageContaining("Neplatné číslo verze");
    assertThatThrownBy(() -> ProgramVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
