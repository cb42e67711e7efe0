package cz.intouch.support.triage;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.impl.parser.ExpressionValidator;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

/**
 * The engine's FEEL (Scala) evaluation of decision tables, with each expression and input entry parsed once, and
 * the built-in functions built once, instead of on every evaluation. Our urgency and scope tables hold dozens of
 * phrase rows; FEEL-Scala re-parses every cell and rebuilds its table of ~100 built-in functions for every cell it
 * evaluates, which cost milliseconds and megabytes of garbage per ticket. Semantics are those of
 * {@code org.camunda.feel.FeelEngine#evaluate}: same parser, validator, interpreter, functions and value mapping.
 * The analysts' phrase cells ({@code contains(?, "…")} joined by and, or, not) on a text input are evaluated as the
 * same string tests in Java ({@link PhraseTest}): interpreting hundreds of them per request dominated triage time.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  /** Distinct expressions of all deployed decisions; far below this, but a runaway must not grow forever. */
  private static final int MAX_CACHED = 10_000;

  private final ConcurrentHashMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
  /** Cells made only of contains(?, "…"), and, or, not(…): evaluated as plain Java on a text input. */
  private final ConcurrentHashMap<String, Predicate<String>> phraseTests = new ConcurrentHashMap<>();
  private static final Predicate<String> NOT_PHRASES = text -> false;
  private final FeelInterpreter interpreter;
  private final FunctionProvider functions;
  private final ExpressionValidator validator;

  public CachingFeelEngine() {
    super(java.util.List.of());
    interpreter = new FeelInterpreter(feelEngine.valueMapper());
    // what FeelEngine.rootContext builds per evaluation: the built-ins (reading the clock when called) + custom ones
    functions = new FunctionProvider.CompositeFunctionProvider(toScalaList(
        new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
    validator = new ExpressionValidator(feelEngine.configuration().externalFunctionsEnabled());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    return (T) evaluate(parsed, new ContextVariableWrapper(variables));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    Predicate<String> phrases = cached(phraseTests, expression, cell ->
        PhraseTest.compile(parsed(unaryTests, cell, feelEngine::parseUnaryTests)).orElse(NOT_PHRASES));
    if (phrases != NOT_PHRASES) {
      TypedValue input = variables.resolve(inputVariable);
      if (input != null && input.getValue() instanceof String text) {
        return phrases.test(text);
      }
    }
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    VariableProvider input = new VariableProvider.StaticVariableProvider(
        new Map.Map1<String, Object>(INPUT_VARIABLE_NAME, inputVariable));
    VariableProvider context = new VariableProvider.CompositeVariableProvider(
        toScalaList(input, new ContextVariableWrapper(variables)));
    return Boolean.TRUE.equals(evaluate(parsed, context));
  }

  private ParsedExpression parsed(ConcurrentHashMap<String, ParsedExpression> cache, String expression,
      Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parser) {
    return cached(cache, expression, text -> {
      ParsedExpression parsed = value(parser.apply(text));
      Option<org.camunda.feel.FeelEngine.Failure> invalid = validator.validateExpression(parsed.expression());
      if (invalid.isDefined()) {
        throw LOGGER.evaluationException(invalid.get().message());
      }
      return parsed;
    });
  }

  /** The cached value for an expression, made once; a runaway number of distinct expressions empties the cache. */
  private static <T> T cached(ConcurrentHashMap<String, T> cache, String expression, Function<String, T> make) {
    T value = cache.get(expression);
    if (value == null) {
      value = make.apply(expression);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(expression, value);
    }
    return value;
  }

  private Object evaluate(ParsedExpression parsed, VariableProvider variables) {
    // a fresh context per evaluation: it collects this evaluation's failures
    EvalContext context = new EvalContext(feelEngine.valueMapper(), variables, functions,
        new EvaluationFailureCollector());
    Val result = interpreter.eval(parsed.expression(), context);
    List<EvaluationFailure> failures = context.failureCollector().failures();
    if (failures.exists(failure -> failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$)) {
      throw failure(parsed, failures.find(failure -> failure.failureType()
          == EvaluationFailureType.ASSERT_FAILURE$.MODULE$).get().failureMessage());
    }
    if (result instanceof ValError error) {
      throw failure(parsed, error.error());
    }
    if (result instanceof ValFatalError error) {
      throw failure(parsed, error.error());
    }
    return feelEngine.valueMapper().unpackVal(result);
  }

  private static FeelException failure(ParsedExpression parsed, String message) {
    return LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + message);
  }

  private static <T> T value(Either<org.camunda.feel.FeelEngine.Failure, T> result) {
    if (result.isLeft()) {
      throw LOGGER.evaluationException(((Left<org.camunda.feel.FeelEngine.Failure, T>) result).value().message());
    }
    return ((Right<?, T>) result).value();
  }

  /** A DMN engine configuration using this FEEL engine: the process engine's and the triage dry run's. */
  public static DefaultDmnEngineConfiguration dmnEngineConfiguration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new Factory());
    return configuration;
  }

  /** Hands out one shared engine, so every decision shares the parsed expressions. */
  public static class Factory implements FeelEngineFactory {

    private final CachingFeelEngine engine = new CachingFeelEngine();

    @Override
    public FeelEngine createInstance() {
      return engine;
    }
  }
}
