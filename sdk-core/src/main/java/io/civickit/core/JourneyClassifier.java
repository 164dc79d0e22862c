package io.civickit.core;

/**
 * Puts a journey into a segment and experiment arms. The engine calls it when a journey starts
 * and after every accepted step, and saves what it returns; segment rules and experiments
 * implement it. It must be pure: the same journey gives the same answer.
 */
@FunctionalInterface
public interface JourneyClassifier {

  /** The journey with its segment and arms set (or unchanged). */
  Journey classify(Journey journey);

  /** Leaves every journey as it is. */
  static JourneyClassifier none() {
    return j -> j;
  }
}
