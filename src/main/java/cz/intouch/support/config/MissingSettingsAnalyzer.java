package cz.intouch.support.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing prod secret into Spring Boot's short failure report instead of a stack trace. */
public class MissingSettingsAnalyzer extends AbstractFailureAnalyzer<ProdSettingsCheck.MissingSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProdSettingsCheck.MissingSettingsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set these environment variables (README, section Operators) and start again.", cause);
  }
}
