package io.civickit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Who did something on a journey: the person themselves, an adviser helping them (assisted
 * digital), or a system (pre-fill from a council record).
 *
 * @param kind which of the three
 * @param id the adviser's staff id or the system's name; empty for the person themselves
 */
public record Actor(Kind kind, Optional<String> id) {

  /** The kinds of actor. */
  public enum Kind {
    /** The person the journey is for. */
    CITIZEN,
    /** A council adviser acting on the person's behalf. */
    ADVISER,
    /** A system, such as a council record used to pre-fill answers. */
    SYSTEM
  }

  private static final Actor CITIZEN = new Actor(Kind.CITIZEN, Optional.empty());

  /**
   * Checks that every adviser and system is named, so every action on a journey can be traced.
   *
   * @throws NullPointerException if {@code kind} or {@code id} is null
   * @throws IllegalArgumentException if an adviser or system has no id, or the id is blank
   */
  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (kind != Kind.CITIZEN && id.isEmpty()) {
      throw new IllegalArgumentException("an " + kind + " actor needs an id, so every action is traceable");
    }
    id.ifPresent(v -> {
      if (v.isBlank()) {
        throw new IllegalArgumentException("an actor id must not be blank");
      }
    });
  }

  /** The person the journey is for. */
  public static Actor citizen() {
    return CITIZEN;
  }

  /** An adviser, by staff id. */
  public static Actor adviser(String staffId) {
    return new Actor(Kind.ADVISER, Optional.of(staffId));
  }

  /** A system, by name. */
  public static Actor system(String name) {
    return new Actor(Kind.SYSTEM, Optional.of(name));
  }

  @Override
  public String toString() {
    return id.map(v -> kind + ":" + v).orElse(kind.toString());
  }
}
