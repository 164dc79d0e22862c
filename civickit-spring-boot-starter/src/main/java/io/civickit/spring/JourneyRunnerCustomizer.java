package io.civickit.spring;

import io.civickit.web.JourneyRunner;

/**
 * Changes the journey runner the starter builds, before it is built: a bean of this type is
 * applied to the {@link JourneyRunner.Builder} after the starter's own settings, in
 * {@link org.springframework.core.annotation.Order @Order}. The starter hands the runner its
 * submissions, payments and uploads this way; an application can add its texts, pages or steps
 * without defining the whole runner.
 *
 * <pre>{@code
 * @Bean
 * JourneyRunnerCustomizer texts() {
 *   return runner -> runner.text("start.intro", "Report a bin we missed.", "Rhowch wybod am fin a fethwyd.");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface JourneyRunnerCustomizer {

  /**
   * Changes the builder.
   *
   * @param runner the runner's builder, with the starter's settings applied
   */
  void customize(JourneyRunner.Builder runner);
}
