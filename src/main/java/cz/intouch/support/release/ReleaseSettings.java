package cz.intouch.support.release;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code support.release.*}: the directory of the installers; the register stores paths relative to it. */
@ConfigurationProperties(prefix = "support.release")
public record ReleaseSettings(Path filesDir) {}
