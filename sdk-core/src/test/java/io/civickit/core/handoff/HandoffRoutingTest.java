package io.civickit.core.handoff;

import static io.civickit.core.handoff.Fixtures.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.StartOptions;
import io.civickit.core.event.EventLog;
import io.civickit.core.event.JourneyEvent;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.testsupport.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Routing by segment and opening hours, and the fallback chain, on a fixed clock. */
class HandoffRoutingTest {
  // Friday 27 November 2026
  final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
  final EventLog events = new EventLog();
  final Journeys journeys = Journeys.builder().definition(Fixtures.definition()).store(ProgressStore.inMemory())
      .tokens(ResumeTokenStore.inMemory()).events(events).clock(clock).build();
  final List<String> called = new ArrayList<>();

  /** A channel that records being called and answers as told. */
  HandoffChannel fake(String name, Function<HandoffRequest, HandoffResult> answer) {
    return new HandoffChannel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public HandoffResult handOff(HandoffRequest request) {
        called.add(name);
        return answer.apply(request);
      }
    };
  }

  static final OpeningHours CHAT_HOURS = OpeningHours.builder(OpeningHoursTest.LONDON)
      .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();

  HandoffRouter router(Function<HandoffRequest, HandoffResult> chat, Function<HandoffRequest, HandoffResult> callback,
      Function<HandoffRequest, HandoffResult> crm) {
    return HandoffRouter.builder(clock)
        .channel(fake("web-chat", chat), CHAT_HOURS)
        .channel(fake("callback", callback))
        .channel(fake("crm-case", crm))
        .channel(HandoffChannels.phone("0300 123 4567", OpeningHoursTest.contactCentre(), clock))
        .defaultRoute("web-chat", "callback", "crm-case", "phone")
        .route("over-75-no-email", "callback", "phone")
        .build();
  }

  static HandoffResult accept(HandoffRequest r, String name) {
    return HandoffResult.Accepted.of(name, name + " will help");
  }

  Handoffs handoffs(HandoffRouter router) {
    return Handoffs.builder(journeys, router).build();
  }

  Journey stuckJourney(Optional<String> segment) {
    StartOptions.Builder o = StartOptions.builder();
    segment.ifPresent(o::segment);
    Journey j = journeys.start("garden-waste", o.build());
    journeys.submit(j.id(), "name", input("name", "Ada"), Actor.citizen(), Locale.UK);
    return j;
  }

  @Test
  void inOfficeHoursWebChatTakesIt() {
    Handoffs h = handoffs(router(r -> accept(r, "web-chat"), r -> accept(r, "callback"), r -> accept(r, "crm-case")));
    HandoffOutcome out = h.getHelp(stuckJourney(Optional.empty()).id(), Optional.empty());
    assertThat(out.accepted()).isTrue();
    assertThat(out.handoff().channel()).isEqualTo("web-chat");
    assertThat(out.whatHappensNext()).isEqualTo("web-chat will help");
    assertThat(called).containsExactly("web-chat");
  }

  @Test
  void outOfHoursWebChatIsSkippedWithoutBeingCalledAndTheCallBackQueueTakesIt() {
    clock.set(Instant.parse("2026-11-27T18:30:00Z")); // Friday evening
    Handoffs h = handoffs(router(r -> accept(r, "web-chat"), r -> accept(r, "callback"), r -> accept(r, "crm-case")));
    HandoffOutcome out = h.getHelp(stuckJourney(Optional.empty()).id(), Optional.of(ContactPreference.phone("01632 960001")));
    assertThat(called).containsExactly("callback");
    assertThat(out.handoff().channel()).isEqualTo("callback");
    assertThat(out.attempts()).hasSize(2);
    HandoffResult.Closed chat = (HandoffResult.Closed) out.attempts().get(0);
    assertThat(chat.why()).isEqualTo("outside opening hours");
    assertThat(chat.opensAt()).contains(Instant.parse("2026-11-30T09:00:00Z")); // Monday morning
  }

  @Test
  void eachFailureFallsThroughToTheNextChannelEndingWithThePhoneNumber() {
    Handoffs h = handoffs(router(r -> new HandoffResult.Closed("web-chat", "no advisers free", Optional.empty()),
        r -> new HandoffResult.Failed("callback", "no phone number"),
        r -> {
          throw new IllegalStateException("CRM down");
        }));
    Journey j = stuckJourney(Optional.empty());
    HandoffOutcome out = h.getHelp(j.id(), Optional.empty());
    assertThat(called).containsExactly("web-chat", "callback", "crm-case");
    assertThat(out.attempts()).extracting(HandoffResult::channel).containsExactly("web-chat", "callback", "crm-case", "phone");
    assertThat(out.attempts().get(2)).isInstanceOf(HandoffResult.Failed.class);
    assertThat(out.handoff().channel()).isEqualTo("phone");
    assertThat(out.whatHappensNext()).isEqualTo("Call us on 0300 123 4567 and quote your reference "
        + j.reference().value() + ". The lines are open now.");
  }

  @Test
  void thePhoneMessageSaysWhenTheLinesOpenWhenTheyAreClosed() {
    clock.set(Instant.parse("2026-12-24T15:00:00Z")); // Christmas Eve afternoon: closed until Saturday
    Handoffs h = handoffs(router(r -> new HandoffResult.Closed("web-chat", "no advisers", Optional.empty()),
        r -> new HandoffResult.Failed("callback", "x"),
        r -> new HandoffResult.Failed("crm-case", "y")));
    HandoffOutcome out = h.getHelp(stuckJourney(Optional.empty()).id(), Optional.empty());
    assertThat(out.whatHappensNext()).endsWith("The lines open again at 9am on Saturday 26 December.");
  }

  @Test
  void aSegmentWithItsOwnRouteSkipsWebChat() {
    Handoffs h = handoffs(router(r -> accept(r, "web-chat"), r -> accept(r, "callback"), r -> accept(r, "crm-case")));
    HandoffOutcome out = h.getHelp(stuckJourney(Optional.of("over-75-no-email")).id(), Optional.empty());
    assertThat(called).containsExactly("callback");
    assertThat(out.handoff().segment()).contains("over-75-no-email");
  }

  @Test
  void whenNoChannelAcceptsThePersonIsStillToldWhatToDo() {
    HandoffRouter router = HandoffRouter.builder(clock)
        .channel(fake("web-chat", r -> new HandoffResult.Failed("web-chat", "down")))
        .defaultRoute("web-chat").build();
    Journey j = stuckJourney(Optional.empty());
    HandoffOutcome out = handoffs(router).getHelp(j.id(), Optional.empty());
    assertThat(out.accepted()).isFalse();
    assertThat(out.handoff().channel()).isEqualTo("none");
    assertThat(out.whatHappensNext()).contains(j.reference().value()).contains("Your answers are saved");
  }

  @Test
  void theHandedOffEventNamesTheChannelAndReason() {
    Handoffs h = handoffs(router(r -> accept(r, "web-chat"), r -> accept(r, "callback"), r -> accept(r, "crm-case")));
    Journey j = stuckJourney(Optional.empty());
    h.reportError(j.id(), "payment provider unavailable", Optional.empty());
    JourneyEvent.HandedOff e = events.events(JourneyEvent.HandedOff.class).get(0);
    assertThat(e.reason()).isEqualTo(HandoffReason.TECHNICAL_FAULT);
    assertThat(e.handoffChannel()).isEqualTo("web-chat");
    assertThat(e.stepId()).isEqualTo("bank-account");
  }

  @Test
  void aRouteNamingAnUnknownChannelIsRefusedWhenBuilt() {
    assertThatThrownBy(() -> HandoffRouter.builder(clock).channel(fake("web-chat", r -> null))
        .defaultRoute("web-chat", "callback").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"callback\"");
    assertThatThrownBy(() -> HandoffRouter.builder(clock).channel(fake("web-chat", r -> null)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("default route");
    assertThatThrownBy(() -> HandoffRouter.builder(clock).channel(fake("x", r -> null)).channel(fake("x", r -> null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void channelsCanBeOpenOnlySomeDays() {
    OpeningHours mondays = OpeningHours.builder(OpeningHoursTest.LONDON)
        .open(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
    HandoffRouter router = HandoffRouter.builder(clock)
        .channel(fake("web-chat", r -> accept(r, "web-chat")), mondays)
        .channel(HandoffChannels.phone("0300 123 4567", OpeningHours.always(), clock))
        .defaultRoute("web-chat", "phone").build();
    HandoffOutcome out = handoffs(router).getHelp(stuckJourney(Optional.empty()).id(), Optional.empty());
    assertThat(out.handoff().channel()).isEqualTo("phone");
    assertThat(called).isEmpty();
  }
}
