package cz.intouch.support.resolution;

import static cz.intouch.support.ticket.TicketVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Small steps of the resolution part of the support request. */
@Configuration
public class ResolutionSteps {

  @Bean("closeTicket")
  public JavaDelegate closeTicket() {
    return execution -> execution.setVariable(CLOSED_AT, ClockUtil.getCurrentTime());
  }
}
