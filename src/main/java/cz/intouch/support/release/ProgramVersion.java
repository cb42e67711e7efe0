package cz.intouch.support.release;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of InTouch CRM, major.minor.patch compared numerically ("5.10.0" is newer than "5.9.3"). Customers
 * write what the About box shows, often with a build suffix ("5.3.2 build 2210", "v5.3"): the suffix is
 * tolerated and ignored, a missing patch counts as 0.
 */
public record ProgramVersion(int major, int minor, int patch) implements Comparable<ProgramVersion> {

  private static final Pattern VERSION =
      Pattern.compile("^\\s*[vV]?\\s*(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?(?:[\\s\\-+_(].*)?$");
  private static final Comparator<ProgramVersion> ORDER = Comparator.comparingInt(ProgramVersion::major)
      .thenComparingInt(ProgramVersion::minor).thenComparingInt(ProgramVersion::patch);

  public ProgramVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("Negative version part");
    }
  }

  /** @throws IllegalArgumentException (Czech message) when the text is not a version */
  public static ProgramVersion parse(String text) {
    Matcher matcher = text == null ? null : VERSION.matcher(text);
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException("Neplatné číslo verze „" + text + "“ (očekává se např. 5.4.0).");
    }
    return new ProgramVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
        matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
  }

  public static boolean isValid(String text) {
    return text != null && VERSION.matcher(text).matches();
  }

  public boolean isNewerThan(ProgramVersion other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(ProgramVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
