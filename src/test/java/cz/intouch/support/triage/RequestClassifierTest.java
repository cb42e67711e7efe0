package cz.intouch.support.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.intouch.support.triage.LabelledRequests.Labelled;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestClassifierTest {

  private static Labelled in(String urgency, String body) {
    return new Labelled(0, "IN_SCOPE", "", urgency, "EMAIL", "", body);
  }

  private static Labelled out(String category, String body) {
    return new Labelled(0, "OUT_OF_SCOPE", category, "COMMON_QUESTION", "EMAIL", "", body);
  }

  private final RequestClassifier classifier = RequestClassifier.train(List.of(
      in("SERIOUS", "Program vůbec nejde spustit, padá hned po startu."),
      in("SERIOUS", "Po startu program spadne, nikdo nemůže pracovat."),
      in("COSMETIC", "V menu je překlep v popisku tlačítka."),
      in("COSMETIC", "Popisek tlačítka má překlep."),
      in("COMMON_QUESTION", "Jak nastavím práva uživatele?"),
      in("COMMON_QUESTION", "Kde se nastavují práva skupiny?"),
      out("TRANSPORT", "Přivezte nám prosím server do kanceláře."),
      out("TRANSPORT", "Můžete přivézt notebook zpátky?")));

  @Test
  void suggestsTheClassWhoseWordsTheRequestShares() {
    assertThat(suggest("Program při startu padá")).isEqualTo(new RequestClassifier.Suggestion("IN_SCOPE", "SERIOUS"));
    assertThat(suggest("Překlep v menu")).isEqualTo(new RequestClassifier.Suggestion("IN_SCOPE", "COSMETIC"));
    assertThat(suggest("Jak nastavit práva?").urgency()).isEqualTo("COMMON_QUESTION");
  }

  @Test
  void anOutOfScopeSuggestionNamesTheCategory() {
    RequestClassifier.Suggestion suggestion = suggest("Přivezte prosím server");
    assertThat(suggestion.scope()).isEqualTo("TRANSPORT");
    assertThat(suggestion.urgency()).as("its words say nothing about urgency").isNull();
  }

  @Test
  void wordEndingsDoNotMatterButStemsDo() {
    assertThat(RequestClassifier.features(" nainstalovat nainstalujte 5 3 2 ab "))
        .contains("s:nains", "p:nain_nain", "p:5_3")
        .doesNotContain("s:5", "s:ab");
  }

  @Test
  void wordsNoLabelledRequestHasSuggestNothing() {
    // no known word: priors only, which never lead clearly here, so the tables' own rows decide
    assertThat(suggest("")).isEqualTo(new RequestClassifier.Suggestion("IN_SCOPE", null));
    assertThat(suggest("Hello, the application crashes")).isEqualTo(new RequestClassifier.Suggestion("IN_SCOPE", null));
  }

  @Test
  void learningNeedsExamples() {
    assertThatThrownBy(() -> RequestClassifier.train(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelledRequestsMustHaveTheCorpusHeader() {
    assertThatThrownBy(() -> LabelledRequests.parse("a,b\n1,2\n")).hasMessageContaining("expected_scope");
    assertThat(LabelledRequests.parse(String.join(",", LabelledRequests.HEADER)
        + "\nIN_SCOPE,,SERIOUS,EMAIL,\"Padá, \"\"hned\"\"\",\"řádek 1\nřádek 2\"\n"))
        .containsExactly(new Labelled(2, "IN_SCOPE", "", "SERIOUS", "EMAIL", "Padá, \"hned\"", "řádek 1\nřádek 2"));
  }

  private RequestClassifier.Suggestion suggest(String request) {
    return classifier.suggest(RequestText.decisionInput("", request));
  }
}
