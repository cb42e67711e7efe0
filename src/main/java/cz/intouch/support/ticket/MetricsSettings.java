package cz.intouch.support.ticket;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' metrics (/actuator/prometheus). Each capability registers its own meters; the gauges that need a query
 * read it through {@link #cached}, so a scrape never loads the database. Such a gauge is the only holder of its cached
 * query: register it with {@code strongReference(true)} (Micrometer holds a gauge's object weakly and reports NaN once
 * it is collected). Names: Prometheus reserves the counter suffix {@code _created}, so a counter is never called that.
 *
 * @param gaugeCache how long a gauge's query result is reused
 */
@ConfigurationProperties(prefix = "support.metrics") // defaults in application.yaml
public record MetricsSettings(Duration gaugeCache) {

  /** The query's result, recomputed at most once per {@link #gaugeCache}. */
  public <T> Supplier<T> cached(Supplier<T> query) {
    return new Cached<>(gaugeCache, query, System::nanoTime);
  }
}
