package cz.intouch.support.sla;

import cz.intouch.support.ticket.DeskTime;
import java.util.HashSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the calendar and the deadline service; {@code slaDeadlines} is the name BPMN expressions use. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusinessCalendarProperties.class)
public class SlaConfiguration {

  @Bean
  public BusinessCalendar businessCalendar(BusinessCalendarProperties properties) {
    return new BusinessCalendar(
        DeskTime.ZONE, properties.openAt(), properties.closeAt(), new HashSet<>(properties.extraClosedDays()));
  }

  @Bean(name = "slaDeadlines")
  public SlaDeadlines slaDeadlines(BusinessCalendar businessCalendar) {
    return new SlaDeadlines(businessCalendar);
  }
}
