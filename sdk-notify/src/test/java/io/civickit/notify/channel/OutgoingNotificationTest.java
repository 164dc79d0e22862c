package io.civickit.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.notify.NotificationRequest;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingNotificationTest {

  @Test
  void aMessageMustMatchItsKindOfRecipient() {
    assertThatThrownBy(() -> new OutgoingNotification("k", "t", new Recipient.Email("a@b.org"), Map.of(), Locale.UK,
        new RenderedMessage.Sms("hi"))).hasMessageContaining("Sms message cannot go to a Email recipient");
  }

  @Test
  void itCarriesTheRequestAndNeverPrintsThePersonalisationOrAddress() {
    NotificationRequest request = new NotificationRequest("t", new Recipient.Sms("07700900123"),
        Map.of("code", "918273"), "key-1", Locale.UK);
    OutgoingNotification n = OutgoingNotification.of(request, new RenderedMessage.Sms("Your code is 918273"));
    assertThat(n.idempotencyKey()).isEqualTo("key-1");
    assertThat(n.personalisation()).containsEntry("code", "918273");
    assertThat(n.toString()).doesNotContain("918273").doesNotContain("07700900123").contains("***123");
  }
}
