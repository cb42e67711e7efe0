package cz.intouch.support.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Pins the FEEL unary-test forms the triage tables rely on, so an engine upgrade that breaks them fails here. */
class FeelUnaryTestSyntaxTest {

  private static final String DMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Syntax" name="Syntax"
          namespace="http://intouch-crm.cz/dmn/test">
        <decision id="syntax" name="Syntax">
          <decisionTable id="Table_Syntax" hitPolicy="FIRST">
            <input id="Input_Text" label="text">
              <inputExpression id="Expr_Text" typeRef="string"><text>text</text></inputExpression>
            </input>
            <output id="Output_Result" name="result" typeRef="string" />
            <rule id="Rule_Or">
              <inputEntry id="In_Or"><text>contains(?, " jak ") or contains(?, "navod")</text></inputEntry>
              <outputEntry id="Out_Or"><text>"question"</text></outputEntry>
            </rule>
            <rule id="Rule_Stem">
              <inputEntry id="In_Stem"><text>contains(?, "pada")</text></inputEntry>
              <outputEntry id="Out_Stem"><text>"crash"</text></outputEntry>
            </rule>
            <rule id="Rule_And">
              <inputEntry id="In_And"><text>contains(?, "urgent") and contains(?, "nefunguj")</text></inputEntry>
              <outputEntry id="Out_And"><text>"urgent"</text></outputEntry>
            </rule>
            <rule id="Rule_Any">
              <inputEntry id="In_Any"><text>-</text></inputEntry>
              <outputEntry id="Out_Any"><text>null</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  private final DmnEngine engine =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DmnDecision decision =
      engine.parseDecision("syntax", new ByteArrayInputStream(DMN.getBytes(StandardCharsets.UTF_8)));

  private Object eval(String text) {
    return engine
        .evaluateDecisionTable(decision, Variables.createVariables().putValue("text", text))
        .getSingleResult()
        .getEntry("result");
  }

  @Test
  void containsWithQuestionMarkAndOrAndDashEvaluate() {
    assertThat(eval(" program nam pada pri startu ")).isEqualTo("crash");
    assertThat(eval(" jak nastavit tisk ")).isEqualTo("question");
    assertThat(eval(" kde je navod ")).isEqualTo("question");
    assertThat(eval(" urgentni nefunguje export ")).isEqualTo("urgent");
    assertThat(eval(" jakmile ")).isNull();
  }
}
