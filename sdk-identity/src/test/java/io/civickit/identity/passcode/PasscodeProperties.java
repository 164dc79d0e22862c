package io.civickit.identity.passcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.identity.internal.PasscodeService;
import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Codes: always the right length of digits, and every digit value equally likely. */
class PasscodeProperties {

  @Property(tries = 200)
  void everyCodeHasExactlyTheConfiguredNumberOfDigits(@ForAll @IntRange(min = 6, max = 10) int digits,
      @ForAll @LongRange(min = 0) long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    for (int i = 0; i < 50; i++) {
      assertThat(PasscodeService.newCode(random, digits)).hasSize(digits).matches("[0-9]+");
    }
  }

  /**
   * A chi-squared test of the first digit over 100,000 codes (leading zeros included, so a code
   * that lost them would fail): 9 degrees of freedom, critical value 27.88 at p = 0.001.
   */
  @Property(tries = 5)
  void leadingDigitsAreUniform(@ForAll @LongRange(min = 0) long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    int n = 100_000;
    int[] counts = new int[10];
    for (int i = 0; i < n; i++) {
      counts[PasscodeService.newCode(random, 6).charAt(0) - '0']++;
    }
    double expected = n / 10.0;
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    assertThat(chi).isLessThan(27.88);
  }

  /** The last digit is uniform too (chi-squared as above). */
  @Property(tries = 5)
  void lastDigitsAreUniform(@ForAll @LongRange(min = 0) long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    int n = 100_000;
    int[] counts = new int[10];
    for (int i = 0; i < n; i++) {
      counts[PasscodeService.newCode(random, 8).charAt(7) - '0']++;
    }
    double expected = n / 10.0;
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    assertThat(chi).isLessThan(27.88);
  }
}
