package cz.intouch.support.release;

import static cz.intouch.support.ticket.TicketVariables.RELEASE_VERSION;
import static cz.intouch.support.ticket.TicketVariables.Release.FIXED_COUNT;
import static cz.intouch.support.ticket.TicketVariables.Release.FIXED_TICKETS;
import static cz.intouch.support.ticket.TicketVariables.Release.INSTALLATION_INSTRUCTIONS;
import static cz.intouch.support.ticket.TicketVariables.Release.INSTALLER_FILE;
import static cz.intouch.support.ticket.TicketVariables.Release.MOVED_COUNT;
import static cz.intouch.support.ticket.TicketVariables.Release.PLANNED_ON;
import static cz.intouch.support.ticket.TicketVariables.Release.PLANNED_TICKETS;
import static cz.intouch.support.ticket.TicketVariables.Release.RELEASE_KIND;
import static cz.intouch.support.ticket.TicketVariables.Release.RELEASE_NOTES;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin steps of releasePublication: read the form's variables, call the register, write back. */
@Configuration
class ReleaseDelegates {

  /** Registers the planned release; the prepare form lists its planned tickets, all proposed as fixed. */
  @Bean("registerRelease")
  JavaDelegate registerRelease(ReleaseRegister register) {
    return execution -> {
      ProgramVersion version = version(execution);
      Object kind = execution.getVariable(RELEASE_KIND);
      Object plannedOn = execution.getVariable(PLANNED_ON);
      register.plan(version, kind == null ? ReleaseKind.MINOR : ReleaseKind.valueOf(kind.toString()),
          plannedOn == null || plannedOn.toString().isBlank() ? null : LocalDate.parse(plannedOn.toString()));
      String tickets = String.join("\n", register.ticketsOf(version));
      execution.setVariable(RELEASE_VERSION, version.toString());
      execution.setVariable(PLANNED_TICKETS, tickets);
      if (execution.getVariable(FIXED_TICKETS) == null) {
        execution.setVariable(FIXED_TICKETS, tickets);
      }
    };
  }

  @Bean("describeRelease")
  JavaDelegate describeRelease(ReleaseRegister register) {
    return execution -> {
      ProgramVersion version = version(execution);
      register.describe(version, text(execution, RELEASE_NOTES), text(execution, INSTALLATION_INSTRUCTIONS),
          text(execution, INSTALLER_FILE));
      register.markFixed(version, ticketNumbers(text(execution, FIXED_TICKETS)));
    };
  }

  @Bean("publishRelease")
  JavaDelegate publishRelease(ReleasePublication publication) {
    return execution -> {
      ReleaseRegister.Publication published = publication.publish(version(execution));
      execution.setVariable(FIXED_COUNT, published.fixedTickets().size());
      execution.setVariable(MOVED_COUNT, published.movedTickets().size());
    };
  }

  /** Ticket numbers as managers paste them: one a line, or separated by commas or spaces. */
  static List<String> ticketNumbers(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[\\s,;]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static ProgramVersion version(DelegateExecution execution) {
    return ProgramVersion.parse(text(execution, RELEASE_VERSION));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
