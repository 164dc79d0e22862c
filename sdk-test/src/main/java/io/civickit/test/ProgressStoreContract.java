package io.civickit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.Value;
import io.civickit.core.progress.DuplicateJourneyException;
import io.civickit.core.progress.ProgressConflictException;
import io.civickit.core.progress.ProgressStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ProgressStore} must meet: CivicKit's own stores and a supplier's.
 * Extend it in your tests and return a fresh, empty store:
 *
 * <pre>{@code
 * class MyStoreTest extends ProgressStoreContract {
 *   @Override protected ProgressStore newStore() { return new MyStore(...); }
 * }
 * }</pre>
 *
 * <p>Journeys here are timestamped in 2026 with a fixed base time; a store with its own expiry
 * must keep them for the duration of the test.
 */
public abstract class ProgressStoreContract {

  /** A store with no journeys in it (or none these tests create: ids are random). */
  protected abstract ProgressStore newStore();

  /** The time journeys in these tests were last saved; override if the store expires old rows. */
  protected Instant baseTime() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** A new journey at version 0, not yet saved. */
  protected Journey newJourney() {
    Instant now = baseTime();
    return new Journey(JourneyId.random(), Reference.random(), "contract-test", 1, "first", Map.of(), Map.of(),
        List.of(), Optional.empty(), JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE, Optional.empty(),
        "none", Map.of(), Map.of(), now, now, 0);
  }

  @Test
  void aNewJourneyIsSavedAtVersionOneAndEachSaveAddsOne() {
    ProgressStore store = newStore();
    Journey v1 = store.save(newJourney());
    assertThat(v1.version()).isEqualTo(1);
    Journey v2 = store.save(v1.toBuilder().currentStep("second").build());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.find(v1.id())).contains(v2);
  }

  @Test
  void everyPartOfAJourneySurvivesASaveAndLoad() {
    ProgressStore store = newStore();
    Value address = Value.fields(Map.of("line1", Value.text("1 High Street"), "postcode", Value.text("SW1A 1AA")));
    Journey j = newJourney().toBuilder()
        .answer("name", Answer.of(Value.text("Siân O'Brien – ✓"), "  Siân O'Brien – ✓ ", Actor.citizen()))
        .answer("income", Answer.of(Value.number(new BigDecimal("1234.50"))))
        .answer("agree", Answer.of(Value.bool(true)))
        .answer("dob", Answer.of(Value.date(LocalDate.of(1950, 2, 28))))
        .answer("needs", Answer.of(Value.texts(List.of("braille", "large-print"))))
        .answer("address", Answer.prefilled(address, Actor.system("council-tax")))
        .answer("children", Answer.of(Value.items(List.of(address)), "", Actor.adviser("staff-7")))
        .draft("email", Map.of("email", List.of("not an email <script>")))
        .history(List.of("first", "second"))
        .returnTo(Optional.of("check"))
        .status(JourneyStatus.COMPLETED)
        .outcome(Optional.of(Outcome.INELIGIBLE))
        .channel(Channel.ASSISTED_DIGITAL)
        .segment(Optional.of("over-75"))
        .assuranceLevel("medium")
        .attribute("arm:nudge", Value.text("b"))
        .failures("email", 2)
        .build();
    Journey saved = store.save(j);
    Journey loaded = store.find(j.id()).orElseThrow();
    assertThat(loaded).isEqualTo(saved);
    assertThat(loaded.answer("income").orElseThrow().value()).isEqualTo(Value.number(new BigDecimal("1234.50")));
  }

  @Test
  void aStaleSaveIsRejectedAndOverwritesNothing() {
    ProgressStore store = newStore();
    Journey v1 = store.save(newJourney());
    Journey v2 = store.save(v1.toBuilder().answer("a", Answer.of(Value.text("winner"))).build());
    assertThatThrownBy(() -> store.save(v1.toBuilder().answer("a", Answer.of(Value.text("loser"))).build()))
        .isInstanceOfSatisfying(ProgressConflictException.class, e -> {
          assertThat(e.journeyId()).isEqualTo(v1.id());
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    assertThat(store.find(v1.id())).contains(v2);
  }

  @Test
  void ofTwoSavesFromTheSameVersionExactlyOneWins() throws Exception {
    ProgressStore store = newStore();
    for (int round = 0; round < 20; round++) {
      Journey base = store.save(newJourney());
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String value = "writer-" + t;
        results.add(pool.submit(() -> {
          go.await();
          try {
            store.save(base.toBuilder().answer("who", Answer.of(Value.text(value))).build());
            return true;
          } catch (ProgressConflictException e) {
            return false;
          }
        }));
      }
      go.countDown();
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      pool.shutdown();
      assertThat(wins).as("round %d", round).isEqualTo(1);
      assertThat(store.find(base.id()).orElseThrow().version()).isEqualTo(2);
    }
  }

  @Test
  void aJourneyCannotBeInsertedTwice() {
    ProgressStore store = newStore();
    Journey j = newJourney();
    store.save(j);
    assertThatThrownBy(() -> store.save(j)).isInstanceOf(DuplicateJourneyException.class);
    Journey sameReference = new Journey(JourneyId.random(), j.reference(), j.definitionId(), 1, "first", Map.of(),
        Map.of(), List.of(), Optional.empty(), JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE,
        Optional.empty(), "none", Map.of(), Map.of(), j.createdAt(), j.updatedAt(), 0);
    assertThatThrownBy(() -> store.save(sameReference)).isInstanceOf(DuplicateJourneyException.class);
    assertThat(store.find(sameReference.id())).isEmpty();
  }

  @Test
  void journeysAreFoundByReference() {
    ProgressStore store = newStore();
    Journey j = store.save(newJourney());
    assertThat(store.findByReference(j.reference())).contains(j);
    assertThat(store.findByReference(Reference.random())).isEmpty();
    assertThat(store.find(JourneyId.random())).isEmpty();
  }

  @Test
  void staleJourneysAreListedOldestFirstUpToTheLimit() {
    ProgressStore store = newStore();
    Instant t = baseTime();
    List<JourneyId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Journey j = newJourney().toBuilder().updatedAt(t.minusSeconds(1000 - i)).build();
      ids.add(store.save(j).id());
    }
    store.save(newJourney().toBuilder().updatedAt(t.plusSeconds(10)).build());
    List<JourneyId> found = store.findNotUpdatedSince(t, 3);
    assertThat(found).containsExactly(ids.get(0), ids.get(1), ids.get(2));
    assertThat(store.findNotUpdatedSince(t, 100)).containsAll(ids).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void deletedJourneysAreGoneAndSavingOneIsAConflict() {
    ProgressStore store = newStore();
    Journey j = store.save(newJourney());
    assertThat(store.delete(j.id())).isTrue();
    assertThat(store.delete(j.id())).isFalse();
    assertThat(store.find(j.id())).isEmpty();
    assertThat(store.findByReference(j.reference())).isEmpty();
    assertThatThrownBy(() -> store.save(j)).isInstanceOfSatisfying(ProgressConflictException.class,
        e -> assertThat(e.actualVersion()).isEqualTo(-1));
  }
}
