package cz.intouch.support.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code support.sla.*}: how often staff get the digest of SLA warnings and breaches, and how long a claimed but
 * unsent digest (its node died) waits before another run takes it again. Defaults in {@code application.yaml} only.
 */
@ConfigurationProperties(prefix = "support.sla")
public record SlaDigestSettings(
    boolean digestEnabled,
    Duration digestInterval,
    Duration digestClaimTimeout) {}
