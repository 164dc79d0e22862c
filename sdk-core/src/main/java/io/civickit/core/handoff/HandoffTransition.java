package io.civickit.core.handoff;

import io.civickit.core.progress.ResumeTokens;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** What an adviser's action on a handoff (accept, resolve, hand back) did. */
public sealed interface HandoffTransition {

  /**
   * Done.
   *
   * @param handoff the handoff as now stored
   * @param continueOnline for a hand back: the resume token issued for the person (give it once)
   * @param continueOnlineLink for a hand back: the "continue online" link, if a base URL was configured
   */
  record Done(Handoff handoff, Optional<ResumeTokens.IssuedToken> continueOnline, Optional<URI> continueOnlineLink)
      implements HandoffTransition {
    /** Checks the fields. */
    public Done {
      Objects.requireNonNull(handoff, "handoff");
      Objects.requireNonNull(continueOnline, "continueOnline");
      Objects.requireNonNull(continueOnlineLink, "continueOnlineLink");
    }

    @Override
    public String toString() {
      return "Done[" + handoff.id() + ", " + handoff.status() + (continueOnline.isPresent() ? ", link issued" : "") + "]";
    }
  }

  /**
   * Not allowed in the handoff's current state (another adviser picked it up first, it is
   * already resolved). Nothing changed.
   *
   * @param handoff the handoff as it is
   * @param why what to tell the adviser
   */
  record NotAllowed(Handoff handoff, String why) implements HandoffTransition {
    /** Checks the fields. */
    public NotAllowed {
      Objects.requireNonNull(handoff, "handoff");
      Objects.requireNonNull(why, "why");
    }
  }

  /**
   * No handoff with this id.
   *
   * @param id the id that was looked up
   */
  record NotFound(HandoffId id) implements HandoffTransition {
    /** Checks the field. */
    public NotFound {
      Objects.requireNonNull(id, "id");
    }
  }
}
