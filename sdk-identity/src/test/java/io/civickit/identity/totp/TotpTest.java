package io.civickit.identity.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.identity.CheckResult;
import io.civickit.identity.FailureReason;
import io.civickit.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
      .getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 Appendix B: every published test vector, 8 digits, 30-second steps. */
  @ParameterizedTest(name = "{0} at {1} is {2}")
  @CsvSource({
      "SHA1, 59, 94287082", "SHA256, 59, 46119246", "SHA512, 59, 90693936",
      "SHA1, 1111111109, 07081804", "SHA256, 1111111109, 68084774", "SHA512, 1111111109, 25091201",
      "SHA1, 1111111111, 14050471", "SHA256, 1111111111, 67062674", "SHA512, 1111111111, 99943326",
      "SHA1, 1234567890, 89005924", "SHA256, 1234567890, 91819424", "SHA512, 1234567890, 93441116",
      "SHA1, 2000000000, 69279037", "SHA256, 2000000000, 90698825", "SHA512, 2000000000, 38618901",
      "SHA1, 20000000000, 65353130", "SHA256, 20000000000, 77737706", "SHA512, 20000000000, 47863826"})
  void matchesTheRfc6238TestVectors(TotpAlgorithm algorithm, long time, String expected) {
    byte[] seed = switch (algorithm) {
      case SHA1 -> SHA1_SEED;
      case SHA256 -> SHA256_SEED;
      case SHA512 -> SHA512_SEED;
    };
    Totp totp = Totp.builder().algorithm(algorithm).digits(8).build();
    assertThat(totp.generate(seed, Instant.ofEpochSecond(time))).isEqualTo(expected);
    Totp verifier = Totp.builder().algorithm(algorithm).digits(8).clock(new TestClock(Instant.ofEpochSecond(time))).build();
    assertThat(verifier.verify("staff-1", seed, expected)).isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void sixAndSevenDigitCodesAreTheLowDigitsOfTheSameValue() {
    Instant t = Instant.ofEpochSecond(1111111109);
    assertThat(Totp.builder().digits(6).build().generate(SHA1_SEED, t)).isEqualTo("081804");
    assertThat(Totp.builder().digits(7).build().generate(SHA1_SEED, t)).isEqualTo("7081804");
  }

  @Test
  void codesOneStepEitherSideAreAcceptedAndTwoStepsAreNot() {
    TestClock clock = TestClock.at("2026-03-01T09:00:15Z");
    Totp totp = Totp.builder().clock(clock).window(1).build();
    Instant now = clock.instant();
    assertThat(totp.verify("a", SHA1_SEED, totp.generate(SHA1_SEED, now.minusSeconds(30)))).isInstanceOf(CheckResult.Verified.class);
    assertThat(totp.verify("b", SHA1_SEED, totp.generate(SHA1_SEED, now.plusSeconds(30)))).isInstanceOf(CheckResult.Verified.class);
    assertThat(totp.verify("c", SHA1_SEED, totp.generate(SHA1_SEED, now.minusSeconds(60))))
        .isEqualTo(new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 4));
  }

  @Test
  void noCodeIsAcceptedTwiceNorAnyEarlierCodeAfterALaterOne() {
    TestClock clock = TestClock.at("2026-03-01T09:00:15Z");
    Totp totp = Totp.builder().clock(clock).build();
    String now = totp.generate(SHA1_SEED, clock.instant());
    String previous = totp.generate(SHA1_SEED, clock.instant().minusSeconds(30));
    assertThat(totp.verify("staff-1", SHA1_SEED, now)).isInstanceOf(CheckResult.Verified.class);
    assertThat(totp.verify("staff-1", SHA1_SEED, now)).isEqualTo(new CheckResult.Failed(FailureReason.REPLAYED, true, 0));
    assertThat(totp.verify("staff-1", SHA1_SEED, previous)).isEqualTo(new CheckResult.Failed(FailureReason.REPLAYED, true, 0));
    clock.advance(Duration.ofSeconds(30));
    assertThat(totp.verify("staff-1", SHA1_SEED, totp.generate(SHA1_SEED, clock.instant()))).isInstanceOf(CheckResult.Verified.class);
    assertThat(totp.verify("staff-2", SHA1_SEED, now)).isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void enrolmentUriCarriesTheBase32SecretAndSettings() {
    Totp totp = Totp.builder().algorithm(TotpAlgorithm.SHA256).digits(8).build();
    byte[] secret = Totp.newSecret(TotpAlgorithm.SHA256, new SecureRandom());
    assertThat(secret).hasSize(32);
    assertThat(Totp.base32(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(totp.enrolmentUri("Example Council", "adviser 42", secret))
        .startsWith("otpauth://totp/Example%20Council:adviser%2042?secret=")
        .contains("&issuer=Example%20Council&algorithm=SHA256&digits=8&period=30");
  }

  @Test
  void settingsAreValidatedWithTheBadValue() {
    assertThatThrownBy(() -> Totp.builder().digits(9)).hasMessageContaining("6 to 8 digits, but was 9");
    assertThatThrownBy(() -> Totp.builder().period(Duration.ofMillis(1500))).hasMessageContaining("PT1.5S");
    assertThatThrownBy(() -> Totp.builder().window(11)).hasMessageContaining("but was 11");
  }
  @Test
  void fiveWrongCodesLockTheUserOutAndEvenTheRightCodeWaitsForTheLockoutToEnd() {
    TestClock clock = TestClock.at("2026-03-01T09:00:15Z");
    io.civickit.identity.IdentityStore store = io.civickit.identity.IdentityStore.inMemory();
    Totp totp = Totp.builder().clock(clock).store(store).build();
    String right = totp.generate(SHA1_SEED, clock.instant());
    String wrong = right.equals("000000") ? "111111" : "000000";
    for (int i = 1; i <= 4; i++) {
      assertThat(totp.verify("staff-1", SHA1_SEED, wrong))
          .isEqualTo(new CheckResult.Failed(io.civickit.identity.FailureReason.NOT_MATCHED, true, 5 - i));
    }
    assertThat(totp.verify("staff-1", SHA1_SEED, wrong))
        .isEqualTo(new CheckResult.LockedOut(clock.instant().plus(Duration.ofMinutes(15))));
    // another instance sharing the store sees the lockout too
    Totp other = Totp.builder().clock(clock).store(store).build();
    assertThat(other.verify("staff-1", SHA1_SEED, right)).isInstanceOf(CheckResult.LockedOut.class);
    assertThat(totp.verify("staff-2", SHA1_SEED, right)).isInstanceOf(CheckResult.Verified.class);

    clock.advance(Duration.ofMinutes(15));
    assertThat(totp.verify("staff-1", SHA1_SEED, totp.generate(SHA1_SEED, clock.instant())))
        .isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void aRightCodeResetsTheFailureCount() {
    TestClock clock = TestClock.at("2026-03-01T09:00:15Z");
    Totp totp = Totp.builder().clock(clock).maxFailures(3).build();
    String wrong = totp.generate(SHA1_SEED, clock.instant()).equals("000000") ? "111111" : "000000";
    totp.verify("staff-1", SHA1_SEED, wrong);
    totp.verify("staff-1", SHA1_SEED, wrong);
    assertThat(totp.verify("staff-1", SHA1_SEED, totp.generate(SHA1_SEED, clock.instant())))
        .isInstanceOf(CheckResult.Verified.class);
    clock.advance(Duration.ofSeconds(30));
    assertThat(totp.verify("staff-1", SHA1_SEED, wrong))
        .isEqualTo(new CheckResult.Failed(io.civickit.identity.FailureReason.NOT_MATCHED, true, 2));
  }
}
