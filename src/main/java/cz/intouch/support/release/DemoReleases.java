package cz.intouch.support.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo releases on the local default run: 5.3.2 published with a small installer, 5.4.0 planned. Never under prod. */
@Component
@ConditionalOnProperty(prefix = "support.demo", name = "enabled", havingValue = "true")
class DemoReleases implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoReleases.class);
  static final String INSTALLER = "5.3.2/intouch-crm-5.3.2-setup.zip";

  private final ReleaseRegister register;
  private final ReleasePublication publication;

  DemoReleases(ReleaseRegister register, ReleasePublication publication) {
    this.register = register;
    this.publication = publication;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Path installer = register.installerPath(INSTALLER);
    if (!Files.exists(installer)) {
      Files.createDirectories(installer.getParent());
      Files.writeString(installer, "Ukázkový instalační balíček InTouch CRM 5.3.2\n", StandardCharsets.UTF_8);
    }
    ProgramVersion published = ProgramVersion.parse("5.3.2");
    if (register.find(published).isEmpty()) {
      register.plan(published, ReleaseKind.MINOR, LocalDate.of(2026, 9, 15));
      register.describe(published, """
          Opravy:
          - export kontaktů do Excelu zachovává diakritiku,
          - rychlejší načítání přehledu obchodních příležitostí.""", """
          1. Zálohujte databázi InTouch CRM.
          2. Ukončete InTouch CRM na všech stanicích.
          3. Na serveru spusťte instalační program a postupujte podle průvodce.
          4. Po dokončení spusťte InTouch CRM a ověřte číslo verze v nabídce Nápověda → O programu.""", INSTALLER);
      publication.publish(published);
      log.info("Demo release {} published", published);
    }
    ProgramVersion planned = ProgramVersion.parse("5.4.0");
    if (register.find(planned).isEmpty()) {
      register.plan(planned, ReleaseKind.MINOR, LocalDate.of(2027, 1, 31));
      log.info("Demo release {} planned", planned);
    }
  }
}
