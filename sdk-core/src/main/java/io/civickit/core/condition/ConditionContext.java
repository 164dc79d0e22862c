package io.civickit.core.condition;

import io.civickit.core.Value;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a condition is evaluated against: answers, journey attributes and today's date. */
public interface ConditionContext {

  /** The answer with this key; further path segments select a part of a group answer. */
  Optional<Value> answer(String key);

  /** The journey attribute with this name ({@code channel}, {@code segment}, or one set by the host app). */
  Optional<Value> attribute(String name);

  /** Today's date, from the journey engine's clock. */
  LocalDate today();

  /** A context over plain maps, for tests and previews. */
  static ConditionContext of(Map<String, Value> answers, Map<String, Value> attributes, LocalDate today) {
    Map<String, Value> a = Map.copyOf(answers);
    Map<String, Value> b = Map.copyOf(attributes);
    return new ConditionContext() {
      @Override
      public Optional<Value> answer(String key) {
        return Optional.ofNullable(a.get(key));
      }

      @Override
      public Optional<Value> attribute(String name) {
        return Optional.ofNullable(b.get(name));
      }

      @Override
      public LocalDate today() {
        return today;
      }
    };
  }

  /** Resolves a dotted path: the first segment in {@code journey} names an attribute, otherwise an answer. */
  default Optional<Value> resolve(List<String> path) {
    Optional<Value> current;
    int next;
    if (path.size() >= 2 && path.get(0).equals("journey")) {
      current = attribute(path.get(1));
      next = 2;
    } else if (path.size() >= 2 && path.get(0).equals("answers")) {
      current = answer(path.get(1));
      next = 2;
    } else {
      current = answer(path.get(0));
      next = 1;
    }
    for (int i = next; i < path.size() && current.isPresent(); i++) {
      String part = path.get(i);
      current = current.get() instanceof Value.Fields f ? f.get(part) : Optional.empty();
    }
    return current;
  }
}
