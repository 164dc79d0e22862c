package io.civickit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.JourneyId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ExperimentProperties {
  static final int JOURNEYS = 20_000;

  @Provide
  Arbitrary<List<Integer>> weights() {
    return Arbitraries.integers().between(1, 20).list().ofMinSize(2).ofMaxSize(5);
  }

  static Experiment experiment(String name, List<Integer> weights) {
    Experiment.Builder b = Experiment.builder(name);
    for (int i = 0; i < weights.size(); i++) {
      b.arm("arm-" + i, weights.get(i));
    }
    return b.build();
  }

  /**
   * Over 20,000 random journeys each arm's share is within 5 standard errors of its weight's
   * share (a false alarm about once in 3 million runs per arm).
   */
  @Property(tries = 25)
  void armsSplitAsConfigured(@ForAll("weights") List<Integer> weights, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 9999) int experimentNumber) {
    Experiment e = experiment("exp-" + experimentNumber, weights);
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < JOURNEYS; i++) {
      counts.merge(e.armFor(JourneyId.random(random)), 1, Integer::sum);
    }
    e.shares().forEach((arm, p) -> {
      double observed = counts.getOrDefault(arm, 0) / (double) JOURNEYS;
      double tolerance = 5 * Math.sqrt(p * (1 - p) / JOURNEYS);
      assertThat(Math.abs(observed - p)).as("arm %s: expected %.4f, observed %.4f", arm, p, observed)
          .isLessThanOrEqualTo(tolerance);
    });
  }

  @Property(tries = 300)
  void theSameJourneyAlwaysGetsTheSameArm(@ForAll("weights") List<Integer> weights, @ForAll long seed) {
    JourneyId id = JourneyId.random(new SplittableRandom(seed));
    String first = experiment("stable", weights).armFor(id);
    for (int i = 0; i < 3; i++) {
      // a new instance, as on another app server or after a restart
      assertThat(experiment("stable", weights).armFor(id)).isEqualTo(first);
    }
    assertThat(new JourneyId(id.value())).extracting(x -> experiment("stable", weights).armFor(x)).isEqualTo(first);
  }

  @Property(tries = 20)
  void twoExperimentsAssignIndependently(@ForAll long seed) {
    Experiment a = experiment("first", List.of(1, 1));
    Experiment b = experiment("second", List.of(1, 1));
    SplittableRandom random = new SplittableRandom(seed);
    int same = 0;
    for (int i = 0; i < JOURNEYS; i++) {
      JourneyId id = JourneyId.random(random);
      if (a.armFor(id).equals(b.armFor(id))) {
        same++;
      }
    }
    // independent 50/50 experiments agree about half the time
    assertThat(Math.abs(same / (double) JOURNEYS - 0.5)).isLessThanOrEqualTo(5 * Math.sqrt(0.25 / JOURNEYS));
  }
}
