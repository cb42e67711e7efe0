package cz.intouch.support.identification;

import cz.intouch.support.ticket.MissingIdentification;
import java.util.List;

/**
 * The outcome of checking who asks: company, person and program version (and its build) as far as known, what is still
 * missing (in the order the customer is asked for it), and whether the company's support contract is valid.
 */
public record Identification(
    String companyId,
    String companyName,
    String contactName,
    String contactEmail,
    String programVersion,
    String programBuild,
    java.time.LocalDate contractValidUntil,
    boolean contractValid,
    List<MissingIdentification> missing,
    String findings) {

  public boolean identified() {
    return missing.isEmpty();
  }
}
