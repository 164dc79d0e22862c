package io.civickit.core.handoff;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link HandoffChannel} did with a request. Only {@link Accepted} ends the fallback
 * chain; {@link Closed} and {@link Failed} move on to the next channel.
 */
public sealed interface HandoffResult {

  /** The name of the channel that answered. */
  String channel();

  /**
   * The channel took the request. {@code whatHappensNext} is shown to the person, for example
   * "An adviser will call you on the number you gave by 5pm today."
   *
   * @param channel the channel's name
   * @param whatHappensNext plain-English text telling the person what happens next and when
   * @param expectedBy when the person should expect to hear, if the channel knows
   * @param externalReference the channel's own reference (chat id, case number), if any
   * @param link a link for the person to follow now (for example to open the chat), if any
   */
  record Accepted(String channel, String whatHappensNext, Optional<Instant> expectedBy,
      Optional<String> externalReference, Optional<URI> link) implements HandoffResult {
    /** Checks the fields. */
    public Accepted {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(whatHappensNext, "whatHappensNext");
      if (whatHappensNext.isBlank()) {
        throw new IllegalArgumentException("an accepted handoff must tell the person what happens next");
      }
      Objects.requireNonNull(expectedBy, "expectedBy");
      Objects.requireNonNull(externalReference, "externalReference");
      Objects.requireNonNull(link, "link");
    }

    /** Accepted with a message and nothing else. */
    public static Accepted of(String channel, String whatHappensNext) {
      return new Accepted(channel, whatHappensNext, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /**
   * The channel is not taking requests now (out of hours, no advisers free).
   *
   * @param channel the channel's name
   * @param why a short reason for logs and the adviser, without personal data
   * @param opensAt when it next opens, if known
   */
  record Closed(String channel, String why, Optional<Instant> opensAt) implements HandoffResult {
    /** Checks the fields. */
    public Closed {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(opensAt, "opensAt");
    }
  }

  /**
   * The channel could not take the request (the chat platform is down, a timeout, a database
   * fault). The message is for logs and never contains personal data.
   *
   * @param channel the channel's name
   * @param why what went wrong
   */
  record Failed(String channel, String why) implements HandoffResult {
    /** Checks the fields. */
    public Failed {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(why, "why");
    }
  }
}
