package io.civickit.core.handoff;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What handing a journey off did: the stored handoff, which channel took it, every channel
 * tried, and what to tell the person.
 *
 * @param handoff the handoff as stored
 * @param result the accepting channel's result (or the last refusal when no channel accepted)
 * @param attempts every channel's answer in the order tried
 * @param repeated true when the journey already had an open handoff and that one is returned
 *     (a second click on "Get help" does not start a second chat)
 */
public record HandoffOutcome(Handoff handoff, HandoffResult result, List<HandoffResult> attempts, boolean repeated) {

  /** Copies the attempts. */
  public HandoffOutcome {
    Objects.requireNonNull(handoff, "handoff");
    Objects.requireNonNull(result, "result");
    attempts = List.copyOf(attempts);
  }

  /** True if a channel accepted the request. */
  public boolean accepted() {
    return result instanceof HandoffResult.Accepted;
  }

  /** What to tell the person: what happens next and when. Always set, even when no channel accepted. */
  public String whatHappensNext() {
    return handoff.whatHappensNext();
  }

  /** A link for the person to follow now (for example to open the chat), if the channel gave one. */
  public Optional<URI> link() {
    return result instanceof HandoffResult.Accepted a ? a.link() : Optional.empty();
  }
}
