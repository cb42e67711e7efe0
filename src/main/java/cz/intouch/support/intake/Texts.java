package cz.intouch.support.intake;

/** Fitting what customers send into columns and variables of fixed size. */
final class Texts {

  private Texts() {}

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
