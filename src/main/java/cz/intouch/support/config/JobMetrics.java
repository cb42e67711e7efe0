package cz.intouch.support.config;

import cz.intouch.support.ticket.MetricsSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.context.annotation.Configuration;

/**
 * The job executor as operators see it (README "For operators"): jobs due but not yet executed (timers and
 * asynchronous steps: a growing number means the executor does not keep up or does not run) and jobs out of
 * retries, each an incident in Cockpit. Through the engine's public job query, cached.
 */
@Configuration
public class JobMetrics {

  JobMetrics(MeterRegistry registry, ManagementService management, MetricsSettings settings) {
    Supplier<Long> due = settings.cached(() -> management.createJobQuery().executable().count());
    Gauge.builder("support.jobs.due", due, value -> value.get())
        .description("Jobs due and with retries left, not yet executed (job executor backlog)")
        .strongReference(true)
        .register(registry);
    Supplier<Long> failed = settings.cached(() -> management.createJobQuery().noRetriesLeft().count());
    Gauge.builder("support.jobs.failed", failed, value -> value.get())
        .description("Jobs out of retries, waiting as incidents in Cockpit")
        .strongReference(true)
        .register(registry);
  }
}
