package io.civickit.identity.passcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.FailureReason;
import io.civickit.identity.IdentityStore;
import io.civickit.notify.NotificationId;
import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasscodesTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
  final List<NotificationRequest> sent = new ArrayList<>();
  final RecordingStore store = new RecordingStore();
  final Passcodes passcodes = Passcodes.builder()
      .notifier(r -> {
        sent.add(r);
        return new NotificationId("n-" + sent.size());
      })
      .emailTemplate("email-template")
      .smsTemplate("sms-template")
      .serverKey(KEY)
      .store(store)
      .clock(clock)
      .build();
  final Recipient jane = new Recipient.Email("jane@example.org");

  String code() {
    return (String) sent.get(sent.size() - 1).personalisation().get("code");
  }

  @Test
  void sendsASixDigitCodeThroughTheCouncilsTemplateAndItWorksOnce() {
    PasscodeSendResult result = passcodes.send(jane, Locale.forLanguageTag("cy"));
    assertThat(result).isEqualTo(new PasscodeSendResult.Sent(new NotificationId("n-1"), clock.instant().plus(Duration.ofMinutes(15))));
    NotificationRequest request = sent.get(0);
    assertThat(request.templateId()).isEqualTo("email-template");
    assertThat(request.recipient()).isEqualTo(jane);
    assertThat(request.language()).isEqualTo(Locale.forLanguageTag("cy"));
    assertThat(request.personalisation()).containsEntry("minutes", "15");
    assertThat(code()).matches("[0-9]{6}");
    assertThat(request.toString()).doesNotContain(code());

    CheckResult ok = passcodes.verify(jane, code());
    assertThat(ok).isInstanceOf(CheckResult.Verified.class);
    assertThat(((CheckResult.Verified) ok).level()).isEqualTo(AssuranceLevel.NONE);
    assertThat(((CheckResult.Verified) ok).evidence().method()).isEqualTo("email-passcode");
    assertThat(passcodes.verify(jane, code())).isEqualTo(new CheckResult.Failed(FailureReason.NO_ACTIVE_CODE, false, 6));
  }

  @Test
  void smsCodesUseTheSmsTemplateAndSpellingsOfOneNumberAreOneContact() {
    passcodes.send(new Recipient.Sms("07700 900123"), Locale.ENGLISH);
    assertThat(sent.get(0).templateId()).isEqualTo("sms-template");
    assertThat(passcodes.verify(new Recipient.Sms("+44 7700 900123"), code())).isInstanceOf(CheckResult.Verified.class);
    passcodes.send(new Recipient.Email(" Jane@Example.ORG "), Locale.ENGLISH);
    clock.advance(Duration.ofSeconds(1));
    assertThat(passcodes.verify(jane, code())).isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void spacesAndHyphensAreIgnoredAndMalformedInputIsNotCountedAsAGuess() {
    passcodes.send(jane, Locale.ENGLISH);
    String c = code();
    for (int i = 0; i < 10; i++) {
      assertThat(passcodes.verify(jane, "12ab")).isEqualTo(new CheckResult.Failed(FailureReason.MALFORMED, true, 6));
    }
    assertThat(passcodes.verify(jane, c.substring(0, 3) + " - " + c.substring(3))).isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void aCodeExpiresAfterFifteenMinutes() {
    passcodes.send(jane, Locale.ENGLISH);
    clock.advance(Duration.ofMinutes(15));
    assertThat(passcodes.verify(jane, code())).isEqualTo(new CheckResult.Failed(FailureReason.EXPIRED, false, 6));
  }

  @Test
  void aNewCodeReplacesTheOldOne() {
    passcodes.send(jane, Locale.ENGLISH);
    String first = code();
    clock.advance(Duration.ofSeconds(60));
    passcodes.send(jane, Locale.ENGLISH);
    String second = code();
    if (!first.equals(second)) {
      assertThat(passcodes.verify(jane, first)).isInstanceOf(CheckResult.Failed.class);
    }
    assertThat(passcodes.verify(jane, second)).isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void resendsAreThrottledByIntervalAndByWindow() {
    assertThat(passcodes.send(jane, Locale.ENGLISH)).isInstanceOf(PasscodeSendResult.Sent.class);
    assertThat(passcodes.send(jane, Locale.ENGLISH))
        .isEqualTo(new PasscodeSendResult.Throttled(clock.instant().plus(Duration.ofSeconds(60))));
    for (int i = 2; i <= 5; i++) {
      clock.advance(Duration.ofSeconds(60));
      assertThat(passcodes.send(jane, Locale.ENGLISH)).as("send " + i).isInstanceOf(PasscodeSendResult.Sent.class);
    }
    clock.advance(Duration.ofSeconds(60));
    assertThat(passcodes.send(jane, Locale.ENGLISH)).isInstanceOf(PasscodeSendResult.Throttled.class);
    assertThat(sent).hasSize(5);
    clock.advance(Duration.ofMinutes(15));
    assertThat(passcodes.send(jane, Locale.ENGLISH)).isInstanceOf(PasscodeSendResult.Sent.class);
  }

  @Test
  void theStoreHoldsNeitherTheCodeNorTheContact() {
    passcodes.send(jane, Locale.ENGLISH);
    passcodes.verify(jane, code().equals("000000") ? "111111" : "000000");
    assertThat(store.writes).isNotEmpty();
    for (String w : store.writes) {
      assertThat(w).doesNotContain(code()).doesNotContain("jane").doesNotContain("example");
    }
  }

  @Test
  void aNotifierFailureLeavesThePersonFreeToAskAgain() {
    Passcodes failing = Passcodes.builder()
        .notifier(r -> {
          throw new IllegalStateException("Notify is down");
        })
        .emailTemplate("t").serverKey(KEY).store(store).clock(clock).build();
    assertThatThrownBy(() -> failing.send(jane, Locale.ENGLISH)).hasMessageContaining("Notify is down");
    assertThat(passcodes.send(jane, Locale.ENGLISH)).isInstanceOf(PasscodeSendResult.Sent.class);
  }

  @Test
  void aPostalAddressIsRefused() {
    assertThatThrownBy(() -> passcodes.send(new Recipient.Letter(List.of("1 High St", "Town", "SW1A 1AA")), Locale.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email or text message");
  }

  @Test
  void theBuilderSaysWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> Passcodes.builder().serverKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, but was 16");
    assertThatThrownBy(() -> Passcodes.builder().serverKey(KEY).emailTemplate("t").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("notifier");
    assertThatThrownBy(() -> PasscodePolicy.defaults().withDigits(4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 to 10 digits, but was 4");
    assertThatThrownBy(() -> PasscodePolicy.defaults().withMaxWrongTries(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was 0");
  }

  @Test
  void theDefaultsAreOneLoginsOwn() {
    PasscodePolicy p = PasscodePolicy.defaults();
    assertThat(p.digits()).isEqualTo(6);
    assertThat(p.expiry()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.maxWrongTries()).isEqualTo(6);
    assertThat(p.lockout()).isEqualTo(Duration.ofMinutes(15));
  }

  /** An in-memory store that remembers every value written, to check none holds a secret. */
  static final class RecordingStore implements IdentityStore {
    final IdentityStore delegate = IdentityStore.inMemory();
    final List<String> writes = new ArrayList<>();

    @Override
    public Optional<Entry> find(String kind, String key) {
      return delegate.find(kind, key);
    }

    @Override
    public boolean compareAndSet(String kind, String key, long expectedVersion, String value, java.time.Instant expiresAt) {
      writes.add(kind + " " + key + " " + value);
      return delegate.compareAndSet(kind, key, expectedVersion, value, expiresAt);
    }

    @Override
    public int purgeExpired(java.time.Instant now) {
      return delegate.purgeExpired(now);
    }
  }
}
