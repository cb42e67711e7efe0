package cz.intouch.support.triage;

import java.util.Arrays;

/** The policy's four urgency classes (contract values of the {@code urgency} variable). */
public enum Urgency {
  COMMON_QUESTION, SERIOUS, LESS_SERIOUS, COSMETIC;

  public static boolean isKnown(String code) {
    return code != null && Arrays.stream(values()).anyMatch(urgency -> urgency.name().equals(code));
  }
}
