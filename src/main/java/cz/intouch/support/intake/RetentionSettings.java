package cz.intouch.support.intake;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code support.retention.*}: when {@link TicketRetention} looks for ticket rows whose history is gone.
 *
 * @param checkInterval how often it looks, inside the window
 * @param batchSize tickets removed per transaction
 * @param windowStart start of the window it runs in (JVM time zone): the history cleanup's own
 * @param windowEnd end of that window; before the start means the window spans midnight
 */
@ConfigurationProperties(prefix = "support.retention") // defaults in application.yaml
public record RetentionSettings(
    boolean enabled,
    Duration checkInterval,
    int batchSize,
    LocalTime windowStart,
    LocalTime windowEnd) {}
