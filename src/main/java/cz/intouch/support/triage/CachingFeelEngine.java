package cz.intouch.support.triage;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The engine's FEEL (Scala) evaluation of decision-table input entries, with each entry parsed once instead of
 * on every evaluation. Our urgency and scope tables hold dozens of phrase rows; parsing them anew for every
 * request cost milliseconds per decision. Semantics are unchanged: same parser, same interpreter, same context.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  /** Distinct input entries of all deployed tables; far below this, but a runaway must not grow forever. */
  private static final int MAX_CACHED = 10_000;

  private final ConcurrentHashMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  public CachingFeelEngine() {
    super(List.of());
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    ParsedExpression parsed = unaryTests.get(expression);
    if (parsed == null) {
      Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> result = feelEngine.parseUnaryTests(expression);
      if (result.isLeft()) {
        throw failure(result);
      }
      parsed = ((Right<?, ParsedExpression>) result).value();
      if (unaryTests.size() >= MAX_CACHED) {
        unaryTests.clear();
      }
      unaryTests.put(expression, parsed);
    }
    VariableProvider input = new VariableProvider.StaticVariableProvider(
        new Map.Map1<String, Object>("inputVariableName", inputVariable));
    VariableProvider context = new ContextVariableWrapper(variables);
    CustomContext feelContext = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new VariableProvider.CompositeVariableProvider(toScalaList(input, context));
      }
    };
    Either<org.camunda.feel.FeelEngine.Failure, Object> result = feelEngine.eval(parsed, feelContext);
    if (result.isLeft()) {
      throw failure(result);
    }
    return Boolean.TRUE.equals(((Right<?, Object>) result).value());
  }

  private static FeelException failure(Either<org.camunda.feel.FeelEngine.Failure, ?> result) {
    return LOGGER.evaluationException(((Left<org.camunda.feel.FeelEngine.Failure, ?>) result).value().message());
  }

  /** A DMN engine configuration using this FEEL engine: the process engine's and the triage dry run's. */
  public static DefaultDmnEngineConfiguration dmnEngineConfiguration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new Factory());
    return configuration;
  }

  /** Hands out one shared engine, so every decision shares the parsed cells. */
  public static class Factory implements FeelEngineFactory {

    private final CachingFeelEngine engine = new CachingFeelEngine();

    @Override
    public FeelEngine createInstance() {
      return engine;
    }
  }
}
