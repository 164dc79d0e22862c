package io.civickit.spring.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Shows a {@code CivicKitConfigurationException} as Spring Boot's start-up failure report: what
 * is wrong and what to do. Matched by class name, so that it loads even when CivicKit's core is
 * not on the class path.
 */
public final class CivicKitFailureAnalyzer implements FailureAnalyzer {
  private static final String EXCEPTION = "io.civickit.spring.CivicKitConfigurationException";

  /** Created by Spring Boot from {@code META-INF/spring.factories}. */
  public CivicKitFailureAnalyzer() {}

  @Override
  public @Nullable FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getClass().getName().equals(EXCEPTION)) {
        var e = (io.civickit.spring.CivicKitConfigurationException) t;
        return new FailureAnalysis(e.problem(), e.remedy(), t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
