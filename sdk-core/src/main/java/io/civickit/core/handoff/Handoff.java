package io.civickit.core.handoff;

import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One handoff as stored: who it is for, where it went and where it is in its life. It holds no
 * answers or contact details (those travel in the {@link HandoffRequest} to the channel only).
 *
 * @param id the handoff's id
 * @param journeyId the journey handed off
 * @param reference the journey's reference number
 * @param definitionId the service
 * @param stuckStep the step the person was on
 * @param reason why it was handed off
 * @param segment the person's segment, if any
 * @param channel the name of the channel that accepted it, or {@code none}
 * @param status where it is in its life
 * @param agentId the staff id of the adviser who picked it up, once accepted
 * @param externalReference the channel's own reference (chat id, case number), if any
 * @param whatHappensNext what the person was told
 * @param expectedBy when the person was told to expect contact, if a time was given
 * @param requestedAt when it was requested
 * @param updatedAt when it last changed
 * @param version the store version this was read at (0 before it is first saved)
 */
public record Handoff(
    HandoffId id,
    JourneyId journeyId,
    Reference reference,
    String definitionId,
    String stuckStep,
    HandoffReason reason,
    Optional<String> segment,
    String channel,
    HandoffStatus status,
    Optional<String> agentId,
    Optional<String> externalReference,
    String whatHappensNext,
    Optional<Instant> expectedBy,
    Instant requestedAt,
    Instant updatedAt,
    long version) {

  /** Checks the fields. */
  public Handoff {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(definitionId, "definitionId");
    Objects.requireNonNull(stuckStep, "stuckStep");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(externalReference, "externalReference");
    Objects.requireNonNull(whatHappensNext, "whatHappensNext");
    Objects.requireNonNull(expectedBy, "expectedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must be at least 0, but was " + version);
    }
  }

  /** A copy with a new status, adviser and time (the version is unchanged: the store bumps it). */
  public Handoff with(HandoffStatus newStatus, Optional<String> agent, Instant at) {
    return new Handoff(id, journeyId, reference, definitionId, stuckStep, reason, segment, channel, newStatus, agent,
        externalReference, whatHappensNext, expectedBy, requestedAt, at, version);
  }
}
