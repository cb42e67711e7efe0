package cz.intouch.support.config;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Adding a user to a group they are already in leaves the membership as it is, instead of failing.
 *
 * <p>The engine's database identity provider inserts the membership blindly, so a second add breaks the
 * primary key of ACT_ID_MEMBERSHIP and Admin, {@code PUT /engine-rest/group/{id}/members/{userId}} and the Java
 * API all answer with a server error. The identity provider is the engine's plugin point for users and groups
 * (as the LDAP plugin uses it); ours is the database one with an idempotent {@code createMembership}.
 */
@Component
public class IdempotentGroupMembership extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(IdentityProvider.class));
  }

  public static class IdentityProvider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      // the caller's right first, as the engine checks it: without it a caller gets 403, not who is a member
      checkAuthorization(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, groupId);
      if (userId != null && groupId != null && existsMembership(userId, groupId)) {
        return new IdentityOperationResult(null, IdentityOperationResult.OPERATION_NONE);
      }
      return super.createMembership(userId, groupId);
    }
  }
}
