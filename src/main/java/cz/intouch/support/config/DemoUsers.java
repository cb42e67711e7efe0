package cz.intouch.support.config;

import cz.intouch.support.ticket.SupportStaff;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The contract's demo users (password = user name) on the local default run; never under prod. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(prefix = "support.demo", name = "enabled", havingValue = "true")
public class DemoUsers extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private record DemoUser(String id, String firstName, String lastName, String group) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("agent", "Alena", "Podpůrná", SupportStaff.AGENTS),
      new DemoUser("specialist", "Petr", "Odborný", SupportStaff.SPECIALISTS),
      new DemoUser("manager", "Marie", "Vedoucí", SupportStaff.MANAGERS));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@intouch-crm.cz");
      user.setPassword(demo.id());
      identity.saveUser(user);
      identity.createMembership(demo.id(), demo.group());
      log.info("Created demo user {} in {}", demo.id(), demo.group());
    }
  }
}
