package cz.intouch.support.triage;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.sla.SlaDeadlines;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The triage dry run: the latest deployed versions of the decisions the process's business rule tasks use
 * (scope, urgency, slaPolicy) and the same business calendar. It evaluates them in a standalone DMN engine with
 * the stock FEEL engine, as the process engine does, so that trying a text leaves no decision history behind: it
 * creates nothing.
 */
@Service
public class TriageService {

  /** A new deployment is seen within this time; saves three queries per call. */
  private static final long LATEST_VERSION_TTL_MILLIS = 2_000;

  private final RepositoryService repository;
  private final SlaDeadlines deadlines;
  private final TriageInput input;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestByKey = new ConcurrentHashMap<>();

  private record Latest(String definitionId, long checkedAt) {}

  public TriageService(RepositoryService repository, SlaDeadlines deadlines, TriageInput input) {
    this.repository = repository;
    this.deadlines = deadlines;
    this.input = input;
  }

  public record Triage(String scope, String outOfScopeCategory, String urgency, OffsetDateTime slaDeadline,
      String language) {}

  public Triage triage(String subject, String body, String channel, OffsetDateTime receivedAt) {
    Map<String, Object> inputs = new HashMap<>(input.of(subject, body));
    inputs.put(CHANNEL, channel);
    DmnDecisionResultEntries scope = decide(SCOPE_DECISION, inputs);
    DmnDecisionResultEntries urgency = decide(URGENCY_DECISION, inputs);
    String urgencyCode = urgency.getEntry(URGENCY);
    DmnDecisionResultEntries policy = decide(SLA_POLICY_DECISION,
        Map.of(URGENCY, urgencyCode, CHANNEL, channel, ANSWERED_IN_CALL, false));
    Date deadline = deadlines.deadlineDate(policy.getEntry(SLA_RULE), policy.getEntry(SLA_DAYS),
        Date.from(receivedAt.toInstant()));
    return new Triage(scope.getEntry(SCOPE), scope.getEntry(OUT_OF_SCOPE_CATEGORY), urgencyCode,
        deadline == null ? null : deadline.toInstant().atZone(deadlines.calendar().zone()).toOffsetDateTime(),
        LanguageDetector.detect(subject, body));
  }

  private DmnDecisionResultEntries decide(String key, Map<String, Object> variables) {
    DmnDecision decision = parsedById.computeIfAbsent(latestDefinitionId(key),
        id -> dmn.parseDecision(key, repository.getDecisionModel(id)));
    return dmn.evaluateDecision(decision, Variables.fromMap(variables)).getSingleResult();
  }

  private String latestDefinitionId(String key) {
    long now = System.currentTimeMillis();
    Latest latest = latestByKey.get(key);
    if (latest == null || now - latest.checkedAt() > LATEST_VERSION_TTL_MILLIS) {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      latest = new Latest(definition.getId(), now);
      latestByKey.put(key, latest);
    }
    return latest.definitionId();
  }
}
