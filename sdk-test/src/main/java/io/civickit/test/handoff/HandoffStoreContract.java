package io.civickit.test.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import io.civickit.core.handoff.Handoff;
import io.civickit.core.handoff.HandoffConflictException;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.HandoffStatus;
import io.civickit.core.handoff.HandoffStore;
import io.civickit.test.internal.AtOnce;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link HandoffStore} must meet: CivicKit's own stores and a supplier's.
 * Extend it and return an empty store each time:
 *
 * <pre>{@code
 * class MyHandoffStoreTest extends HandoffStoreContract {
 *   @Override protected HandoffStore newStore() { return new MyHandoffStore(freshTable()); }
 * }
 * }</pre>
 *
 * <p>It checks that a handoff reads back exactly as saved, that saves are optimistic (a save based
 * on a version someone else has moved on from is refused and writes nothing, and of advisers
 * picking up one handoff at once exactly one wins), the adviser's queue order, and the purge.
 * Times are whole milliseconds, as a database keeps them.
 */
public abstract class HandoffStoreContract {
  /** A time the handoffs here are requested at. */
  protected static final Instant T0 = Instant.parse("2026-11-27T18:30:00.123Z");

  /** An empty store. */
  protected abstract HandoffStore newStore();

  /** A new handoff, not yet saved, requested at {@code at}, with every optional part given. */
  protected static Handoff handoff(Instant at) {
    return new Handoff(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste", "address",
        HandoffReason.REPEATED_VALIDATION_FAILURES, Optional.of("over-75"), "callback", HandoffStatus.REQUESTED,
        Optional.empty(), Optional.of("CRM-000123"), "We will call you back within 2 hours",
        Optional.of(at.plus(Duration.ofHours(2))), at, at, 0);
  }

  /** A copy with a new adviser and external reference (the parts an adviser changes besides the status). */
  protected static Handoff withCase(Handoff h, Optional<String> agent, Optional<String> externalReference,
      HandoffStatus status, Instant at) {
    return new Handoff(h.id(), h.journeyId(), h.reference(), h.definitionId(), h.stuckStep(), h.reason(), h.segment(),
        h.channel(), status, agent, externalReference, h.whatHappensNext(), h.expectedBy(), h.requestedAt(), at,
        h.version());
  }

  @Test
  void aNewHandoffIsSavedAtVersionOneAndReadsBackExactly() {
    HandoffStore store = newStore();
    Handoff h = handoff(T0);
    Handoff saved = store.save(h);
    assertThat(saved).isEqualTo(savedAt(h, 1));
    assertThat(store.find(h.id())).contains(saved);
    Handoff bare = new Handoff(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste", "start",
        HandoffReason.ASKED_FOR_HELP, Optional.empty(), "team-email", HandoffStatus.REQUESTED, Optional.empty(),
        Optional.empty(), "We will email you", Optional.empty(), T0, T0, 0);
    assertThat(store.save(bare)).isEqualTo(savedAt(bare, 1));
    assertThat(store.find(bare.id())).as("no optional part given").contains(savedAt(bare, 1));
    assertThat(store.find(HandoffId.random())).isEmpty();
  }

