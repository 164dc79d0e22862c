package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.notify.Masking;
import io.civickit.notify.internal.channel.Addresses;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class AddressCheckProperties {

  @Property
  void simpleAddressesPassAndAnythingWithoutAnAtFails(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String local,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String domain,
      @ForAll @AlphaChars @StringLength(min = 2, max = 6) String tld) {
    String address = local + "@" + domain + "." + tld;
    assertThat(Addresses.emailProblem(address)).isEmpty();
    assertThat(Addresses.emailProblem(address.replace("@", ""))).isPresent();
    assertThat(Addresses.emailProblem(local + " @" + domain + "." + tld)).isPresent();
  }

  @Property
  void everyUkMobileNumberPassesInAnyCommonFormat(@ForAll @IntRange(min = 0, max = 999_999_999) int subscriber,
      @ForAll @IntRange(min = 0, max = 3) int format) {
    String nine = String.format("%09d", subscriber);
    String number = switch (format) {
      case 0 -> "07" + nine;
      case 1 -> "+44 7" + nine.substring(0, 3) + " " + nine.substring(3);
      case 2 -> "(07" + nine.substring(0, 3) + ") " + nine.substring(3, 6) + "-" + nine.substring(6);
      default -> "00447" + nine;
    };
    assertThat(Addresses.phoneProblem(number)).as(number).isEmpty();
    assertThat(Addresses.phoneProblem(number + "1")).as("one digit too many").isPresent();
    assertThat(Masking.phone(number)).isEqualTo("***" + nine.substring(6)).doesNotContain(nine.substring(0, 6));
  }

  @Property
  void numbersWithLettersFail(@ForAll @AlphaChars @StringLength(min = 1, max = 3) String letters,
      @ForAll @IntRange(min = 0, max = 999_999_999) int subscriber) {
    assertThat(Addresses.phoneProblem("07" + letters + String.format("%09d", subscriber))).isPresent();
  }
}
