package cz.intouch.support.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code support.sla.*}: how often staff get the digest of SLA warnings and breaches, and how long a claimed but
 * unsent digest (its node died) waits before another run takes it again. Defaults in {@code application.yaml}.
 */
@ConfigurationProperties(prefix = "support.sla")
public record SlaDigestSettings(
    @DefaultValue("true") boolean digestEnabled,
    @DefaultValue("2m") Duration digestInterval,
    @DefaultValue("10m") Duration digestClaimTimeout) {}
