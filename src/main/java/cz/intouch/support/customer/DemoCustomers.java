package cz.intouch.support.customer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo customers (demo/customers.csv) on the local default run, through the same import as the API; the import
 * is idempotent, so restarts change nothing. Never under prod.
 */
@Component
@ConditionalOnProperty(prefix = "support.demo", name = "enabled", havingValue = "true")
class DemoCustomers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
  static final String FILE = "demo/customers.csv";

  private final CustomerImport customerImport;

  DemoCustomers(CustomerImport customerImport) {
    this.customerImport = customerImport;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    try (InputStream csv = new ClassPathResource(FILE).getInputStream()) {
      ImportResult result = customerImport.importCsv(csv.readAllBytes(), StandardCharsets.UTF_8);
      log.info("Demo customers: {} contacts imported, {} updated", result.imported(), result.updated());
      result.rejected().forEach(r -> log.warn("Demo customers line {} rejected: {}", r.line(), r.reason()));
    }
  }
}