  @Test
  void anAdvisersChangesAreKeptAndEachSaveMovesTheVersionOn() {
    HandoffStore store = newStore();
    Handoff v1 = store.save(handoff(T0));
    Handoff v2 = store.save(withCase(v1, Optional.of("adviser-7"), Optional.of("CRM-999"), HandoffStatus.ACCEPTED,
        T0.plusSeconds(60)));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.find(v1.id())).contains(v2);
    Handoff v3 = store.save(withCase(v2, Optional.empty(), Optional.empty(), HandoffStatus.HANDED_BACK,
        T0.plusSeconds(120)));
    assertThat(store.find(v1.id())).as("an adviser and a reference can be cleared").contains(v3);
    assertThat(v3.version()).isEqualTo(3);
  }

  @Test
  void aSaveBasedOnAVersionSomeoneElseMovedOnFromIsRefusedAndWritesNothing() {
    HandoffStore store = newStore();
    Handoff read = store.save(handoff(T0));
    Handoff first = store.save(withCase(read, Optional.of("adviser-1"), read.externalReference(),
        HandoffStatus.ACCEPTED, T0.plusSeconds(5)));
    Handoff stale = withCase(read, Optional.of("adviser-2"), read.externalReference(), HandoffStatus.ACCEPTED,
        T0.plusSeconds(6));
    assertThatThrownBy(() -> store.save(stale)).isInstanceOfSatisfying(HandoffConflictException.class, e -> {
      assertThat(e.handoffId()).isEqualTo(read.id());
      assertThat(e.expectedVersion()).isEqualTo(1);
    });
    assertThat(store.find(read.id())).contains(first);
  }

  @Test
  void savingANewHandoffWhoseIdIsTakenIsAConflict() {
    HandoffStore store = newStore();
    Handoff h = store.save(handoff(T0));
    Handoff unsaved = savedAt(withCase(h, Optional.of("adviser-3"), Optional.empty(), HandoffStatus.ACCEPTED, T0), 0);
    assertThatThrownBy(() -> store.save(unsaved)).isInstanceOf(HandoffConflictException.class);
    assertThat(store.find(h.id())).contains(h);
  }

  @Test
  void ofAdvisersPickingUpOneHandoffAtOnceExactlyOneWins() throws Exception {
    HandoffStore store = newStore();
    Handoff read = store.save(handoff(T0));
    List<Callable<Boolean>> advisers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Handoff mine = withCase(read, Optional.of("adviser-" + i), read.externalReference(), HandoffStatus.ACCEPTED,
          T0.plusSeconds(i));
      advisers.add(() -> {
        try {
          store.save(mine);
          return true;
        } catch (HandoffConflictException e) {
          return false;
        }
      });
    }
    assertThat(AtOnce.run(advisers)).filteredOn(won -> won).hasSize(1);
    assertThat(store.find(read.id())).hasValueSatisfying(h -> assertThat(h.version()).isEqualTo(2));
  }

  @Test
  void aJourneysHandoffsAndAStatusQueueComeOldestFirst() {
    HandoffStore store = newStore();
    Handoff later = handoff(T0.plusSeconds(30));
    Handoff earlier = handoff(T0);
    Handoff sameJourney = new Handoff(later.id(), earlier.journeyId(), later.reference(), later.definitionId(),
        later.stuckStep(), later.reason(), later.segment(), later.channel(), later.status(), later.agentId(),
        later.externalReference(), later.whatHappensNext(), later.expectedBy(), later.requestedAt(),
        later.updatedAt(), 0);
    Handoff third = handoff(T0.plusSeconds(10));
    Handoff s1 = store.save(sameJourney);
    Handoff s2 = store.save(earlier);
    Handoff s3 = store.save(third);
    store.save(withCase(s3, Optional.of("adviser-1"), s3.externalReference(), HandoffStatus.ACCEPTED,
        T0.plusSeconds(40)));
    assertThat(store.findByJourney(earlier.journeyId())).containsExactly(s2, s1);
    assertThat(store.findByJourney(JourneyId.random())).isEmpty();
    assertThat(store.findByStatus(HandoffStatus.REQUESTED, 10)).containsExactly(s2, s1);
    assertThat(store.findByStatus(HandoffStatus.REQUESTED, 1)).containsExactly(s2);
    assertThat(store.findByStatus(HandoffStatus.ACCEPTED, 10)).extracting(Handoff::id).containsExactly(s3.id());
  }

  @Test
  void purgingDeletesOnlyClosedHandoffsUnchangedSinceTheCutoff() {
    HandoffStore store = newStore();
    Handoff resolvedLongAgo = close(store, handoff(T0), HandoffStatus.RESOLVED, T0.plusSeconds(60));
    Handoff handedBackLongAgo = close(store, handoff(T0), HandoffStatus.HANDED_BACK, T0.plusSeconds(60));
    Handoff resolvedRecently = close(store, handoff(T0), HandoffStatus.RESOLVED, T0.plus(Duration.ofDays(40)));
    Handoff stillOpen = store.save(handoff(T0));
    Instant cutoff = T0.plus(Duration.ofDays(30));
    assertThat(store.purgeClosedBefore(cutoff)).isEqualTo(2);
    assertThat(store.find(resolvedLongAgo.id())).isEmpty();
    assertThat(store.find(handedBackLongAgo.id())).isEmpty();
    assertThat(store.find(resolvedRecently.id())).isPresent();
    assertThat(store.find(stillOpen.id())).as("an open handoff is never purged, however old").isPresent();
    assertThat(store.purgeClosedBefore(cutoff)).isZero();
  }

  private static Handoff close(HandoffStore store, Handoff h, HandoffStatus status, Instant at) {
    Handoff saved = store.save(h);
    return store.save(withCase(saved, Optional.of("adviser-1"), saved.externalReference(), status, at));
  }

  /** A handoff as a store returns it after a save: the same, at a version. */
  private static Handoff savedAt(Handoff h, long version) {
    return new Handoff(h.id(), h.journeyId(), h.reference(), h.definitionId(), h.stuckStep(), h.reason(),
        h.segment(), h.channel(), h.status(), h.agentId(), h.externalReference(), h.whatHappensNext(),
        h.expectedBy(), h.requestedAt(), h.updatedAt(), version);
  }
}
