package cz.intouch.support;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.test.util.TestSocketUtils;

/**
 * Free SMTP/IMAP ports for the embedded GreenMail of each test context, so cached contexts never collide.
 * Registered in META-INF/spring.factories; the ports are drawn once per context, when it is created.
 */
public class TestMailPorts implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attrs) {
    return new Customizer();
  }

  private static final class Customizer implements ContextCustomizer {

    @Override
    public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
        org.springframework.test.context.MergedContextConfiguration config) {
      TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
          "support.mail.smtp.port=" + TestSocketUtils.findAvailableTcpPort(),
          "support.mail.imap.port=" + TestSocketUtils.findAvailableTcpPort());
    }

    // every context gets its own ports; all customizers are equal so the context cache still works
    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }
}
