package cz.intouch.support.release;

import static cz.intouch.support.ticket.TicketVariables.NEWEST_VERSION;
import static cz.intouch.support.ticket.TicketVariables.PLANNED_RELEASE;
import static cz.intouch.support.ticket.TicketVariables.PROGRAM_VERSION;
import static cz.intouch.support.ticket.TicketVariables.TICKET_NUMBER;
import static cz.intouch.support.ticket.TicketVariables.UPGRADE_AVAILABLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Planning a cosmetic ticket into a release, on the agent's task "Naplánovat opravu do vydání": when the task
 * starts ({@code planNext}) the ticket is planned into the next planned release and the agent sees the newest
 * published version beside the customer's (any version upgrades to any higher one); when the agent completes it
 * ({@code confirm}) a different release the agent chose replaces the proposal.
 */
@Component("releasePlanning")
public class ReleasePlanning {

  private final ReleaseRegister register;

  public ReleasePlanning(ReleaseRegister register) {
    this.register = register;
  }

  public void confirm(DelegateTask task) {
    Object chosen = task.getVariable(PLANNED_RELEASE);
    if (chosen == null || chosen.toString().isBlank()) {
      return;
    }
    String ticketNumber = (String) task.getVariable(TICKET_NUMBER);
    if (!ProgramVersion.isValid(chosen.toString())) {
      throw new IllegalArgumentException("Neplatná verze vydání: " + chosen);
    }
    ProgramVersion version = ProgramVersion.parse(chosen.toString());
    boolean unchanged = register.plannedReleaseOf(ticketNumber).map(release -> release.version().equals(version))
        .orElse(false);
    if (!unchanged) {
      register.moveTicket(ticketNumber, version);
    }
  }

  public void planNext(DelegateExecution execution) {
    String ticketNumber = (String) execution.getVariable(TICKET_NUMBER);
    execution.setVariable(PLANNED_RELEASE,
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
