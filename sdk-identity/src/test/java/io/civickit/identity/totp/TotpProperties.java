package io.civickit.identity.totp;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.identity.CheckResult;
import io.civickit.testsupport.TestClock;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TotpProperties {

  @Property(tries = 300)
  void aGeneratedCodeHasTheDigitsAndVerifiesOnceAtItsTime(@ForAll @Size(min = 10, max = 64) byte[] secret,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond, @ForAll @IntRange(min = 6, max = 8) int digits,
      @ForAll TotpAlgorithm algorithm) {
    Instant at = Instant.ofEpochSecond(epochSecond);
    Totp totp = Totp.builder().algorithm(algorithm).digits(digits).clock(new TestClock(at)).build();
    String code = totp.generate(secret, at);
    assertThat(code).hasSize(digits).matches("[0-9]+");
    assertThat(totp.verify("u", secret, code)).isInstanceOf(CheckResult.Verified.class);
    assertThat(totp.verify("u", secret, code)).isInstanceOf(CheckResult.Failed.class);
  }

  @Property(tries = 300)
  void theCodeIsConstantWithinAStep(@ForAll @Size(min = 10, max = 40) byte[] secret,
      @ForAll @LongRange(min = 0, max = 100_000_000L) long step, @ForAll @IntRange(min = 0, max = 29) int offset) {
    Totp totp = Totp.builder().build();
    assertThat(totp.generate(secret, Instant.ofEpochSecond(step * 30 + offset)))
        .isEqualTo(totp.generate(secret, Instant.ofEpochSecond(step * 30)));
  }
}
