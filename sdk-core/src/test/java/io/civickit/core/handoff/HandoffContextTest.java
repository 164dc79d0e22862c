package io.civickit.core.handoff;

import static io.civickit.core.handoff.Fixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.Value;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.testsupport.TestClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoffContextTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
  final Journeys journeys = Journeys.builder().definition(Fixtures.definition()).store(ProgressStore.inMemory())
      .tokens(ResumeTokenStore.inMemory()).clock(clock).build();
  final HandoffRouter router = HandoffRouter.builder(clock)
      .channel(HandoffChannels.phone("0300 123 4567", OpeningHours.always(), clock)).defaultRoute("phone").build();
  final Handoffs handoffs = Handoffs.builder(journeys, router).redact("notes")
      .continueOnlineLink(URI.create("https://apply.example.gov.uk/continue")).build();
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  Journey answered() {
    Journey j = journeys.start("garden-waste");
    journeys.submit(j.id(), "name", input("name", "Ada Lovelace"), Actor.citizen(), Locale.UK);
    journeys.submit(j.id(), "bank-account", input("bank-account", "12345678"), Actor.citizen(), Locale.UK);
    journeys.submit(j.id(), "notes", input("notes", "I use a wheelchair"), Actor.citizen(), Locale.UK);
    return journeys.find(j.id()).orElseThrow();
  }

  @Test
  void theContextCarriesEverythingAnAdviserNeedsWithSensitiveAnswersRedacted() {
    Journey j = answered();
    HandoffRequest r = handoffs.context(j.id(), HandoffReason.ASKED_FOR_HELP, "asked for help",
        Optional.of(ContactPreference.phone("01632 960001")));
    assertThat(r.reference()).isEqualTo(j.reference());
    assertThat(r.stuckStep()).isEqualTo("check");
    assertThat(r.answers()).containsExactly(Map.entry("name", "Ada Lovelace"),
        Map.entry("bank-account", HandoffRequest.REDACTED), Map.entry("notes", HandoffRequest.REDACTED));
    assertThat(r.redacted()).containsExactly("bank-account", "notes"); // one marked by its step, one by the builder
    assertThat(r.toJson()).doesNotContain("12345678").doesNotContain("wheelchair");
    assertThat(r.toString()).doesNotContain("Lovelace").doesNotContain("01632");
  }

  @Test
  void theHandoffRequestCarriesAContinueOnlineLinkThatResumesWhereTheyLeftOff() {
    Journey j = answered();
    List<HandoffRequest> seen = new java.util.ArrayList<>();
    HandoffRouter capturing = HandoffRouter.builder(clock).channel(new HandoffChannel() {
      @Override
      public String name() {
        return "case";
      }

      @Override
      public HandoffResult handOff(HandoffRequest request) {
        seen.add(request);
        return HandoffResult.Accepted.of("case", "We will email you");
      }
    }).defaultRoute("case").build();
    Handoffs h = Handoffs.builder(journeys, capturing).continueOnlineLink(URI.create("https://x.example/continue")).build();
    h.getHelp(j.id(), Optional.empty());
    URI link = seen.get(0).resumeLink().orElseThrow();
    assertThat(link.toString()).startsWith("https://x.example/continue?token=");
    String token = link.getQuery().substring("token=".length());
    Journeys.ResumeResult resumed = journeys.resume(token);
    assertThat(resumed).isInstanceOf(Journeys.ResumeResult.Resumed.class);
    assertThat(((Journeys.ResumeResult.Resumed) resumed).journey().currentStep()).isEqualTo("check");
  }

  @Test
  void jsonRoundTripsExactly() {
    Journey j = answered();
    HandoffRequest r = handoffs.context(j.id(), HandoffReason.IDENTITY_CHECK_FAILED, "3 wrong codes",
        Optional.of(ContactPreference.email("ada@example.org")));
    assertThat(HandoffRequest.fromJson(r.toJson())).isEqualTo(r);
  }

  @Test
  void aSignedContextVerifiesAndAnyTamperingIsRejected() {
    Journey j = answered();
    HandoffRequest r = handoffs.context(j.id(), HandoffReason.ASKED_FOR_HELP, "", Optional.empty());
    HandoffContextSigner signer = HandoffContextSigner.builder().keyId("chat-2026").secret(SECRET).clock(clock).build();
    HandoffContextSigner.SignedContext signed = signer.sign(r);

    String tampered = signed.payload().replace("Ada Lovelace", "Eve Lovelace");
    assertThat(signer.verify(copy(signed, tampered, signed.keyId(), signed.signature(), signed.id(), signed.expiresAt())))
        .isEmpty();
    assertThat(signer.verify(copy(signed, signed.payload(), "other", signed.signature(), signed.id(), signed.expiresAt())))
        .isEmpty();
    assertThat(signer.verify(copy(signed, signed.payload(), signed.keyId(), "!!", signed.id(), signed.expiresAt())))
        .isEmpty();
    String otherId = (signed.id().charAt(0) == 'A' ? "B" : "A") + signed.id().substring(1);
    assertThat(signer.verify(copy(signed, signed.payload(), signed.keyId(), signed.signature(), otherId, signed.expiresAt())))
        .as("the one-time id is signed").isEmpty();
    assertThat(signer.verify(copy(signed, signed.payload(), signed.keyId(), signed.signature(), signed.id(),
        signed.expiresAt().plusSeconds(3600)))).as("the expiry is signed").isEmpty();
    HandoffContextSigner otherKey = HandoffContextSigner.builder().keyId("chat-2026").clock(clock)
        .secret("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII)).build();
    assertThat(otherKey.verify(signed)).isEmpty();
    assertThat(Base64.getUrlDecoder().decode(signed.signature())).hasSize(32);
    // None of the refusals above used the package up: the genuine one is still accepted, once.
    assertThat(signer.verify(signed)).contains(r);
  }

  @Test
  void aSignedContextIsAcceptedOnceAndAReplayIsRefused() {
    HandoffRequest r = handoffs.context(answered().id(), HandoffReason.ASKED_FOR_HELP, "", Optional.empty());
    HandoffContextSigner signer = HandoffContextSigner.builder().keyId("chat-2026").secret(SECRET).clock(clock).build();
    HandoffContextSigner.SignedContext signed = signer.sign(r);
    assertThat(signer.verify(signed)).contains(r);
    assertThat(signer.verify(signed)).as("the same package played again").isEmpty();
    HandoffContextSigner.SignedContext again = signer.sign(r);
    assertThat(again.id()).isNotEqualTo(signed.id()).matches("[A-Za-z0-9_-]{22}");
    assertThat(signer.verify(again)).as("a fresh signature of the same context is a new package").contains(r);
  }

  @Test
  void aSignedContextExpiresAfterItsValidity() {
    HandoffRequest r = handoffs.context(answered().id(), HandoffReason.ASKED_FOR_HELP, "", Optional.empty());
    HandoffContextSigner signer = HandoffContextSigner.builder().keyId("chat-2026").secret(SECRET).clock(clock)
        .validFor(java.time.Duration.ofMinutes(5)).build();
    HandoffContextSigner.SignedContext late = signer.sign(r);
    HandoffContextSigner.SignedContext inTime = signer.sign(r);
    assertThat(late.expiresAt()).isEqualTo(clock.instant().plusSeconds(300));
    clock.advance(java.time.Duration.ofMinutes(5).minusSeconds(1));
    assertThat(signer.verify(inTime)).contains(r);
    clock.advance(java.time.Duration.ofSeconds(1));
    assertThat(signer.verify(late)).isEmpty();
  }

  @Test
  void aSignerRefusesABadValidityOrAMissingSecret() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HandoffContextSigner.builder().validFor(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HandoffContextSigner.builder().keyId("k").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret");
  }

  static HandoffContextSigner.SignedContext copy(HandoffContextSigner.SignedContext s, String payload, String keyId,
      String signature, String id, Instant expiresAt) {
    return new HandoffContextSigner.SignedContext(payload, keyId, signature, id, expiresAt);
  }

  @Test
  void aContextWithHugeAnswersStaysUnder16KilobytesAndSaysWhatWasLeftOut() {
    Journey j = journeys.start("garden-waste");
    String essay = "Lorem ipsum dolor sit amet, \u00e9\u00e8 \u2603 ".repeat(400); // ~14,000 chars of multi-byte text
    journeys.update(j.id(), x -> {
      Journey.Builder b = x.toBuilder();
      for (int i = 0; i < 60; i++) {
        b.answer("q" + i, Answer.of(Value.text(essay)));
      }
      b.answer("dob", Answer.of(Value.date(LocalDate.of(1940, 3, 1))));
      return b.build();
    });
    HandoffRequest r = handoffs.context(j.id(), HandoffReason.ASKED_FOR_HELP, "x".repeat(5_000),
        Optional.of(ContactPreference.phone("01632 960001")));
    int bytes = r.toJson().getBytes(StandardCharsets.UTF_8).length;
    System.out.println("context package with 61 long answers: " + bytes + " bytes, " + r.answers().size()
        + " answers kept, " + r.answersOmitted() + " omitted");
    assertThat(bytes).isLessThanOrEqualTo(HandoffRequest.MAX_JSON_BYTES).isLessThan(16 * 1024);
    assertThat(r.answersOmitted()).isPositive();
    assertThat(r.answers().size() + r.answersOmitted()).isEqualTo(61);
    assertThat(r.answers()).containsKey("q0"); // the earliest answers are kept
    assertThat(r.answers().get("q0")).hasSizeLessThanOrEqualTo(1_000).endsWith("\u2026");
    assertThat(r.detail()).hasSizeLessThanOrEqualTo(500);
  }
}
