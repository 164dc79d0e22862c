package io.civickit.core;

import static io.civickit.core.TestSteps.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.event.EventLog;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.ResumeTokens;
import io.civickit.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneysTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final EventLog events = new EventLog();
  private final ProgressStore store = ProgressStore.inMemory(Duration.ofDays(28), clock);

  /** name -> lives-in-area (no -> not-eligible end) -> email -> check -> done. */
  static JourneyDefinition gardenWaste(int version) {
    return JourneyDefinition.builder("garden-waste", version)
        .step(TestSteps.text("name"))
        .step(TestSteps.yesNo("in-area"))
        .step(TestSteps.text("email"))
        .step(TestSteps.page("check"))
        .step(TestSteps.page("done"))
        .step(TestSteps.page("not-eligible"))
        .route("in-area", "in-area = false", "not-eligible")
        .end("done", Outcome.SUCCESS)
        .end("not-eligible", Outcome.INELIGIBLE)
        .build();
  }

  private Journeys engine(JourneyDefinition... defs) {
    Journeys.Builder b = Journeys.builder().store(store).tokens(ResumeTokenStore.inMemory()).events(events).clock(clock);
    for (JourneyDefinition d : defs) {
      b.definition(d);
    }
    return b.build();
  }

  private static SubmitResult submit(Journeys js, Journey j, String step, String value) {
    return js.submit(j.id(), step, input(step, value), Actor.citizen(), Locale.UK);
  }

  @Test
  void walksARouteToCompletionAndPublishesEachChange() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    assertThat(j.currentStep()).isEqualTo("name");
    assertThat(submit(js, j, "name", "Ada")).isInstanceOf(SubmitResult.Moved.class);
    assertThat(submit(js, j, "in-area", "yes").journey().currentStep()).isEqualTo("email");
    submit(js, j, "email", "ada@example.org");
    SubmitResult done = js.submit(j.id(), "check", java.util.Map.of(), Actor.citizen(), Locale.UK);
    assertThat(done).isInstanceOf(SubmitResult.Completed.class);
    assertThat(((SubmitResult.Completed) done).outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(done.journey().status()).isEqualTo(JourneyStatus.COMPLETED);
    assertThat(events.events()).extracting(JourneyEvent::type)
        .containsExactly("started", "step_completed", "step_completed", "step_completed", "step_completed", "completed");
  }

  @Test
  void aConditionalRouteEndsTheJourneyAsNotEligibleWhichCountsAsCompleted() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    submit(js, j, "name", "Ada");
    SubmitResult r = submit(js, j, "in-area", "no");
    assertThat(r).isInstanceOfSatisfying(SubmitResult.Completed.class,
        c -> assertThat(c.outcome()).isEqualTo(Outcome.INELIGIBLE));
    assertThat(r.journey().currentStep()).isEqualTo("not-eligible");
  }

  @Test
  void errorsKeepWhatWasTypedAsADraftAndCountFailuresOnTheStep() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    SubmitResult r1 = submit(js, j, "name", "   ");
    SubmitResult r2 = submit(js, j, "name", "");
    assertThat(r2).isInstanceOfSatisfying(SubmitResult.Invalid.class, inv -> {
      assertThat(inv.failuresOnStep()).isEqualTo(2);
      assertThat(inv.errors()).containsExactly(new FieldError("name", "Enter name"));
    });
    assertThat(r1.journey().drafts().get("name")).containsEntry("name", List.of("   "));
    SubmitResult ok = submit(js, j, "name", "Ada");
    assertThat(ok.journey().drafts()).doesNotContainKey("name");
    assertThat(ok.journey().failures()).doesNotContainKey("name");
    assertThat(events.events(JourneyEvent.ValidationFailed.class)).extracting(JourneyEvent.ValidationFailed::fields)
        .containsOnly(List.of("name"));
  }

  @Test
  void backGoesToThePreviousStepAndResubmittingAnEarlierPageCarriesOnFromThere() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    submit(js, j, "name", "Ada");
    submit(js, j, "in-area", "yes");
    assertThat(js.back(j.id()).currentStep()).isEqualTo("in-area");
    assertThat(js.back(j.id()).currentStep()).isEqualTo("name");
    assertThat(js.back(j.id()).currentStep()).isEqualTo("name");
    // browser back: an old tab posts "name" while the journey is further on
    submit(js, j, "name", "Ada");
    submit(js, j, "in-area", "yes");
    SubmitResult stale = submit(js, j, "name", "Grace");
    assertThat(stale.journey().currentStep()).isEqualTo("in-area");
    assertThat(stale.journey().answer("name").orElseThrow().value()).isEqualTo(Value.text("Grace"));
  }

  @Test
  void changingAnAnswerFromCheckAnswersReturnsThereAskingNewlyNeededQuestionsFirst() {
    JourneyDefinition def = JourneyDefinition.builder("garden-waste", 1)
        .step(TestSteps.yesNo("has-email"))
        .step(TestSteps.text("email"))
        .step(TestSteps.text("phone"))
        .step(TestSteps.page("check"))
        .step(TestSteps.page("done"))
        .route("has-email", "has-email = true", "email")
        .next("has-email", "phone")
        .next("email", "check")
        .end("done", Outcome.SUCCESS)
        .build();
    Journeys js = engine(def);
    Journey j = js.start("garden-waste");
    submit(js, j, "has-email", "no");
    submit(js, j, "phone", "07700 900123");
    assertThat(js.find(j.id()).orElseThrow().currentStep()).isEqualTo("check");

    js.change(j.id(), "phone", "check");
    assertThat(submit(js, j, "phone", "020 7946 0000").journey().currentStep()).isEqualTo("check");

    js.change(j.id(), "has-email", "check");
    SubmitResult r = submit(js, j, "has-email", "yes");
    assertThat(r.journey().currentStep()).isEqualTo("email");
    assertThat(r.journey().returnTo()).contains("check");
    SubmitResult r2 = submit(js, j, "email", "ada@example.org");
    assertThat(r2.journey().currentStep()).isEqualTo("check");
    assertThat(r2.journey().returnTo()).isEmpty();
    assertThat(js.route(r2.journey())).containsExactly("has-email", "email", "check");
  }

  @Test
  void aSubmittedJourneyCannotBeSubmittedTwice() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    submit(js, j, "name", "Ada");
    submit(js, j, "in-area", "yes");
    submit(js, j, "email", "a@b.org");
    js.submit(j.id(), "check", java.util.Map.of(), Actor.citizen(), Locale.UK);
    SubmitResult again = js.submit(j.id(), "check", java.util.Map.of(), Actor.citizen(), Locale.UK);
    assertThat(again).isInstanceOf(SubmitResult.NotAvailable.class);
    assertThat(events.events(JourneyEvent.Completed.class)).hasSize(1);
  }

  @Test
  void aStepNotYetOnTheRouteCannotBeSubmitted() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    assertThat(submit(js, j, "email", "a@b.org")).isInstanceOf(SubmitResult.NotAvailable.class);
    assertThat(js.find(j.id()).orElseThrow().answers()).isEmpty();
  }

  @Test
  void saveAndReturnByMagicLinkWithExpiredSupersededAndUnknownToldApart() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    submit(js, j, "name", "Ada");
    ResumeTokens.IssuedToken first = js.saveForLater(j.id());
    assertThat(js.find(j.id()).orElseThrow().status()).isEqualTo(JourneyStatus.SAVED);
    ResumeTokens.IssuedToken second = js.saveForLater(j.id());
    assertThat(js.resume(first.token())).isInstanceOf(Journeys.ResumeResult.Superseded.class);
    assertThat(js.resume("not-a-real-token-at-all-000000")).isInstanceOf(Journeys.ResumeResult.Unknown.class);
    Journeys.ResumeResult ok = js.resume(second.token());
    assertThat(ok).isInstanceOfSatisfying(Journeys.ResumeResult.Resumed.class, r -> {
      assertThat(r.journey().currentStep()).isEqualTo("in-area");
      assertThat(r.journey().status()).isEqualTo(JourneyStatus.IN_PROGRESS);
      assertThat(r.journey().answer("name")).isPresent();
    });
    ResumeTokens.IssuedToken third = js.saveForLater(j.id());
    clock.advance(Duration.ofDays(7));
    assertThat(js.resume(third.token())).isInstanceOf(Journeys.ResumeResult.Expired.class);
    assertThat(third.link(java.net.URI.create("https://council.example/resume")).toString())
        .isEqualTo("https://council.example/resume?token=" + third.token());
    assertThat(third.toString()).doesNotContain(third.token());
  }

  @Test
  void abandonedJourneysArePurgedAfterTheRetentionPeriodWithAnExpiredEvent() {
    // The in-memory store's own expiry is a safety net set longer than the engine's retention,
    // so that the engine's purge sees each journey and publishes its expired event.
    ProgressStore store = ProgressStore.inMemory(Duration.ofDays(35), clock);
    Journeys js = Journeys.builder().store(store).events(events).clock(clock).definition(gardenWaste(1))
        .retention(Duration.ofDays(28)).build();
    Journey old = js.start("garden-waste");
    clock.advance(Duration.ofDays(20));
    Journey recent = js.start("garden-waste");
    clock.advance(Duration.ofDays(9));
    assertThat(js.purgeExpired()).isEqualTo(1);
    assertThat(js.find(old.id())).isEmpty();
    assertThat(js.find(recent.id())).isPresent();
    assertThat(events.events(JourneyEvent.Expired.class)).extracting(e -> e.subject().journeyId())
        .containsExactly(old.id());
  }

  @Test
  void resumingOnANewerDefinitionKeepsFittingAnswersAndGoesToTheFirstStepThatNeedsOne() {
    Journeys v1 = engine(gardenWaste(1));
    Journey j = v1.start("garden-waste");
    submit(v1, j, "name", "Ada");
    submit(v1, j, "in-area", "yes");
    submit(v1, j, "email", "ada@example.org");
    // v2 adds a required "bins" question after in-area and drops nothing
    JourneyDefinition v2def = JourneyDefinition.builder("garden-waste", 2)
        .step(TestSteps.text("name"))
        .step(TestSteps.yesNo("in-area"))
        .step(TestSteps.text("bins"))
        .step(TestSteps.text("email"))
        .step(TestSteps.page("check"))
        .step(TestSteps.page("done"))
        .step(TestSteps.page("not-eligible"))
        .route("in-area", "in-area = false", "not-eligible")
        .end("done", Outcome.SUCCESS)
        .end("not-eligible", Outcome.INELIGIBLE)
        .build();
    Journeys v2 = engine(gardenWaste(1), v2def);
    Journey moved = v2.find(j.id()).orElseThrow();
    assertThat(moved.definitionVersion()).isEqualTo(2);
    assertThat(moved.currentStep()).isEqualTo("bins");
    assertThat(moved.answers()).containsOnlyKeys("name", "in-area", "email");
    assertThat(moved.history()).containsExactly("name", "in-area");
  }

  @Test
  void answersThatNoLongerFitOrBelongToRemovedQuestionsAreDroppedOnMigration() {
    Journeys v1 = engine(gardenWaste(1));
    Journey j = v1.start("garden-waste");
    submit(v1, j, "name", "Ada");
    submit(v1, j, "in-area", "yes");
    // v2: "name" became a yes/no step (old text answer does not fit), "email" removed
    JourneyDefinition v2def = JourneyDefinition.builder("garden-waste", 2)
        .step(new Step() {
          @Override
          public String id() {
            return "name";
          }

          @Override
          public java.util.Set<String> answerKeys() {
            return java.util.Set.of("name");
          }

          @Override
          public StepResult submit(StepSubmission s) {
            return StepResult.Accepted.of(java.util.Map.of());
          }

          @Override
          public boolean fits(String key, Answer answer) {
            return answer.value() instanceof Value.Bool;
          }
        })
        .step(TestSteps.yesNo("in-area"))
        .step(TestSteps.page("done"))
        .end("done", Outcome.SUCCESS)
        .build();
    Journey moved = engine(gardenWaste(1), v2def).find(j.id()).orElseThrow();
    assertThat(moved.answers()).containsOnlyKeys("in-area");
    assertThat(moved.currentStep()).isEqualTo("name");
  }

  @Test
  void answersOffTheFinalRouteAreNotKeptOnCompletion() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    submit(js, j, "name", "Ada");
    submit(js, j, "in-area", "yes");
    submit(js, j, "email", "ada@example.org");
    js.back(j.id());
    js.back(j.id());
    SubmitResult r = submit(js, j, "in-area", "no");
    assertThat(r).isInstanceOf(SubmitResult.Completed.class);
    assertThat(r.journey().answers()).containsOnlyKeys("name", "in-area");
  }

  @Test
  void anAdviserSubmittingMakesTheJourneyAssistedDigitalAndIsRecordedOnTheAnswer() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    SubmitResult r = js.submit(j.id(), "name", input("name", "Ada"), Actor.adviser("staff-42"), Locale.UK);
    assertThat(r.journey().channel()).isEqualTo(Channel.ASSISTED_DIGITAL);
    assertThat(r.journey().answer("name").orElseThrow().suppliedBy()).isEqualTo(Actor.adviser("staff-42"));
    assertThat(events.events(JourneyEvent.StepCompleted.class).get(0).actor()).isEqualTo(Actor.adviser("staff-42"));
  }

  @Test
  void prefilledAnswersAreMarkedAndAttributedAndFindByReferenceWorks() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste", StartOptions.builder()
        .prefill("name", Value.text("Ada"), Actor.system("council-tax")).build());
    Answer a = j.answer("name").orElseThrow();
    assertThat(a.prefilled()).isTrue();
    assertThat(a.suppliedBy()).isEqualTo(Actor.system("council-tax"));
    assertThat(js.findByReference(j.reference()).map(Journey::id)).contains(j.id());
    assertThat(js.findByReference(Reference.parse(j.reference().value().toLowerCase(Locale.ROOT)).orElseThrow()))
        .isPresent();
  }

  @Test
  void definitionsAreCheckedWhenBuilt() {
    assertThatThrownBy(() -> JourneyDefinition.builder("x", 1).step(TestSteps.text("a"))
        .route("a", "a = ", "b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the route from \"a\" to \"b\" has a bad condition");
    assertThatThrownBy(() -> JourneyDefinition.builder("x", 1).step(TestSteps.text("a")).step(TestSteps.page("end"))
        .route("a", "a = 'x'", "nowhere").end("end", Outcome.SUCCESS).build())
        .hasMessage("a route from \"a\" goes to unknown step \"nowhere\" in x");
    assertThatThrownBy(() -> JourneyDefinition.builder("x", 1).step(TestSteps.text("a")).build())
        .hasMessageContaining("has no end step");
    assertThatThrownBy(() -> JourneyDefinition.builder("Bad Id", 1))
        .hasMessageContaining("but was \"Bad Id\"");
    assertThatThrownBy(() -> Journeys.builder().definition(gardenWaste(1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a store");
  }

  @Test
  void journeyToStringNeverShowsAnswers() {
    Journeys js = engine(gardenWaste(1));
    Journey j = js.start("garden-waste");
    Journey after = submit(js, j, "name", "Ada Lovelace").journey();
    assertThat(after.toString()).doesNotContain("Lovelace").contains(j.reference().value());
    assertThat(after.answer("name").orElseThrow().toString()).doesNotContain("Lovelace");
    assertThat(Optional.of(after).map(Journey::values).orElseThrow()).containsEntry("name", Value.text("Ada Lovelace"));
  }
}
