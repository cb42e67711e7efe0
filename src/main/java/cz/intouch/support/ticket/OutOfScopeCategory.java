package cz.intouch.support.ticket;

/** What technical support does not include (contract values of {@code outOfScopeCategory}), as the refusal names it. */
public enum OutOfScopeCategory {
  ON_SITE("servis u zákazníka"),
  INSTALLATION("instalace nebo upgrade programu"),
  PROGRAMMING("programátorské práce"),
  CONSULTING("odborné konzultace"),
  TRANSPORT("doprava"),
  ANALYSIS("analytické práce");

  private final String czech;

  OutOfScopeCategory(String czech) {
    this.czech = czech;
  }

  public String czech() {
    return czech;
  }

  public static String czechOf(String code) {
    return Codes.byName(OutOfScopeCategory.class, code, "out-of-scope category").czech();
  }
}
