package cz.intouch.support.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
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
    for (String table : List.of("urgency", "scope")) {
      DmnDecision plain = parse(standard, table);
      DmnDecision cached = parse(caching, table);
      for (int round = 0; round < 2; round++) {
        for (String request : REQUESTS) {
          var variables = Variables.createVariables().putValue("text", RequestText.decisionInput("", request))
              .putValue("channel", "EMAIL");
          assertThat(caching.evaluateDecision(cached, variables).getSingleResult().getEntryMap())
              .as(table + ": " + request)
              .isEqualTo(standard.evaluateDecision(plain, variables).getSingleResult().getEntryMap());
        }
      }
    }
  }

  private static DmnDecision parse(DmnEngine engine, String key) throws Exception {
    String file = key.equals("urgency") ? "dmn/urgency.dmn" : "dmn/scope.dmn";
    try (InputStream in = new FileInputStream(file)) {
      return engine.parseDecision(key, in);
    }
  }
}
