package cz.intouch.support.ticket;

import java.util.Arrays;

/** The policy's four urgency classes (contract values of the {@code urgency} variable), with their Czech names. */
public enum Urgency {
  COMMON_QUESTION("běžný dotaz"),
  SERIOUS("závažný problém"),
  LESS_SERIOUS("méně závažný problém"),
  COSMETIC("kosmetická vada");

  private final String czech;

  Urgency(String czech) {
    this.czech = czech;
  }

  /** As customers and agents read it: "závažný problém". */
  public String czech() {
    return czech;
  }

  public static boolean isKnown(String code) {
    return code != null && Arrays.stream(values()).anyMatch(urgency -> urgency.name().equals(code));
  }

  /** The Czech name of a code; an unknown code is a programming error. */
  public static String czechOf(String code) {
    return Codes.byName(Urgency.class, code, "urgency").czech();
  }
}
