package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.ticket.SupportStaff;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Adding a member who is already in the group is no error: the membership simply stays. */
@SupportDeskTest
class GroupMembershipTest {

  private static final String AGENT_MEMBERSHIP = "/group/" + SupportStaff.AGENTS + "/members/agent";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void addingAnExistingMemberAgainAnswers204AndChangesNothing() throws Exception {
    StaffHttp http = new StaffHttp(port);
    assertThat(http.send("PUT", "/engine-rest" + AGENT_MEMBERSHIP, "admin", null, null).statusCode()).isEqualTo(204);
    // as Admin does it, through the webapps' copy of the engine API
    assertThat(http.login("admin", "admin").send("PUT", "/camunda/api/engine/engine/default" + AGENT_MEMBERSHIP,
        null, null).statusCode()).isEqualTo(204);

    assertThat(identity.createUserQuery().memberOfGroup(SupportStaff.AGENTS).userId("agent").count()).isOne();
  }

  @Test
  void onlyAdministratorsManageMemberships() throws Exception {
    assertThat(new StaffHttp(port).send("PUT", "/engine-rest" + AGENT_MEMBERSHIP, "manager", null, null)
        .statusCode()).isEqualTo(403);
  }
}
