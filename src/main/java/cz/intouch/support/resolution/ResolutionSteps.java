package cz.intouch.support.resolution;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.DeskTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Small steps of the resolution part of the support request. */
@Configuration
public class ResolutionSteps {

  @Bean("closeTicket")
  public JavaDelegate closeTicket() {
    return execution -> execution.setVariable(CLOSED_AT, Date.from(DeskTime.now()));
  }
}
