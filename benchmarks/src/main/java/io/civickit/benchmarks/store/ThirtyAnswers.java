package io.civickit.benchmarks.store;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Reference;
import io.civickit.core.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A journey part-way through a long form: 30 answers of every shape, a history and a draft. */
public final class ThirtyAnswers {
  private ThirtyAnswers() {}

  /** A new, unsaved journey (version 0) with 30 answers; {@code seed} varies the text. */
  public static Journey journey(RandomGenerator random, int seed) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      String key = "q" + i;
      Value v;
      switch (i % 6) {
        case 0:
          v = Value.text("Answer " + i + " from person " + seed + " with some ordinary length text");
          break;
        case 1:
          v = Value.number(BigDecimal.valueOf(1000L * i + seed, 2));
          break;
        case 2:
          v = Value.date(LocalDate.of(1950 + i, 1 + i % 12, 1 + i % 28));
          break;
        case 3:
          v = Value.bool(i % 2 == 0);
          break;
        case 4:
          v = Value.texts(List.of("option-" + i, "option-" + (i + 1)));
          break;
        default:
          Map<String, Value> f = new LinkedHashMap<>();
          f.put("line1", Value.text(seed + " High Street"));
          f.put("town", Value.text("Anytown"));
          f.put("postcode", Value.text("SW1A 1AA"));
          v = Value.fields(f);
      }
      answers.put(key, i % 3 == 0 ? Answer.of(v, "as typed " + i, Actor.citizen()) : Answer.of(v));
    }
    List<String> history = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      history.add("page-" + p);
    }
    Instant now = Instant.parse("2025-06-01T10:00:00Z");
    return new Journey(JourneyId.random(random), Reference.random(random), "housing-application", 1, "page-10", answers,
        Map.of("page-10", Map.of("q30", List.of("not quite right"))), history, Optional.empty(),
        JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE, Optional.of("families"), "none",
        Map.of("source", Value.text("web")), Map.of("page-10", 1), now, now, 0);
  }
}
