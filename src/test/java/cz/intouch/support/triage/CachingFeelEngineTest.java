package cz.intouch.support.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** Parsing each cell once must not change a single decision. */
class CachingFeelEngineTest {

  private static final List<String> REQUESTS = List.of(
      "Program nejde spustit, padá hned po startu.", "Jak nastavím uživatelská práva?",
      "V menu je překlep v popisku.", "Export do Excelu občas končí chybou.",
      "Prosíme o instalaci na nový server, přijeďte k nám.", "Potřebujeme naprogramovat novou sestavu na míru.",
      "Hello, the program crashes.", "");

  @Test
  void decidesExactlyAsTheStandardFeelEngineTwiceInARow() throws Exception {
    DmnEngine standard = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnEngine caching = CachingFeelEngine.dmnEngineConfiguration().buildEngine();
    for (String table : List.of("urgency", "scope", "slaPolicy")) {
      DmnDecision plain = parse(standard, table);
      DmnDecision cached = parse(caching, table);
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < REQUESTS.size(); i++) {
          String request = REQUESTS.get(i);
          var variables = Variables.createVariables().putValue("text", RequestText.decisionInput("", request))
              .putValue("channel", List.of("EMAIL", "PHONE", "WEB").get(i % 3))
              .putValue("urgency", Urgency.values()[i % Urgency.values().length].name())
              .putValue("answeredInCall", i % 2 == 0);
          assertThat(caching.evaluateDecision(cached, variables).getSingleResult().getEntryMap())
              .as(table + ": " + request)
              .isEqualTo(standard.evaluateDecision(plain, variables).getSingleResult().getEntryMap());
        }
      }
    }
  }

  @Test
  void evaluatesExpressionsAndUnaryTestsAsTheStandardEngineIncludingFailures() {
    FeelEngine standard = new ScalaFeelEngineFactory().createInstance();
    FeelEngine caching = new CachingFeelEngine();
    VariableContext variables = Variables.createVariables().putValue("text", " program pada ")
        .putValue("days", 3).putValue("missing", null).asVariableContext();
    for (String expression : List.of("text", "days + 1", "\"SERIOUS\"", "upper case(text)", "days > 2",
        "date(\"2026-11-30\")", "unknownVariable", "days + \"x\"", "substring(text, \"x\")", "assert(days, days > 5)",
        "missing", "(((")) {
      for (int round = 0; round < 2; round++) {
        assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, variables))).as(expression)
            .isEqualTo(outcome(() -> standard.evaluateSimpleExpression(expression, variables)));
      }
    }
    for (String test : List.of("contains(?, \"pada\")", "contains(?, \"pada\") and not(contains(?, \"program\"))",
        "(contains(?, \"x\") or contains(?, \" pada\")) and not(contains(?, \"y\") or contains(?, \"z\"))",
        "contains(?, \"pada\") or \"x\"", "not(contains(?, \"pada\"))", "contains(?, text)", "-", "> 2", "[1..5]", "\"x\",\"y\"", "not(contains(?, \"a\"))",
        "? + 1 > 3", "date(?) > date(\"2020-01-01\")", "(((")) {
      for (String input : List.of("text", "days")) {
        assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(test, input, variables))).as(test + " on " + input)
            .isEqualTo(outcome(() -> standard.evaluateSimpleUnaryTests(test, input, variables)));
      }
    }
  }

  /** The value, or the kind of failure (messages may be worded differently). */
  private static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return String.valueOf(evaluation.get());
    } catch (FeelException e) {
      return FeelException.class;
    }
  }

  @Test
  void decidesTheLabelledRequestsExactlyAsTheStandardFeelEngine() throws Exception {
    DmnEngine standard = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnEngine caching = CachingFeelEngine.dmnEngineConfiguration().buildEngine();
    var requests = LabelledRequests.parse(java.nio.file.Files.readString(java.nio.file.Path.of("dmn/triage-corpus.csv")));
    for (String table : List.of("urgency", "scope")) {
      DmnDecision plain = parse(standard, table);
      DmnDecision cached = parse(caching, table);
      // every third request: all phrase rows, both hit and missed, without a minute of interpreting
      for (int i = 0; i < requests.size(); i += 3) {
        var request = requests.get(i);
        var variables = Variables.createVariables()
            .putValue("text", RequestText.decisionInput(request.subject(), request.body()))
            .putValue("channel", request.channel())
            .putValue("suggestedScope", i % 2 == 0 ? "IN_SCOPE" : null)
            .putValue("suggestedUrgency", i % 2 == 0 ? null : "COSMETIC");
        assertThat(caching.evaluateDecision(cached, variables).getSingleResult().getEntryMap())
            .as(table + " line " + request.line())
            .isEqualTo(standard.evaluateDecision(plain, variables).getSingleResult().getEntryMap());
      }
    }
  }

  private static DmnDecision parse(DmnEngine engine, String key) throws Exception {
    String file = key.equals("slaPolicy") ? "dmn/sla-policy.dmn" : "dmn/" + key + ".dmn";
    try (InputStream in = new FileInputStream(file)) {
      return engine.parseDecision(key, in);
    }
  }
}
