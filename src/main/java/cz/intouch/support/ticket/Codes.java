package cz.intouch.support.ticket;

import java.util.Arrays;

/** Looks up the enum constant of a contract code, failing with the known codes in the message. */
final class Codes {

  private Codes() {}

  static <E extends Enum<E>> E byName(Class<E> type, String code, String what) {
    return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown " + what + " code: " + code + " (known: "
            + Arrays.toString(type.getEnumConstants()) + ")"));
  }
}
