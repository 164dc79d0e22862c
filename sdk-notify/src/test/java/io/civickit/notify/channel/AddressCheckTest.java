package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.internal.channel.Addresses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {"sam@example.org", "sam.smith+tag@sub.example.gov.uk", " x@y.co ", "o'brien@example.org"})
  void plausibleEmailAddressesPass(String address) {
    assertThat(Addresses.emailProblem(address)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sam", "sam@", "@example.org", "sam@example", "sam@@example.org", "sa m@example.org",
      "sam@exa_mple.org", ".sam@example.org", "sam..smith@example.org", "sam@example..org", "sam@-example.org"})
  void malformedEmailAddressesFail(String address) {
    assertThat(Addresses.emailProblem(address)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"07700 900123", "07700-900-123", "+44 7700 900123", "447700900123", "(07700) 900123",
      "+1 202 555 0143", "0033 6 12 34 56 78"})
  void plausibleMobileNumbersPass(String number) {
    assertThat(Addresses.phoneProblem(number)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0770090012", "077009001234", "020 7946 0000", "+44 7700 90012", "phone me",
      "+0123456789", "+1234567"})
  void implausibleNumbersFail(String number) {
    assertThat(Addresses.phoneProblem(number)).isPresent();
  }
}
