package io.civickit.identity.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Reference;
import io.civickit.core.StepResult;
import io.civickit.core.StepSubmission;
import io.civickit.core.Value;
import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.matching.CouncilRecord;
import io.civickit.identity.matching.RecordMatcher;
import io.civickit.identity.passcode.Passcodes;
import io.civickit.identity.totp.Totp;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityCheckStepTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
  final List<NotificationRequest> sent = new ArrayList<>();
  final Passcodes passcodes = Passcodes.builder()
      .notifier(r -> {
        sent.add(r);
        return new NotificationId("n" + sent.size());
      })
      .emailTemplate("t").serverKey(KEY).clock(clock).build();

  Journey journey(Map<String, Answer> answers) {
    return new Journey(JourneyId.random(), Reference.random(), "apply", 1, "check-code", answers, Map.of(), List.of(),
        Optional.empty(), JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE, Optional.empty(), "none",
        Map.of(), Map.of(), clock.instant(), clock.instant(), 0);
  }

  StepSubmission submit(Journey j, Map<String, String> input, Locale locale) {
    Map<String, List<String>> in = new java.util.LinkedHashMap<>();
    input.forEach((k, v) -> in.put(k, List.of(v)));
    return new StepSubmission(j, in, Actor.citizen(), locale, clock.instant());
  }

  @Test
  void aRightPasscodeSavesEvidenceWithoutTheCodeAndReportsTheLevel() {
    Journey j = journey(Map.of("email", Answer.of(Value.text("jane@example.org"))));
    passcodes.send(new Recipient.Email("jane@example.org"), Locale.ENGLISH);
    String code = (String) sent.get(0).personalisation().get("code");
    IdentityCheckStep step = IdentityCheckStep.passcode("check-code", "email-check", passcodes, "email", true);

    StepResult result = step.submit(submit(j, Map.of("code", code), Locale.ENGLISH));

    assertThat(result).isInstanceOf(StepResult.Accepted.class);
    StepResult.Accepted a = (StepResult.Accepted) result;
    assertThat(a.assuranceLevel()).contains("none");
    Value.Fields evidence = (Value.Fields) a.answers().get("email-check").value();
    assertThat(evidence.get("method")).contains(Value.text("email-passcode"));
    assertThat(evidence.values().values().toString()).doesNotContain(code).doesNotContain("jane");
    assertThat(step.answerKeys()).containsExactly("email-check");
  }

  @Test
  void aWrongPasscodeShowsTheMessageInWelshAndALockoutHandsOff() {
    Journey j = journey(Map.of("email", Answer.of(Value.text("jane@example.org"))));
    passcodes.send(new Recipient.Email("jane@example.org"), Locale.ENGLISH);
    String code = (String) sent.get(0).personalisation().get("code");
    String wrong = code.equals("000000") ? "000001" : "000000";
    IdentityCheckStep step = IdentityCheckStep.passcode("check-code", "email-check", passcodes, "email", true);

    StepResult first = step.submit(submit(j, Map.of("code", wrong), Locale.forLanguageTag("cy")));
    assertThat(first).isInstanceOf(StepResult.Rejected.class);
    assertThat(((StepResult.Rejected) first).errors().get(0).field()).isEqualTo("code");
    assertThat(((StepResult.Rejected) first).errors().get(0).message()).isEqualTo("Nid yw’r cod yn gywir");
    StepResult last = first;
    for (int i = 0; i < 5; i++) {
      last = step.submit(submit(j, Map.of("code", wrong), Locale.ENGLISH));
    }
    assertThat(last).isInstanceOf(StepResult.NeedsHandoff.class);
    assertThat(((StepResult.NeedsHandoff) last).reason()).isEqualTo(HandoffReason.IDENTITY_CHECK_FAILED);
  }

  @Test
  void aRecordMatchBelowTheRequiredLevelHandsOffAndAtItIsSatisfied() {
    RecordMatcher matcher = RecordMatcher.builder().serverKey(KEY).clock(clock)
        .lookup(ref -> Optional.of(new CouncilRecord(ref, Optional.empty(), Optional.of(LocalDate.of(1970, 1, 1)),
            Optional.of("SW1A 1AA"))))
        .build();
    Map<String, String> input = Map.of("reference", "CT1", "postcode", "sw1a 1aa");
    StepResult needsMedium = IdentityCheckStep.recordMatch("match", "record", matcher).requiring(AssuranceLevel.MEDIUM)
        .submit(submit(journey(Map.of()), input, Locale.ENGLISH));
    assertThat(needsMedium).isInstanceOf(StepResult.NeedsHandoff.class);

    IdentityCheckStep low = IdentityCheckStep.recordMatch("match", "record", matcher).requiring(AssuranceLevel.LOW);
    StepResult ok = low.submit(submit(journey(Map.of()), input, Locale.ENGLISH));
    assertThat(ok).isInstanceOf(StepResult.Accepted.class);
    Journey after = journey(((StepResult.Accepted) ok).answers()).toBuilder().assuranceLevel("low").build();
    assertThat(low.isSatisfiedBy(after)).isTrue();
    assertThat(low.isSatisfiedBy(journey(Map.of()))).isFalse();

    StepResult wrong = low.submit(submit(journey(Map.of()), Map.of("reference", "CT1", "postcode", "M1 1AE"), Locale.ENGLISH));
    assertThat(((StepResult.Rejected) wrong).errors().get(0).message()).startsWith("We could not find a record");
  }

  @Test
  void aTotpStepChecksTheAdviserSubmitting() {
    byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    Totp totp = Totp.builder().clock(clock).build();
    IdentityCheckStep step = IdentityCheckStep.totp("staff-check", "staff", totp,
        id -> id.equals("adviser-7") ? Optional.of(secret) : Optional.empty());
    String code = totp.generate(secret, clock.instant());
    StepSubmission byAdviser = new StepSubmission(journey(Map.of()), Map.of("code", List.of(code)),
        Actor.adviser("adviser-7"), Locale.ENGLISH, clock.instant());
    assertThat(step.submit(byAdviser)).isInstanceOf(StepResult.Accepted.class);
    StepSubmission byCitizen = new StepSubmission(journey(Map.of()), Map.of("code", List.of(code)),
        Actor.citizen(), Locale.ENGLISH, clock.instant());
    assertThat(step.submit(byCitizen)).isInstanceOf(StepResult.Rejected.class);
  }

  @Test
  void aOneLoginCallbackWithAForgedStateIsRejectedWithoutCallingOneLogin() throws Exception {
    io.civickit.identity.onelogin.OneLogin oneLogin = io.civickit.identity.onelogin.OneLogin.builder()
        .issuer(java.net.URI.create("https://oidc.invalid/")).clientId("c")
        .redirectUri(java.net.URI.create("https://apply.example.gov.uk/cb"))
        .clientKey(new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k").generate())
        .userAgent("test/1").build();
    io.civickit.identity.onelogin.PendingLogin started = new io.civickit.identity.onelogin.PendingLogin("s-1", "n-1",
        "v".repeat(43), io.civickit.identity.AuthenticationLevel.MEDIUM, false, clock.instant());
    IdentityCheckStep step = IdentityCheckStep.oneLogin("one-login", "one-login", oneLogin, j -> Optional.of(started));
    StepResult r = step.submit(submit(journey(Map.of()), Map.of("code", "abc", "state", "forged"), Locale.ENGLISH));
    assertThat(((StepResult.Rejected) r).errors().get(0).message()).startsWith("We could not sign you in");
    IdentityCheckStep none = IdentityCheckStep.oneLogin("one-login", "one-login", oneLogin, j -> Optional.empty());
    assertThat(none.submit(submit(journey(Map.of()), Map.of("code", "abc"), Locale.forLanguageTag("cy"))))
        .isInstanceOf(StepResult.Rejected.class);
  }

  @Test
  void anythingABrowserSendsIsAResultNotAnException() {
    IdentityCheckStep step = IdentityCheckStep.passcode("check-code", "email-check", passcodes, "email", false);
    assertThat(step.submit(submit(journey(Map.of()), Map.of(), Locale.ENGLISH))).isInstanceOf(StepResult.Rejected.class);
    assertThat(step.submit(submit(journey(Map.of("email", Answer.of(Value.bool(true)))), Map.of("code", "x"), Locale.ENGLISH)))
        .isInstanceOf(StepResult.Rejected.class);
  }
}
