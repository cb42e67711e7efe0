package cz.intouch.support.ticket;

import java.util.Arrays;

/**
 * The policy's four urgency classes (contract values of the {@code urgency} variable), with their Czech names and
 * the priority of the tasks they give ({@link TaskPriority}). Tasks of a ticket not yet classified keep the
 * engine's default 50; a breached SLA raises its task to 100 ({@code escalateSlaBreach}), above every class.
 */
public enum Urgency {
  COMMON_QUESTION("běžný dotaz", 50),
  SERIOUS("závažný problém", 90),
  LESS_SERIOUS("méně závažný problém", 70),
  COSMETIC("kosmetická vada", 30);

  private final String czech;
  private final int taskPriority;

  Urgency(String czech, int taskPriority) {
    this.czech = czech;
    this.taskPriority = taskPriority;
  }

  /** Tasklist's priority of the ticket's tasks: the more urgent, the higher. */
  public int taskPriority() {
    return taskPriority;
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
