package cz.intouch.support.config;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Under the prod profile nothing has a default secret: before any bean is made, every required setting is
 * checked and the start is refused with one line naming all the missing ones (see {@link MissingSettingsAnalyzer}).
 */
public class ProdSettingsCheck implements EnvironmentPostProcessor, Ordered {

  static final List<String> REQUIRED = List.of(
      "SUPPORT_DB_URL", "SUPPORT_DB_USER", "SUPPORT_DB_PASSWORD",
      "SUPPORT_ADMIN_PASSWORD", "SUPPORT_PUBLIC_BASE_URL",
      "SUPPORT_IMAP_HOST", "SUPPORT_IMAP_USER", "SUPPORT_IMAP_PASSWORD",
      "SUPPORT_SMTP_HOST", "SUPPORT_SMTP_USER", "SUPPORT_SMTP_PASSWORD");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> missing = missing(environment);
    if (!missing.isEmpty()) {
      throw new MissingSettingsException(missing);
    }
  }

  static List<String> missing(ConfigurableEnvironment environment) {
    return REQUIRED.stream().filter(name -> {
      String value = environment.getProperty(name);
      return value == null || value.isBlank();
    }).toList();
  }

  /** After the config files are read, so a profile activated in them counts too. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static class MissingSettingsException extends IllegalStateException {

    private final List<String> missing;

    public MissingSettingsException(List<String> missing) {
      super("Missing required settings for the prod profile: " + String.join(", ", missing));
      this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
      return missing;
    }
  }
}
