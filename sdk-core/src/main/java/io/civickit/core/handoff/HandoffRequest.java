package io.civickit.core.handoff;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.handoff.internal.ContextJson;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The context package handed to an assisted channel: everything an adviser needs so the person
 * never has to start again. It is built on the server from the saved journey (never from
 * browser fields), travels signed, and its JSON form ({@link #toJson()}) stays under
 * {@link #MAX_JSON_BYTES}.
 *
 * @param handoffId this handoff's id; channels use it as their idempotency key
 * @param journeyId the journey's id (for the council's own systems; never shown to the person)
 * @param reference the reference number the person can read out on the phone
 * @param definitionId the service, for example {@code garden-waste}
 * @param stuckStep the step the person was on when they got stuck
 * @param reason why they are being handed off
 * @param detail a short explanation for the adviser, without personal data
 *     (for example "3 failed attempts at the bank details page")
 * @param answers the answers so far as readable text, by answer key, in the order given;
 *     sensitive answers have the value {@link #REDACTED}
 * @param redacted the keys of the answers that were redacted
 * @param answersOmitted how many answers were left out to keep the package under the size limit
 * @param segment the person's segment, if any
 * @param journeyChannel the channel the journey was on (online, assisted digital...)
 * @param contact how the person would like to be contacted, if they said
 * @param resumeLink a "continue online" link that returns the person to where they left off,
 *     if the host app configured one
 * @param requestedAt when the handoff was requested
 */
public record HandoffRequest(
    HandoffId handoffId,
    JourneyId journeyId,
    Reference reference,
    String definitionId,
    String stuckStep,
    HandoffReason reason,
    String detail,
    Map<String, String> answers,
    Set<String> redacted,
    int answersOmitted,
    Optional<String> segment,
    Channel journeyChannel,
    Optional<ContactPreference> contact,
    Optional<URI> resumeLink,
    Instant requestedAt) {

  /** What a redacted answer reads as. */
  public static final String REDACTED = "[redacted]";

  /**
   * The largest the JSON form may be, in UTF-8 bytes: under the 16 KB that chat platforms
   * commonly allow for a conversation's context.
   */
  public static final int MAX_JSON_BYTES = 16_000;

  /** Checks and copies the fields. */
  public HandoffRequest {
    Objects.requireNonNull(handoffId, "handoffId");
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(definitionId, "definitionId");
    Objects.requireNonNull(stuckStep, "stuckStep");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Map<String, String> a = new LinkedHashMap<>();
    answers.forEach((k, v) -> a.put(Objects.requireNonNull(k, "answer key"), Objects.requireNonNull(v, "answer text")));
    answers = Collections.unmodifiableMap(a);
    redacted = Collections.unmodifiableSet(new LinkedHashSet<>(redacted));
    if (answersOmitted < 0) {
      throw new IllegalArgumentException("answersOmitted must be at least 0, but was " + answersOmitted);
    }
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(journeyChannel, "journeyChannel");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(resumeLink, "resumeLink");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  /**
   * The package as compact JSON, the form channels send on:
   * <pre>{"handoffId":"...","journeyId":"...","reference":"7KD-4MX-R9T","definitionId":"garden-waste",
   *  "stuckStep":"bank-details","reason":"REPEATED_VALIDATION_FAILURES","detail":"...",
   *  "answers":{"name":"Ada Lovelace","bank-account":"[redacted]"},"redacted":["bank-account"],
   *  "answersOmitted":0,"segment":"over-75","journeyChannel":"ONLINE",
   *  "contact":{"method":"PHONE","detail":"01632 960001"},"resumeLink":"https://...",
   *  "requestedAt":"2026-11-28T10:15:30Z"}</pre>
   */
  public String toJson() {
    return ContextJson.write(this);
  }

  /**
   * Reads the JSON written by {@link #toJson()} (a supplier's channel or an agent console).
   *
   * @throws io.civickit.core.CivicKitException if it is not a handoff context
   */
  public static HandoffRequest fromJson(String json) {
    return ContextJson.read(json);
  }

  @Override
  public String toString() {
    // Answers and contact details are personal data: never printed.
    return "HandoffRequest[" + handoffId + ", " + reference + ", " + definitionId + ", step=" + stuckStep + ", "
        + reason + ", answers=" + answers.size() + ", redacted=" + redacted.size() + "]";
  }
}
