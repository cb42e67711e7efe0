package cz.intouch.support.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code support.api.*}: limits of the JSON API. */
@ConfigurationProperties(prefix = "support.api")
public record ApiSettings(DataSize maxBodySize) {}
