package cz.intouch.support.extranet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code support.extranet.*}, defaults in {@code application.yaml}.
 *
 * @param tokenValidity how long a set-password or reset link works
 * @param maxFailedLogins wrong passwords for one user name from one client address before that pair is refused
 * @param lockout how long failed logins count (and a refused pair waits)
 * @param maxFailedLoginsPerAddress failed logins from one client address, any name, before it is refused
 */
@ConfigurationProperties(prefix = "support.extranet")
public record ExtranetSettings(Duration tokenValidity, int maxFailedLogins, Duration lockout,
    int maxFailedLoginsPerAddress) {}
