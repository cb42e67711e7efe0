package cz.intouch.support.sla;

import cz.intouch.support.ticket.DeskTime;
import java.util.HashSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the business calendar and the deadline service. The models reach the calendar through
 * {@link BusinessDays} ({@code businessDays}) and {@link ComputeSlaDeadlineDelegate}, never through these beans.
 */
@Configuration(proxyBeanMethods = false)
public class SlaConfiguration {

  @Bean
  public BusinessCalendar businessCalendar(BusinessCalendarProperties properties) {
    return new BusinessCalendar(
        DeskTime.ZONE, properties.openAt(), properties.closeAt(), new HashSet<>(properties.extraClosedDays()));
  }

  @Bean
  public SlaDeadlines slaDeadlines(BusinessCalendar businessCalendar) {
    return new SlaDeadlines(businessCalendar);
  }
}
