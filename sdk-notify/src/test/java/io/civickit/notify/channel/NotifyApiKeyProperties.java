package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class NotifyApiKeyProperties {

  @Property
  void aKeyNameMayContainHyphensAndTheTwoUuidsAreTakenFromTheEnd(
      @ForAll @AlphaChars @Chars({'-', '_'}) @StringLength(min = 1, max = 40) String name) {
    String service = UUID.randomUUID().toString();
    String secret = UUID.randomUUID().toString();
    NotifyApiKey key = NotifyApiKey.parse(" " + name + "-" + service + "-" + secret + "\n");
    assertThat(key).isEqualTo(new NotifyApiKey(name, service, secret));
  }

  @Example
  void aMalformedKeyIsRefusedWithoutRepeatingTheSecret() {
    String secret = UUID.randomUUID().toString();
    assertThatThrownBy(() -> NotifyApiKey.parse("name-" + secret)).isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain(secret);
    assertThatThrownBy(() -> NotifyApiKey.parse("name-not-a-uuid-at-all-xxxxxxxxxxxxxxx-" + secret))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NotifyApiKey.parse("n-" + UUID.randomUUID() + "-" + secret).toString()).doesNotContain(secret);
  }
}
