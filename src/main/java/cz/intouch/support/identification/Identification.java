package cz.intouch.support.identification;

import java.util.List;

/**
 * The outcome of checking who asks: company, person and program version as far as known, what is still
 * missing (in the order the customer is asked for it), and whether the company's support contract is valid.
 */
public record Identification(
    String companyId,
    String companyName,
    String contactName,
    String contactEmail,
    String programVersion,
    java.time.LocalDate contractValidUntil,
    boolean contractValid,
    List<Missing> missing) {

  public enum Missing {
    COMPANY("IČO nebo název Vaší společnosti"),
    PERSON("jméno a příjmení uživatele, který požadavek zadává"),
    VERSION("verzi programu InTouch CRM, kterou používáte");

    private final String czech;

    Missing(String czech) {
      this.czech = czech;
    }

    /** How the missing item is asked for in the customer's mail. */
    public String czech() {
      return czech;
    }
  }

  public boolean identified() {
    return missing.isEmpty();
  }
}
