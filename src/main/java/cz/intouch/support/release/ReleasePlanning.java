package cz.intouch.support.release;

import static cz.intouch.support.ticket.TicketVariables.PROGRAM_VERSION;
import static cz.intouch.support.ticket.TicketVariables.TICKET_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Execution listener of the support model ({@code ${releasePlanning.planNext(execution)}}) where a cosmetic ticket
 * starts waiting for a release: plans it into the next planned release and tells the agent the newest published
 * version beside the customer's (any version upgrades to any higher one).
 */
@Component("releasePlanning")
public class ReleasePlanning {

  public static final String NEWEST_VERSION = "newestVersion";
  /** True when the newest published release is higher than the customer's version. */
  public static final String UPGRADE_AVAILABLE = "upgradeAvailable";

  private final ReleaseRegister register;

  public ReleasePlanning(ReleaseRegister register) {
    this.register = register;
  }

  public void planNext(DelegateExecution execution) {
    String ticketNumber = (String) execution.getVariable(TICKET_NUMBER);
    execution.setVariable(ReleasePublication.PLANNED_RELEASE,
        register.planTicket(ticketNumber).map(release -> release.version().toString()).orElse(null));
    register.newestPublished().ifPresent(newest -> {
      execution.setVariable(NEWEST_VERSION, newest.version().toString());
      Object customers = execution.getVariable(PROGRAM_VERSION);
      if (customers != null && ProgramVersion.isValid(customers.toString())) {
        execution.setVariable(UPGRADE_AVAILABLE, newest.version().isNewerThan(ProgramVersion.parse(customers.toString())));
      }
    });
  }
}
