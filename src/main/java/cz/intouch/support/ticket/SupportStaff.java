package cz.intouch.support.ticket;

import java.util.List;

/** The staff groups of the support desk: Camunda groups, and Spring Security roles of the same name. */
public final class SupportStaff {

  public static final String ADMINS = "camunda-admin";
  public static final String AGENTS = "support-agents";
  public static final String SPECIALISTS = "support-specialists";
  public static final String MANAGERS = "support-managers";

  public static final List<String> SUPPORT_GROUPS = List.of(AGENTS, SPECIALISTS, MANAGERS);

  private SupportStaff() {}
}
