package cz.intouch.support.config;

import static cz.intouch.support.ticket.SupportStaff.AGENTS;
import static cz.intouch.support.ticket.SupportStaff.MANAGERS;
import static cz.intouch.support.ticket.SupportStaff.SPECIALISTS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cz.intouch.support.ticket.SupportStaff;
import cz.intouch.support.ticket.TicketVariables;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The staff groups, what each may do in Camunda, and their Tasklist filters, made sure of on every start: a
 * missing group, filter or permission is added again (so a permission an administrator removed in Admin returns
 * at the next start; a REVOKE authorization takes one away for good), and a permission earlier versions granted
 * too widely is taken back (see {@code revoke}). Other grants an administrator adds are left alone.
 *
 * <p>Agents and specialists work tasks in Tasklist (the engine itself grants a candidate group the right to work
 * each of its tasks; they read the tasks of the ticket processes) and start only tickets (phone calls); managers
 * read everything in Cockpit and work only the release publication (no support ticket); only camunda-admin (set up
 * by the starter's admin-user) reaches Admin.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // groups before the demo users that join them
public class StaffAccessSetup extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(StaffAccessSetup.class);


  static final String FILTER_MY_TASKS = "Moje úkoly";
  static final String FILTER_GROUP_TASKS = "Úkoly mé skupiny";
  static final String FILTER_BY_SLA = "Úkoly podle termínu SLA";
  /** Earlier than any deadline: "has a due date" in a task query. */
  private static final Date ANY_DEADLINE = Date.from(Instant.parse("2000-01-01T00:00:00Z"));

  private static final Map<String, String> GROUP_NAMES = Map.of(
      AGENTS, "Podpora – 1. úroveň",
      SPECIALISTS, "Podpora – 2. úroveň (specialisté)",
      MANAGERS, "Vedoucí podpory");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new WorkOnlyTaskAuthorizations());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    GROUP_NAMES.forEach((id, name) -> createGroup(identity, id, name));

    for (String worker : List.of(AGENTS, SPECIALISTS)) {
      grant(authorizations, worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // they read every model their tasks come from, but start only a ticket (a phone call): the other
      // processes are started by the desk itself (identification, quarantine) or by managers (releases)
      grant(authorizations, worker, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
      revoke(authorizations, worker, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(authorizations, worker, Resources.PROCESS_DEFINITION, TicketVariables.SUPPORT_REQUEST,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(authorizations, worker, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      // Tasklist's cards show the ticket's process variables; the engine's variable query (with
      // enforceSpecificVariablePermission off, as here) lets them through only for READ_INSTANCE on the definition
      // or READ on the instance: READ_INSTANCE_VARIABLE counts only in the enforced mode and READ on a task only
      // covers task-local variables. So: read-only instances of the two ticket processes, nothing else.
      // They read the tickets' tasks by READ_TASK here, not per task (see WorkOnlyTaskAuthorizations)
      for (String process : List.of(TicketVariables.SUPPORT_REQUEST, TicketVariables.CUSTOMER_IDENTIFICATION)) {
        grant(authorizations, worker, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK);
      }
      grant(authorizations, worker, Resources.USER, ANY, Permissions.READ);
      grant(authorizations, worker, Resources.GROUP, ANY, Permissions.READ);
    }

    // agents review the quarantined mails: the review task, not the quarantine's instances
    grant(authorizations, AGENTS, Resources.PROCESS_DEFINITION, TicketVariables.MAIL_QUARANTINE,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK);

    grant(authorizations, MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(authorizations, MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(authorizations, MANAGERS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    // managers run releasePublication (its tasks are theirs by candidate group, hence TASK_WORK) and start no ticket
    grant(authorizations, MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
    grant(authorizations, MANAGERS, Resources.PROCESS_DEFINITION, TicketVariables.RELEASE_PUBLICATION,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(authorizations, MANAGERS, Resources.TASK, ANY, Permissions.READ);
    grant(authorizations, MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(authorizations, MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(authorizations, MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(authorizations, MANAGERS, Resources.USER, ANY, Permissions.READ);
    grant(authorizations, MANAGERS, Resources.GROUP, ANY, Permissions.READ);
    grant(authorizations, MANAGERS, Resources.REPORT, ANY, Permissions.READ);
    grant(authorizations, MANAGERS, Resources.DASHBOARD, ANY, Permissions.READ);

    createFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
  }

  private void createGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
      log.info("Created group {}", id);
    }
  }

  private void createFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    Map<String, DeskFilter> desk = new LinkedHashMap<>();
    // waiting tasks (a follow-up date still ahead, e.g. "Doplnit identifikaci") return to "my tasks" on that date
    desk.put(FILTER_MY_TASKS, new DeskFilter(
        "Úkoly přidělené vám, nejvyšší priorita první; čekající úkoly se vrátí v den sledování.",
        (TaskQuery) tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .followUpBeforeOrNotExistentExpression("${now()}")
            .orderByTaskPriority().desc().orderByTaskCreateTime().asc()));
    desk.put(FILTER_GROUP_TASKS, new DeskFilter(
        "Všechny úkoly vašich skupin, nejvyšší priorita první.",
        (TaskQuery) tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByTaskPriority().desc().orderByTaskCreateTime().asc()));
    // only tasks with a deadline: databases disagree where tasks without one sort (H2 first, PostgreSQL last)
    desk.put(FILTER_BY_SLA, new DeskFilter(
        "Úkoly vašich skupin s termínem SLA, nejbližší termín první.",
        (TaskQuery) tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueAfter(ANY_DEADLINE).orderByDueDate().asc()));
    int priority = 1;
    for (Map.Entry<String, DeskFilter> entry : desk.entrySet()) {
      Map<String, Object> properties = filterProperties(priority++, entry.getValue().description());
      Filter filter = filters.createFilterQuery().filterName(entry.getKey()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(entry.getKey());
        log.info("Created Tasklist filter '{}'", entry.getKey());
      } else if (!properties.equals(filter.getProperties())) {
        // a database of an earlier version: the filter gets this version's query and cards
        log.info("Updated Tasklist filter '{}'", entry.getKey());
      } else {
        filter = null;
      }
      if (filter != null) {
        filters.saveFilter(filter.setQuery(entry.getValue().query()).setProperties(properties));
      }
      String filterId = filters.createFilterQuery().filterName(entry.getKey()).singleResult().getId();
      for (String group : SupportStaff.SUPPORT_GROUPS) {
        grant(authorizations, group, Resources.FILTER, filterId, Permissions.READ);
      }
    }
  }

  /** A desk filter's query and the description Tasklist shows for it. */
  private record DeskFilter(String description, TaskQuery query) {}

  /**
   * Tasklist shows these process variables on every task card. The properties also tell whether a stored filter
   * is this version's: change the description when you change a query.
   */
  private static Map<String, Object> filterProperties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", TicketVariables.TICKET_NUMBER, "label", "Tiket"),
        Map.of("name", TicketVariables.COMPANY_NAME, "label", "Firma"),
        Map.of("name", TicketVariables.URGENCY_LABEL, "label", "Naléhavost"),
        Map.of("name", TicketVariables.SLA_DEADLINE, "label", "Termín SLA"),
        Map.of("name", TicketVariables.DELIVERY_FAILED, "label", "E-mail nedoručen")));
    return properties;
  }

  /** Takes back a permission that earlier versions granted too widely; a no-op once it is gone. */
  private static void revoke(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing != null && existing.isPermissionGranted(permission)) {
      existing.removePermission(permission);
      authorizations.saveAuthorization(existing);
      log.info("Revoked {} on {} {} from group {}", permission.getName(), resource.resourceName(), resourceId,
          groupId);
    }
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
