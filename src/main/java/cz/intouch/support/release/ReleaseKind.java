package cz.intouch.support.release;

/** About two major and six minor releases a year; any version upgrades to any higher one either way. */
public enum ReleaseKind {
  MAJOR("hlavní verze"),
  MINOR("dílčí verze");

  private final String czech;

  ReleaseKind(String czech) {
    this.czech = czech;
  }

  public String czech() {
    return czech;
  }
}
