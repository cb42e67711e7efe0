package cz.intouch.support.config;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * The engine's default authorizations, except that the grant it makes on a task for its candidate groups and users,
 * assignee and owner is only the right to work it ({@code default-user-permission-name-for-task}), not READ: staff
 * read the tasks of the processes they serve through READ_TASK on the process definition ({@link StaffAccessSetup}).
 *
 * <p>Why: every task query joins the authorizations that grant READ with {@code RESOURCE_ID_ IN (task, process key,
 * '*')}, a condition PostgreSQL can only evaluate as open tasks times matching rows. With one READ row per open task
 * for the agents' group, one page of a Tasklist filter took 20.8 s at 20,000 open tickets; without them 38 ms (see
 * README, "For operators"). Who may claim or complete a task stays per task: an agent cannot work a specialist's.
 *
 * <p>Set through the engine configuration's {@code resourceAuthorizationProvider}: the public API has no other way
 * to shape the authorizations the engine makes by itself.
 */
final class WorkOnlyTaskAuthorizations extends DefaultAuthorizationProvider {

  @Override
  protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
    Permission work = getDefaultUserPermissionForTask();
    return enforceSpecificVariablePermission
        ? new Permission[] {work, TaskPermissions.READ_VARIABLE}
        : new Permission[] {work};
  }
}
