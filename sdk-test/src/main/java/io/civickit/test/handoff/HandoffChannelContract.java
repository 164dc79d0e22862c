package io.civickit.test.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.JourneyId;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.Step;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.core.handoff.ContactPreference;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.HandoffId;
import io.civickit.core.handoff.HandoffOutcome;
import io.civickit.core.handoff.HandoffRequest;
import io.civickit.core.handoff.HandoffResult;
import io.civickit.core.handoff.HandoffRouter;
import io.civickit.core.handoff.Handoffs;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link HandoffChannel} must meet: CivicKit's own channels and a supplier's.
 * Extend it in your tests, pointing the channel at a real or faithfully faked counterpart (the
 * chat platform, the queue's database, the team's mailbox, the CRM) that the test can inspect
 * and break:
 *
 * <pre>{@code
 * class MyCrmChannelTest extends HandoffChannelContract {
 *   final FakeCrm crm = FakeCrm.start();                  // keeps one case per Idempotency-Key
 *
 *   @Override protected HandoffChannel channel() { return new MyCrmChannel(crm.url()); }
 *   @Override protected List<String> delivered(HandoffId id) { return crm.casesFor(id.value()); }
 *   @Override protected void breakCounterpart() { crm.answerEveryRequestWith(500); }
 * }
 * }</pre>
 *
 * <p>What it checks, which is what the router and the rest of CivicKit rely on:
 *
 * <ul>
 *   <li>{@link HandoffChannel#name()} is short, stable and not blank, and every result names the
 *       channel that gave it;
 *   <li>an accepted handoff reaches the counterpart once, carrying the reference number and the
 *       "continue online" link, even when the context package is as large as
 *       {@link HandoffRequest#MAX_JSON_BYTES} allows;
 *   <li>handed off through {@link Handoffs}, an answer the journey marks sensitive never reaches
 *       the counterpart;
 *   <li>the same {@link HandoffRequest#handoffId()} handed off twice is one chat, call-back,
 *       email or case, and two handoffs of one journey are two;
 *   <li>a counterpart that is down or refuses is a {@link HandoffResult.Failed} or
 *       {@link HandoffResult.Closed} result, never an exception, delivers nothing, and its
 *       reason carries no personal data;
 *   <li>a request the channel cannot serve (no contact details) is a result, never an exception.
 * </ul>
 *
 * <p>Requests carry {@link #contact()}, a phone number by default, so a channel that needs one
 * (a call-back queue, a team inbox) accepts them.
 */
public abstract class HandoffChannelContract {

  /** The sensitive answer typed in {@link #aSensitiveAnswerNeverReachesTheCounterpart()}. */
  static final String SECRET = "40308812345678";

  /**
   * The channel under test, pointed at the counterpart {@link #delivered} inspects. It may be
   * a new object on each call, but on the same counterpart; after {@link #breakCounterpart()}
   * it is one whose counterpart fails.
   */
  protected abstract HandoffChannel channel();

  /**
   * What the counterpart holds for this handoff: one entry for each chat, call-back, email or
   * case it created, as text in which the reference number, the link and the answers can be
   * found (the JSON body received, the email as sent, the decrypted queue entry). Empty if
   * nothing arrived.
   */
  protected abstract List<String> delivered(HandoffId id);

  /**
   * Makes the counterpart fail for the rest of the test: stop the server, make it answer with
   * an error, take the database away. Afterwards {@link #channel()} must give a channel whose
   * counterpart cannot take requests, while {@link #delivered} still reports what arrived.
   */
  protected abstract void breakCounterpart();

  /** How the person asks to be contacted in every request (a phone number by default). */
  protected ContactPreference contact() {
    return ContactPreference.phone("01632 960001");
  }

  /** When requests were made; override if the channel compares it with its own clock. */
  protected Instant requestedAt() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * A request as {@link Handoffs} builds it: a fresh handoff id, a reference, two answers and a
   * redacted one, {@link #contact()} and a "continue online" link.
   */
  protected HandoffRequest request() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("full-name", "Siân O'Brien");
    answers.put("address", "Flat 2, 1 High Street, Anytown, SW1A 1AA");
    answers.put("bank-account-number", HandoffRequest.REDACTED);
    return request(answers, Set.of("bank-account-number"), Optional.of(contact()));
  }

  private HandoffRequest request(Map<String, String> answers, Set<String> redacted,
      Optional<ContactPreference> contact) {
    return new HandoffRequest(HandoffId.random(), JourneyId.random(), Reference.random(), "contract-test",
        "bank-details", HandoffReason.REPEATED_VALIDATION_FAILURES, "3 failed attempts at the bank details page",
        answers, redacted, 0, Optional.of("contract"), Channel.ONLINE, contact,
        Optional.of(URI.create("https://apply.example.gov.uk/contract/continue?token=" + UUID.randomUUID())),
        requestedAt());
  }

  private static HandoffResult handOffWithoutThrowing(HandoffChannel channel, HandoffRequest request) {
    AtomicReference<HandoffResult> result = new AtomicReference<>();
    assertThatCode(() -> result.set(channel.handOff(request)))
        .as("handOff must return a result, not throw").doesNotThrowAnyException();
    assertThat(result.get()).as("handOff must return a result").isNotNull();
    return result.get();
  }

  private HandoffResult.Accepted accepted(HandoffChannel channel, HandoffRequest request) {
    HandoffResult result = handOffWithoutThrowing(channel, request);
    assertThat(result).as("handing off %s", request).isInstanceOf(HandoffResult.Accepted.class);
    assertThat(result.channel()).as("the result names the channel").isEqualTo(channel.name());
    return (HandoffResult.Accepted) result;
  }

  @Test
  void theNameIsShortStableAndNotBlank() {
    HandoffChannel channel = channel();
    assertThat(channel.name()).isNotBlank().hasSizeLessThanOrEqualTo(63).doesNotContainAnyWhitespaces()
        .isEqualTo(channel.name()).isEqualTo(channel().name());
  }

  @Test
  void anAcceptedHandoffArrivesOnceWithTheReferenceAndTheContinueOnlineLink() {
    HandoffRequest r = request();
    HandoffResult.Accepted a = accepted(channel(), r);
    assertThat(a.whatHappensNext()).isNotBlank();
    List<String> got = delivered(r.handoffId());
    assertThat(got).as("what reached the counterpart for one handoff").hasSize(1);
    assertThat(got.get(0)).contains(r.reference().value())
        .contains(r.resumeLink().orElseThrow().toString());
  }

  @Test
  void aContextAsLargeAsAllowedArrivesWhole() {
    Map<String, String> answers = new LinkedHashMap<>();
    String filler = "Siân’s garden waste bin, Łódź Road, Ynys Môn. ".repeat(25).substring(0, 960);
    HandoffRequest r = request(answers, Set.of(), Optional.of(contact()));
    for (int i = 0; ; i++) {
      Map<String, String> more = new LinkedHashMap<>(answers);
      more.put("answer-" + i, "ANSWER-" + i + "-BEGINS " + filler);
      HandoffRequest bigger = new HandoffRequest(r.handoffId(), r.journeyId(), r.reference(), r.definitionId(),
          r.stuckStep(), r.reason(), r.detail(), more, Set.of(), 0, r.segment(), r.journeyChannel(), r.contact(),
          r.resumeLink(), r.requestedAt());
      if (bigger.toJson().getBytes(StandardCharsets.UTF_8).length > HandoffRequest.MAX_JSON_BYTES) {
        break;
      }
      answers = more;
      r = bigger;
    }
    assertThat(r.toJson().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(HandoffRequest.MAX_JSON_BYTES - 1_500);
    accepted(channel(), r);
    List<String> got = delivered(r.handoffId());
    assertThat(got).hasSize(1);
    assertThat(got.get(0)).contains(r.reference().value()).contains("ANSWER-0-BEGINS")
        .contains("ANSWER-" + (answers.size() - 1) + "-BEGINS");
  }

  @Test
  void theSameHandoffTwiceIsOneChatCallBackEmailOrCase() {
    HandoffRequest r = request();
    accepted(channel(), r);
    accepted(channel(), r);
    accepted(channel(), r);
    assertThat(delivered(r.handoffId())).as("what reached the counterpart for one handoff sent three times")
        .hasSize(1);
  }

  @Test
  void twoHandoffsOfOneJourneyAreTwo() {
    HandoffRequest first = request();
    HandoffRequest second = new HandoffRequest(HandoffId.random(), first.journeyId(), first.reference(),
        first.definitionId(), first.stuckStep(), HandoffReason.ASKED_FOR_HELP, first.detail(), first.answers(),
        first.redacted(), 0, first.segment(), first.journeyChannel(), first.contact(), first.resumeLink(),
        first.requestedAt());
    HandoffChannel channel = channel();
    accepted(channel, first);
    accepted(channel, second);
    assertThat(delivered(first.handoffId())).hasSize(1);
    assertThat(delivered(second.handoffId())).hasSize(1);
  }

  @Test
  void aBrokenCounterpartIsAFailedOrClosedResultNotAnException() {
    breakCounterpart();
    HandoffChannel channel = channel();
    HandoffRequest r = request();
    HandoffResult result = handOffWithoutThrowing(channel, r);
    assertThat(result).isInstanceOfAny(HandoffResult.Failed.class, HandoffResult.Closed.class);
    assertThat(result.channel()).as("the result names the channel").isEqualTo(channel.name());
    String why = result instanceof HandoffResult.Failed f ? f.why() : ((HandoffResult.Closed) result).why();
    assertThat(why).as("the reason is for logs: no personal data").doesNotContain("Siân", "High Street")
        .doesNotContain(contact().detail().orElse("Siân"));
    assertThat(delivered(r.handoffId())).as("what reached a broken counterpart").isEmpty();
  }

  @Test
  void aRequestWithoutContactDetailsIsAResultNotAnException() {
    HandoffChannel channel = channel();
    for (Optional<ContactPreference> contact : List.of(Optional.<ContactPreference>empty(),
        Optional.of(ContactPreference.none()))) {
      HandoffRequest r = request(Map.of("full-name", "Siân O'Brien"), Set.of(), contact);
      HandoffResult result = handOffWithoutThrowing(channel, r);
      assertThat(result.channel()).isEqualTo(channel.name());
      assertThat(delivered(r.handoffId())).hasSize(result instanceof HandoffResult.Accepted ? 1 : 0);
    }
  }

  @Test
  void aSensitiveAnswerNeverReachesTheCounterpart() {
    HandoffChannel channel = channel();
    Journeys journeys = Journeys.builder().definition(helpDefinition()).store(ProgressStore.inMemory())
        .tokens(ResumeTokenStore.inMemory()).build();
    Handoffs handoffs = Handoffs.builder(journeys,
            HandoffRouter.builder().channel(channel).defaultRoute(channel.name()).build())
        .continueOnlineLink(URI.create("https://apply.example.gov.uk/contract/continue"))
        .redact("mothers-maiden-name")
        .build();
    Journey j = journeys.start("contract-help");
    journeys.submit(j.id(), "full-name", Map.of("full-name", List.of("Ada Lovelace")), Actor.citizen(), Locale.UK);
    journeys.submit(j.id(), "bank-account-number", Map.of("bank-account-number", List.of(SECRET)), Actor.citizen(),
        Locale.UK);
    journeys.submit(j.id(), "mothers-maiden-name", Map.of("mothers-maiden-name", List.of("Byron")),
        Actor.citizen(), Locale.UK);

    HandoffOutcome out = handoffs.getHelp(j.id(), Optional.of(contact()));

    assertThat(out.result()).as("the channel's answer").isInstanceOf(HandoffResult.Accepted.class);
    List<String> got = delivered(out.handoff().id());
    assertThat(got).hasSize(1);
    assertThat(got.get(0)).contains(j.reference().value())
        .contains("https://apply.example.gov.uk/contract/continue?token=")
        .doesNotContain(SECRET).doesNotContain("Byron");
  }

  /** full-name, bank-account-number (sensitive), mothers-maiden-name (redacted by Handoffs), notes, done. */
  private static JourneyDefinition helpDefinition() {
    return JourneyDefinition.builder("contract-help", 1)
        .step(textStep("full-name", false))
        .step(textStep("bank-account-number", true))
        .step(textStep("mothers-maiden-name", false))
        .step(textStep("notes", false))
        .step(textStep("done", false))
        .end("done", Outcome.SUCCESS)
        .build();
  }

  private static Step textStep(String id, boolean sensitive) {
    return new Step() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> answerKeys() {
        return Set.of(id);
      }

      @Override
      public Set<String> sensitiveAnswerKeys() {
        return sensitive ? Set.of(id) : Set.of();
      }

      @Override
      public StepResult submit(StepSubmission s) {
        String v = s.first(id).map(String::strip).orElse("");
        return StepResult.Accepted.of(Map.of(id, Answer.of(Value.text(v), v, s.actor())));
      }
    };
  }
}
