package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SLA table of the support policy, evaluated from the very file that is deployed. */
class SlaPolicyDecisionTest {

  private static final Path DMN_FILE = Path.of("dmn", "sla-policy.dmn");

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream(DMN_FILE.toFile())) {
      decision = engine.parseDecision("slaPolicy", in);
    }
  }

  static Stream<Arguments> everyUrgencyChannelAndAnswer() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String channel : new String[] {"EMAIL", "PHONE", "WEB"}) {
      for (Boolean answered : new Boolean[] {null, false, true}) {
        boolean answeredByPhone = channel.equals("PHONE") && Boolean.TRUE.equals(answered);
        cases.add(answeredByPhone
            ? Arguments.of("COMMON_QUESTION", channel, answered, "ANSWERED_IN_CALL", null, null)
            : Arguments.of("COMMON_QUESTION", channel, answered, "CLOSE_OF_NEXT_BUSINESS_DAY", null, "PT2H"));
        cases.add(Arguments.of("SERIOUS", channel, answered, "CLOSE_OF_NEXT_BUSINESS_DAY", null, "PT2H"));
        cases.add(Arguments.of("LESS_SERIOUS", channel, answered, "CALENDAR_DAYS", 7, "PT8H"));
        cases.add(Arguments.of("COSMETIC", channel, answered, "NEXT_RELEASE", null, null));
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} via {1}, answered in call {2} -> {3} {4} warn {5}")
  @MethodSource("everyUrgencyChannelAndAnswer")
  void everyCombinationHasExactlyOneRuleWithAllOutputsPresent(
      String urgency, String channel, Boolean answeredInCall, String slaRule, Integer slaDays, String warnBefore) {
    DmnDecisionRuleResult result = evaluate(urgency, channel, answeredInCall);

    // every output is set, even when null, so result mapping always defines all three process variables
    assertThat(result.getEntryMap()).containsOnlyKeys("slaRule", "slaDays", "warnBefore");
    assertThat((String) result.getEntry("slaRule")).isEqualTo(slaRule);
    assertThat((Object) result.getEntry("slaDays")).isEqualTo(slaDays);
    assertThat((String) result.getEntry("warnBefore")).isEqualTo(warnBefore);
    assertThat(SlaRule.parse(result.getEntry("slaRule"))).isPresent();
  }

  @Test
  void commonQuestionAnsweredDuringThePhoneCallHasNoDeadline() {
    assertThat((String) evaluate("COMMON_QUESTION", "PHONE", true).getEntry("slaRule")).isEqualTo("ANSWERED_IN_CALL");
  }

  @Test
  void commonQuestionByPhoneWithoutAnswerFlagMustBeStartedByCloseOfNextBusinessDay() {
    assertThat((String) evaluate("COMMON_QUESTION", "PHONE", null).getEntry("slaRule"))
        .isEqualTo("CLOSE_OF_NEXT_BUSINESS_DAY");
  }

  @Test
  void commonQuestionByEmailClaimingAnAnswerInCallStillGetsADeadline() {
    assertThat((String) evaluate("COMMON_QUESTION", "EMAIL", true).getEntry("slaRule"))
        .isEqualTo("CLOSE_OF_NEXT_BUSINESS_DAY");
  }

  @Test
  void missingAnsweredInCallVariableCountsAsNotAnswered() {
    VariableMap variables = Variables.createVariables().putValue("urgency", "COMMON_QUESTION").putValue("channel", "PHONE");
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
    assertThat((String) result.getSingleResult().getEntry("slaRule")).isEqualTo("CLOSE_OF_NEXT_BUSINESS_DAY");
  }

  @Test
  void lessSeriousProblemGetsSevenCalendarDaysAsAnInteger() {
    Object days = evaluate("LESS_SERIOUS", "WEB", null).getEntry("slaDays");
    assertThat(days).isInstanceOf(Integer.class).isEqualTo(7);
  }

  @Test
  void unknownUrgencyMatchesNoRule() {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("urgency", "URGENT").putValue("channel", "EMAIL").putValue("answeredInCall", null));
    assertThat(result).isEmpty();
  }

  @Test
  void decisionCarriesTheMetadataTheEngineAndModelerNeed() {
    assertThat(decision.getKey()).isEqualTo("slaPolicy");
    assertThat(decision.getName()).isEqualTo("Pravidla SLA");
  }

  private static DmnDecisionRuleResult evaluate(String urgency, String channel, Boolean answeredInCall) {
    VariableMap variables = Variables.createVariables()
        .putValue("urgency", urgency)
        .putValue("channel", channel)
        .putValue("answeredInCall", answeredInCall);
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
    assertThat(result).as("rules matching %s", Map.of("urgency", urgency, "channel", channel)).hasSize(1);
    return result.getSingleResult();
  }
}
