package cz.intouch.support.ticket;

/** How a request reached the desk (contract values of the {@code channel} variable), with the Czech word for it. */
public enum Channel {
  EMAIL("e-mail"),
  PHONE("telefon"),
  WEB("web");

  private final String czech;

  Channel(String czech) {
    this.czech = czech;
  }

  public String czech() {
    return czech;
  }

  public static String czechOf(String code) {
    return Codes.byName(Channel.class, code, "channel").czech();
  }
}
