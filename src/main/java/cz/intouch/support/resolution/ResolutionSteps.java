package cz.intouch.support.resolution;

import cz.intouch.support.ticket.DeskTime;
import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.sla.BusinessCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Small steps of the resolution part of the support request. */
@Configuration
public class ResolutionSteps {

  @Bean("closeTicket")
  public JavaDelegate closeTicket() {
    return execution -> execution.setVariable(CLOSED_AT, Date.from(DeskTime.now()));
  }

  /** When a customer who was asked something is reminded: 3 business days after the question. */
  @Component("customerWait")
  public static class CustomerWait {

    static final int REMIND_AFTER_BUSINESS_DAYS = 3;

    private final BusinessCalendar calendar;

    public CustomerWait(BusinessCalendar calendar) {
      this.calendar = calendar;
    }

    public Date reminderDue(DelegateExecution execution) {
      return Date.from(calendar.plusBusinessDays(DeskTime.now(), REMIND_AFTER_BUSINESS_DAYS)
          .toInstant());
    }
  }
}
