package cz.intouch.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The InTouch technical-support desk: one Spring Boot application with the embedded Camunda engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(SupportDeskApplication.class, args);
  }
}
