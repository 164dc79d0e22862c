package io.civickit.core.segment;

import java.util.Objects;

/**
 * A nudge towards digital, shown on a page: what kind it is and the words to show.
 *
 * @param kind what it offers
 * @param message the words, in plain English (the page escapes them)
 */
public record Nudge(Kind kind, String message) {

  /** The kinds of nudge. */
  public enum Kind {
    /** Offer to save the answers and send a link to come back later. */
    SAVE_AND_RETURN,
    /** Offer a web chat with an adviser now. */
    OFFER_CHAT,
    /** Point to the digital route (for someone on the phone or with an adviser: "next time, do it online"). */
    DIGITAL_ROUTE
  }

  /** Checks the fields. */
  public Nudge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("a nudge needs words to show");
    }
  }

  /** Offer save and return. */
  public static Nudge saveAndReturn(String message) {
    return new Nudge(Kind.SAVE_AND_RETURN, message);
  }

  /** Offer a chat. */
  public static Nudge offerChat(String message) {
    return new Nudge(Kind.OFFER_CHAT, message);
  }

  /** Point to the digital route. */
  public static Nudge digitalRoute(String message) {
    return new Nudge(Kind.DIGITAL_ROUTE, message);
  }
}
