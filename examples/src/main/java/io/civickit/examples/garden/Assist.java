package io.civickit.examples.garden;

import io.civickit.core.Journey;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.progress.ResumeTokens;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Notifier;
import io.civickit.notify.Recipient;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Emails the "continue online" link an adviser's hand-back issued. */
final class Assist {
  private final Notifier notifier;
  private final Supplier<URI> publicUrl;

  Assist(Notifier notifier, Supplier<URI> publicUrl) {
    this.notifier = notifier;
    this.publicUrl = publicUrl;
  }

  /** The address to write to: the one the person gave when asking for help, else the journey's. */
  static Optional<String> email(HandoffRequest r, Optional<Journey> journey) {
    return r.contact().filter(c -> c.method() == ContactPreference.Method.EMAIL).flatMap(ContactPreference::detail)
        .or(() -> journey.flatMap(CitizenPages::contactEmail));
  }

  /** Sends the link; the idempotency key is the handoff and the token, never personal data. */
  void sendContinueOnline(HandoffRequest r, String email, ResumeTokens.IssuedToken token, Locale language) {
    URI link = token.link(publicUrl.get().resolve("/resume"));
    notifier.send(new NotificationRequest(Notifications.CONTINUE_ONLINE, new Recipient.Email(email),
        Map.of("reference", r.reference().toString(), "link", link.toString(),
            "expires", CitizenPages.expires(token.expiresAt(), language)),
        "handback-" + r.handoffId().value() + "-" + CitizenPages.keyPart(token.token()), language));
  }
}
