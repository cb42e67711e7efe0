package cz.intouch.support.triage;

import cz.intouch.support.sla.SlaDeadlines;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The triage dry run: the same deployed DMN decisions (scope, urgency, slaPolicy, latest versions, as the
 * process's business rule tasks use) and the same business calendar, without creating anything.
 */
@Service
public class TriageService {

  private final DecisionService decisions;
  private final SlaDeadlines deadlines;

  public TriageService(DecisionService decisions, SlaDeadlines deadlines) {
    this.decisions = decisions;
    this.deadlines = deadlines;
  }

  public record Triage(String scope, String outOfScopeCategory, String urgency, OffsetDateTime slaDeadline,
      String language) {}

  public Triage triage(String subject, String body, String channel, OffsetDateTime receivedAt) {
    String text = RequestText.decisionInput(subject, body);
    DmnDecisionResultEntries scope = decide("scope", Map.of("text", text, "channel", channel));
    DmnDecisionResultEntries urgency = decide("urgency", Map.of("text", text, "channel", channel));
    String urgencyCode = urgency.getEntry("urgency");
    DmnDecisionResultEntries policy = decide("slaPolicy",
        Map.of("urgency", urgencyCode, "channel", channel, "answeredInCall", false));
    Date deadline = deadlines.deadlineDate(policy.getEntry("slaRule"), policy.getEntry("slaDays"),
        Date.from(receivedAt.toInstant()));
    return new Triage(scope.getEntry("scope"), scope.getEntry("outOfScopeCategory"), urgencyCode,
        deadline == null ? null : offset(deadline.toInstant(), deadlines.calendar().zone()),
        LanguageDetector.detect(subject, body));
  }

  private DmnDecisionResultEntries decide(String key, Map<String, Object> variables) {
    return decisions.evaluateDecisionByKey(key).variables(Variables.fromMap(variables)).evaluate().getSingleResult();
  }

  private static OffsetDateTime offset(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
