package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.intouch.support.SupportDeskApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProdSettingsCheckTest {

  @Test
  void prodWithoutSecretsRefusesToStartNamingEveryMissingVariable() {
    SpringApplication app = new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles("prod")
        .properties("SUPPORT_DB_URL=jdbc:postgresql://db.example/support", "SUPPORT_SMTP_HOST=smtp.example")
        .build();

    assertThatThrownBy(() -> app.run())
        .isInstanceOf(ProdSettingsCheck.MissingSettingsException.class)
        .hasMessage("Missing required settings for the prod profile: SUPPORT_DB_USER, SUPPORT_DB_PASSWORD, "
            + "SUPPORT_ADMIN_PASSWORD, SUPPORT_PUBLIC_BASE_URL, SUPPORT_IMAP_HOST, SUPPORT_IMAP_USER, "
            + "SUPPORT_IMAP_PASSWORD, SUPPORT_SMTP_USER, SUPPORT_SMTP_PASSWORD");
  }

  @Test
  void theFailureIsReportedAsOneLineWithWhatToDo() {
    FailureAnalysis analysis = new MissingSettingsAnalyzer()
        .analyze(new ProdSettingsCheck.MissingSettingsException(java.util.List.of("SUPPORT_DB_PASSWORD")));
    assertThat(analysis.getDescription())
        .isEqualTo("Missing required settings for the prod profile: SUPPORT_DB_PASSWORD");
    assertThat(analysis.getAction()).contains("README");
  }

  @Test
  void blankValuesCountAsMissingAndTheDefaultRunNeedsNothing() {
    StandardEnvironment prod = environment(Map.of("SUPPORT_DB_URL", " "));
    prod.setActiveProfiles("prod");
    assertThat(ProdSettingsCheck.missing(prod)).contains("SUPPORT_DB_URL");

    StandardEnvironment local = environment(Map.of());
    new ProdSettingsCheck().postProcessEnvironment(local, new SpringApplication());
  }

  private static StandardEnvironment environment(Map<String, Object> values) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", values));
    return environment;
  }
}
