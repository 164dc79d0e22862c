package io.civickit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.StartOptions;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.core.event.EventLog;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.progress.ProgressStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentsTest {
  final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  final EventLog events = new EventLog();

  static Step dateOfBirth() {
    return new Step() {
      @Override
      public String id() {
        return "dob";
      }

      @Override
      public Set<String> answerKeys() {
        return Set.of("date-of-birth");
      }

      @Override
      public StepResult submit(StepSubmission s) {
        try {
          return StepResult.Accepted.of(Map.of("date-of-birth",
              Answer.of(Value.date(LocalDate.parse(s.first("dob").orElse(""))))));
        } catch (RuntimeException e) {
          return new StepResult.Rejected(List.of(new FieldError("dob", "Enter a real date")));
        }
      }
    };
  }

  static Step page(String id) {
    return new Step() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> answerKeys() {
        return Set.of();
      }

      @Override
      public StepResult submit(StepSubmission s) {
        return StepResult.Accepted.of(Map.of());
      }
    };
  }

  final SegmentRules segments = SegmentRules.builder(clock)
      .rule("over-75-no-email", "date-of-birth <= today - 75 years and journey.has_email = false")
      .rule("over-75", "date-of-birth <= today - 75 years")
      .rule("landlord", "journey.account_type = 'landlord'")
      .otherwise("everyone")
      .build();
  final Experiment chatPrompt = Experiment.builder("chat-prompt").arm("control", 1).arm("offer-chat", 1).build();

  Journeys engine() {
    JourneyDefinition def = JourneyDefinition.builder("blue-badge", 1).step(dateOfBirth()).step(page("check"))
        .step(page("done")).end("done", Outcome.SUCCESS).build();
    return Journeys.builder().definition(def).store(ProgressStore.inMemory()).events(events).clock(clock)
        .classifier(segments.and(chatPrompt)).build();
  }

  @Test
  void theFirstMatchingRuleWinsAndTheSegmentIsSetOnceTheAnswerIsGiven() {
    Journeys journeys = engine();
    Journey j = journeys.start("blue-badge", StartOptions.builder().attribute("has_email", Value.bool(false)).build());
    assertThat(j.segment()).contains("everyone");
    journeys.submit(j.id(), "dob", Map.of("dob", List.of("1949-05-01")), Actor.citizen(), Locale.UK);
    Journey after = journeys.find(j.id()).orElseThrow();
    assertThat(after.segment()).contains("over-75-no-email"); // both over-75 rules hold: the first wins
    assertThat(events.events(JourneyEvent.StepCompleted.class).get(0).subject().segment()).contains("over-75-no-email");
  }

  @Test
  void rulesReadJourneyAttributesAndFallBackInOrder() {
    Journeys journeys = engine();
    Journey landlord = journeys.start("blue-badge", StartOptions.builder()
        .attribute("account_type", Value.text("landlord")).build());
    assertThat(landlord.segment()).contains("landlord");
    Journey young = journeys.start("blue-badge");
    journeys.submit(young.id(), "dob", Map.of("dob", List.of("1990-05-01")), Actor.citizen(), Locale.UK);
    assertThat(journeys.find(young.id()).orElseThrow().segment()).contains("everyone");
  }

  @Test
  void withoutAFallbackAHostSetSegmentIsKept() {
    SegmentRules only = SegmentRules.builder(clock).rule("landlord", "journey.account_type = 'landlord'").build();
    Journey j = engine().start("blue-badge", StartOptions.builder().segment("from-council-tax-record").build());
    assertThat(only.classify(j.toBuilder().segment(java.util.Optional.of("from-council-tax-record")).build()).segment())
        .contains("from-council-tax-record");
  }

  @Test
  void theArmIsRecordedWhenTheJourneyStartsAndCarriedOnEveryEvent() {
    Journeys journeys = engine();
    Journey j = journeys.start("blue-badge");
    String arm = chatPrompt.armFor(j.id());
    assertThat(chatPrompt.armOf(j)).contains(arm);
    journeys.submit(j.id(), "dob", Map.of("dob", List.of("1990-05-01")), Actor.citizen(), Locale.UK);
    assertThat(events.events()).allSatisfy(e -> assertThat(e.subject().arms()).containsEntry("chat-prompt", arm));
  }

  @Test
  void anExperimentWithEligibilityOnlyTakesThoseItAppliesTo() {
    Experiment onlineOnly = Experiment.builder("digital-nudge").arm("a", 1).arm("b", 1)
        .when("journey.channel = 'ONLINE'", clock).build();
    Journey j = engine().start("blue-badge");
    assertThat(onlineOnly.armOf(onlineOnly.classify(j.toBuilder().version(0).build()))).isPresent();
    Journey phone = j.toBuilder().channel(io.civickit.core.Channel.TELEPHONE).version(0).build();
    assertThat(onlineOnly.armOf(onlineOnly.classify(phone))).isEmpty();
  }

  @Test
  void badRulesAndExperimentsAreRefusedWithTheProblem() {
    assertThatThrownBy(() -> SegmentRules.builder(clock).rule("Over 75", "age > 75"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Over 75");
    assertThatThrownBy(() -> SegmentRules.builder(clock).rule("x", "age >"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad condition");
    assertThatThrownBy(() -> SegmentRules.builder(clock).rule("x", "a = 1").rule("x", "b = 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("combine them");
    assertThatThrownBy(() -> Experiment.builder("e").arm("only", 1).build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Experiment.builder("e").arm("a", 0)).hasMessageContaining("but was 0");
  }

  @Test
  void nudgesMatchSegmentStepAndArmAndAlwaysComeWithTheOfflineRoute() {
    NudgePlan plan = NudgePlan.builder("Call 0300 123 4567, Monday to Friday, 9am to 5pm")
        .add("over-75-no-email", NudgePlan.ANY, Nudge.offerChat("Chat to an adviser now"))
        .add(NudgePlan.ANY, "dob", Nudge.saveAndReturn("Save your answers and come back later"))
        .add(NudgePlan.ANY, "dob", Nudge.saveAndReturn("a second save nudge is not shown"))
        .addForArm("chat-prompt", "offer-chat", NudgePlan.ANY, "check", Nudge.offerChat("Questions? Chat to us"))
        .build();
    Journeys journeys = engine();
    Journey j = journeys.start("blue-badge", StartOptions.builder().attribute("has_email", Value.bool(false)).build());
    NudgePlan.Shown atDob = plan.forJourney(j);
    assertThat(atDob.nudges()).extracting(Nudge::message).containsExactly("Save your answers and come back later");
    assertThat(atDob.offlineRoute()).startsWith("Call 0300");

    journeys.submit(j.id(), "dob", Map.of("dob", List.of("1940-01-01")), Actor.citizen(), Locale.UK);
    Journey atCheck = journeys.find(j.id()).orElseThrow();
    NudgePlan.Shown shown = plan.forJourney(atCheck);
    assertThat(shown.nudges()).extracting(Nudge::kind).containsExactly(Nudge.Kind.OFFER_CHAT);
    assertThat(shown.offlineRoute()).isNotBlank();

    Journey inOfferArm = atCheck.toBuilder().segment(java.util.Optional.of("everyone"))
        .attribute("arm:chat-prompt", Value.text("offer-chat")).build();
    assertThat(plan.forJourney(inOfferArm).nudges()).extracting(Nudge::message).containsExactly("Questions? Chat to us");
    Journey inControl = inOfferArm.toBuilder().attribute("arm:chat-prompt", Value.text("control")).build();
    assertThat(plan.forJourney(inControl).nudges()).isEmpty();
    assertThat(plan.forJourney(inControl).offlineRoute()).isNotBlank();

    assertThatThrownBy(() -> NudgePlan.builder(" ")).hasMessageContaining("offline route");
  }
}
