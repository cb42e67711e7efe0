package cz.intouch.support.triage;

import camundajar.impl.scala.collection.immutable.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.feel.syntaxtree.Conjunction;
import org.camunda.feel.syntaxtree.ConstInputValue$;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Disjunction;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.UnaryTestExpression;

/**
 * A decision cell written only with {@code contains(?, "phrase")}, {@code and}, {@code or} and {@code not(…)}, as a
 * Java predicate on the input text. For a text input FEEL's {@code contains} is {@link String#contains} and the
 * logic is two-valued, so the result is the interpreter's; any other construct is not compiled.
 */
final class PhraseTest {

  private PhraseTest() {}

  static Optional<Predicate<String>> compile(ParsedExpression parsed) {
    return parsed.expression() instanceof UnaryTestExpression test ? compile(test.exp()) : Optional.empty();
  }

  private static Optional<Predicate<String>> compile(Exp exp) {
    if (exp instanceof Disjunction or) {
      return both(or.x(), or.y()).map(p -> p[0].or(p[1]));
    }
    if (exp instanceof Conjunction and) {
      return both(and.x(), and.y()).map(p -> p[0].and(p[1]));
    }
    if (exp instanceof FunctionInvocation call && call.params() instanceof PositionalFunctionParameters positional) {
      List<Exp> params = positional.params();
      if ("contains".equals(call.function()) && params.size() == 2 && params.apply(0) == ConstInputValue$.MODULE$
          && params.apply(1) instanceof ConstString phrase) {
        String value = phrase.value();
        return Optional.of(text -> text.contains(value));
      }
      if ("not".equals(call.function()) && params.size() == 1) {
        return compile(params.apply(0)).map(Predicate::negate);
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Optional<Predicate<String>[]> both(Exp x, Exp y) {
    Optional<Predicate<String>> left = compile(x);
    Optional<Predicate<String>> right = compile(y);
    return left.isPresent() && right.isPresent()
        ? Optional.of(new Predicate[] {left.get(), right.get()}) : Optional.empty();
  }
}
