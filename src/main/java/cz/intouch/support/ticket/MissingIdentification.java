package cz.intouch.support.ticket;

/**
 * A piece of the identification the policy asks for and the customer has not given yet, in the order the customer
 * is asked for it (codes of the {@code missingIdentification} variable, comma-separated).
 */
public enum MissingIdentification {
  COMPANY("IČO nebo název Vaší společnosti"),
  PERSON("jméno a příjmení uživatele, který požadavek zadává"),
  VERSION("verzi programu InTouch CRM, kterou používáte");

  private final String czech;

  MissingIdentification(String czech) {
    this.czech = czech;
  }

  /** How the missing item is asked for in the customer's mail. */
  public String czech() {
    return czech;
  }
}
