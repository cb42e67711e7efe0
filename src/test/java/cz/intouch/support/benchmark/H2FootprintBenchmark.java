package cz.intouch.support.benchmark;

import cz.intouch.support.SupportDeskApplication;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

/**
 * How much disk a ticket costs on the default run's H2 file database: N tickets through the full process (to the
 * first agent task, with its acknowledgement mail) on a fresh file, then the file's size per ticket while the desk
 * runs, after a clean stop, and after an explicit {@code SHUTDOWN COMPACT}. Run once per URL setting:
 * {@code mvn -Pbenchmark test-compile exec:java -Dexec.mainClass=cz.intouch.support.benchmark.H2FootprintBenchmark
 * -Dfootprint.tickets=300 -Dfootprint.settings=";DB_CLOSE_ON_EXIT=FALSE"}.
 */
public final class H2FootprintBenchmark {

  public static void main(String[] args) throws Exception {
    int tickets = Integer.getInteger("footprint.tickets", 300);
    String settings = System.getProperty("footprint.settings", ";DB_CLOSE_ON_EXIT=FALSE");
    Path data = Files.createTempDirectory("support-desk-footprint");
    String url = "jdbc:h2:file:" + data.resolve("support-desk") + settings;
    long live;
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url,
            "--support.mail.smtp.port=" + TestSocketUtils.findAvailableTcpPort(),
            "--support.mail.imap.port=" + TestSocketUtils.findAvailableTcpPort(),
            "--support.mail.auto-reply-limit-per-day=1000000", "--logging.level.root=WARN")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      TicketIntake intake = app.getBean(TicketIntake.class);
      long empty = size(data);
      for (int i = 0; i < tickets; i++) {
        intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Chyba při tisku " + i,
            "Dobrý den, ve verzi 5.3.2 nejde vytisknout fakturu, ostatní funguje. Děkuji, Jan Novák.", null, null,
            null, "jan.novak@strojirny-horice.cz", null, null, false, null));
      }
      while (engine.getTaskService().createTaskQuery().taskDefinitionKey("UserTask_InitiateResolution").count()
          < tickets) {
        Thread.sleep(200); // polling the database for the job executor's progress, not timing the work
      }
      Thread.sleep(2000); // let H2's background writer put everything into the file
      live = size(data);
      System.out.printf("%nFOOTPRINT %s, %d tickets%n  empty desk %d KB%n", settings, tickets, empty / 1024);
      System.out.printf("  while running:       %8d KB = %5.1f KB per ticket%n", live / 1024,
          (live - empty) / 1024.0 / tickets);
    }
    long closed = size(data);
    System.out.printf("  after a clean stop:  %8d KB = %5.1f KB per ticket%n", closed / 1024, closed / 1024.0 / tickets);
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN COMPACT");
    }
    long compact = size(data);
    System.out.printf("  after SHUTDOWN COMPACT: %5d KB = %5.1f KB per ticket%n", compact / 1024,
        compact / 1024.0 / tickets);
    System.exit(0);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
