package cz.intouch.support.ticket;

/** Where a ticket stands (contract values of the {@code status} variable), as the customer reads it on the extranet. */
public enum TicketStatus {
  NEW("přijatý"),
  IDENTIFICATION("ověřujeme identifikaci"),
  AWAITING_IDENTIFICATION("čeká na doplnění identifikace"),
  AWAITING_DECISION("čeká na rozhodnutí"),
  OPEN("otevřený"),
  IN_PROGRESS("řeší se"),
  WAITING_FOR_CUSTOMER("čeká na Vaši odpověď"),
  WAITING_FOR_RELEASE("oprava v příští verzi"),
  RESOLVED("vyřešený"),
  CLOSED("uzavřený"),
  REFUSED("odmítnutý");

  private final String czech;

  TicketStatus(String czech) {
    this.czech = czech;
  }

  public String czech() {
    return czech;
  }

  public static TicketStatus of(String code) {
    return Codes.byName(TicketStatus.class, code, "ticket status");
  }
}
