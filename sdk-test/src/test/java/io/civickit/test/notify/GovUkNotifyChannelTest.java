package io.civickit.test.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.GovUkNotify;
import io.civickit.notify.channel.GovUkNotifyChannel;
import io.civickit.notify.channel.NotifyNotification;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GOV.UK Notify channel against {@link FakeNotify}, which checks requests as Notify documents them. */
class GovUkNotifyChannelTest {
  private static final String EMAIL_TEMPLATE = "9a1f2b3c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
  private static final String SMS_TEMPLATE = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
  private static final String LETTER_TEMPLATE = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
  private static final String REPLY_TO = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";
  private static final String SENDER = "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b";

  private final FakeNotify notify = FakeNotify.start()
      .template(EMAIL_TEMPLATE, "email", "Your code", "Hello ((name)), your code is ((code)).")
      .template(SMS_TEMPLATE, "sms", "", "Your code is ((code))")
      .template(LETTER_TEMPLATE, "letter", "Council tax", "Dear ((name))");

  @AfterEach
  void stop() {
    notify.close();
  }

  private GovUkNotify.Builder builder() {
    return GovUkNotify.builder().apiKey(notify.apiKey()).baseUrl(notify.baseUrl())
        .templateId("passcode-email", EMAIL_TEMPLATE).templateId("passcode-sms", SMS_TEMPLATE)
        .templateId("bill", LETTER_TEMPLATE).requestTimeout(Duration.ofSeconds(5));
  }

  private static OutgoingNotification email(String key, Map<String, Object> personalisation) {
    return new OutgoingNotification(key, "passcode-email", new Recipient.Email("sam@example.org"), personalisation,
        Locale.UK, new RenderedMessage.Email("s", "p", "h"));
  }

  private static OutgoingNotification sms(String key) {
    return new OutgoingNotification(key, "passcode-sms", new Recipient.Sms("07700 900123"), Map.of("code", "123456"),
        Locale.UK, new RenderedMessage.Sms("Your code is 123456"));
  }

  private static OutgoingNotification letter(String key) {
    List<String> address = List.of("Sam Smith", "1 High Street", "Anytown", "SW1A 1AA");
    return new OutgoingNotification(key, "bill", new Recipient.Letter(address), Map.of("name", "Sam"), Locale.UK,
        new RenderedMessage.Letter(address, "Council tax", "Dear Sam"));
  }

  @Test
  void anEmailIsSentWithTheDocumentedBody() {
    GovUkNotifyChannel channel = builder().emailReplyToId(REPLY_TO).build();
    SendResult result = channel.send(email("key-1", Map.of("name", "Sam", "code", "123456")));
    FakeNotify.SentNotification sent = notify.sent().get(0);
    assertThat(result).isEqualTo(new SendResult.Accepted(sent.id()));
    JsonNode body = sent.body();
    assertThat(body.path("email_address").asText()).isEqualTo("sam@example.org");
    assertThat(body.path("template_id").asText()).isEqualTo(EMAIL_TEMPLATE);
    assertThat(body.path("reference").asText()).isEqualTo("key-1");
    assertThat(body.path("email_reply_to_id").asText()).isEqualTo(REPLY_TO);
    assertThat(body.path("personalisation").path("name").asText()).isEqualTo("Sam");
    assertThat(body.size()).isEqualTo(5);
    assertThat(sent.type()).isEqualTo("email");
  }

  @Test
  void aTextMessageIsSentWithTheDocumentedBody() {
    SendResult result = builder().smsSenderId(SENDER).build().send(sms("key-2"));
    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    JsonNode body = notify.sent().get(0).body();
    assertThat(body.path("phone_number").asText()).isEqualTo("07700 900123");
    assertThat(body.path("template_id").asText()).isEqualTo(SMS_TEMPLATE);
    assertThat(body.path("sms_sender_id").asText()).isEqualTo(SENDER);
    assertThat(body.has("email_reply_to_id")).isFalse();
  }

  @Test
  void aLetterCarriesItsAddressAsAddressLinesInThePersonalisation() {
    SendResult result = builder().build().send(letter("key-3"));
    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    JsonNode p = notify.sent().get(0).body().path("personalisation");
    assertThat(p.path("address_line_1").asText()).isEqualTo("Sam Smith");
    assertThat(p.path("address_line_4").asText()).isEqualTo("SW1A 1AA");
    assertThat(p.path("name").asText()).isEqualTo("Sam");
    assertThat(p.has("address_line_5")).isFalse();
  }

  @Test
  void missingPersonalisationIsAPermanentBadRequest() {
    SendResult result = builder().build().send(email("k", Map.of("name", "Sam")));
    assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(((SendResult.PermanentFailure) result).reason()).contains("BadRequestError").contains("code");
  }

  @Test
  void aTemplateIdThatIsNotAUuidIsAValidationError() {
    OutgoingNotification n = new OutgoingNotification("k", "unmapped", new Recipient.Sms("07700900123"), Map.of(),
        Locale.UK, new RenderedMessage.Sms("x"));
    SendResult result = builder().build().send(n);
    assertThat(((SendResult.PermanentFailure) result).reason()).contains("ValidationError")
        .contains("template_id is not a valid UUID");
  }

  @Test
  void aTokenSignedWithTheWrongSecretIsAnAuthErrorAndPermanent() {
    String wrongKey = "my-key-" + notify.serviceId() + "-" + UUID.randomUUID();
    SendResult result = builder().apiKey(wrongKey).build().send(sms("k"));
    assertThat(((SendResult.PermanentFailure) result).reason()).contains("403").contains("AuthError");
    assertThat(notify.sent()).isEmpty();
  }

  @Test
  void aClockMoreThanThirtySecondsOutIsRefused() {
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(31));
    SendResult result = builder().clock(skewed).build().send(sms("k"));
    assertThat(((SendResult.PermanentFailure) result).reason()).contains("accurate to within 30 seconds");
    Clock slightlyOff = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-25));
    assertThat(builder().clock(slightlyOff).build().send(sms("k2"))).isInstanceOf(SendResult.Accepted.class);
  }

  @Test
  void theRateLimitIsRetryableAfterRetryAfter() {
    notify.failNext(FakeNotify.Failure.RATE_LIMIT);
    SendResult result = builder().build().send(sms("k"));
    assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
    assertThat(((SendResult.RetryableFailure) result).retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(((SendResult.RetryableFailure) result).reason()).contains("RateLimitError");
  }

  @Test
  void theDailyLimitIsRetryableAtMidnightInLondon() {
    Instant now = Instant.parse("2026-07-01T20:30:00Z"); // 21:30 British Summer Time
    FakeNotify fake = FakeNotify.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).start();
    try {
      fake.failNext(FakeNotify.Failure.DAILY_LIMIT);
      GovUkNotifyChannel channel = GovUkNotify.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
          .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
      OutgoingNotification n = new OutgoingNotification("k", SMS_TEMPLATE, new Recipient.Sms("07700900123"), Map.of(),
          Locale.UK, new RenderedMessage.Sms("x"));
      SendResult result = channel.send(n);
      assertThat(((SendResult.RetryableFailure) result).retryAfter()).contains(Duration.ofMinutes(150));
      assertThat(((SendResult.RetryableFailure) result).reason()).contains("TooManyRequestsError");
    } finally {
      fake.close();
    }
  }

  @Test
  void aServerErrorIsAnUnknownOutcomeAndTheLookupTellsWhetherItWasAccepted() {
    GovUkNotifyChannel channel = builder().build();
    notify.failNext(FakeNotify.Failure.SERVER_ERROR, FakeNotify.Failure.ACCEPT_THEN_SERVER_ERROR);
    assertThat(channel.send(sms("refused"))).isInstanceOf(SendResult.UnknownOutcome.class);
    assertThat(channel.send(sms("accepted"))).isInstanceOf(SendResult.UnknownOutcome.class);
    assertThat(channel.lookup("refused")).isEmpty();
    assertThat(channel.lookup("accepted")).contains(new SendResult.Accepted(notify.sent().get(0).id()));
  }

  @Test
  void aLostResponseIsAnUnknownOutcomeAfterTheRequestTimeout() {
    FakeNotify slow = FakeNotify.builder().timeoutDelay(Duration.ofSeconds(2)).start();
    try {
      slow.failNext(FakeNotify.Failure.ACCEPT_THEN_TIMEOUT);
      GovUkNotifyChannel channel = GovUkNotify.builder().apiKey(slow.apiKey()).baseUrl(slow.baseUrl())
          .requestTimeout(Duration.ofMillis(300)).build();
      OutgoingNotification n = new OutgoingNotification("slow-1", SMS_TEMPLATE, new Recipient.Sms("07700900123"),
          Map.of(), Locale.UK, new RenderedMessage.Sms("x"));
      assertThat(channel.send(n)).isInstanceOf(SendResult.UnknownOutcome.class);
      assertThat(channel.lookup("slow-1")).isPresent();
    } finally {
      slow.close();
    }
  }

  @Test
  void theStatusOfANotificationCanBeLookedUpByIdAndByReference() {
    GovUkNotifyChannel channel = builder().build();
    SendResult.Accepted a = (SendResult.Accepted) channel.send(sms("ref-9"));
    notify.setStatus(a.providerId(), "delivered");
    NotifyNotification n = channel.status(a.providerId()).orElseThrow();
    assertThat(n.status()).isEqualTo("delivered");
    assertThat(n.isDelivered()).isTrue();
    assertThat(n.reference()).contains("ref-9");
    assertThat(n.type()).isEqualTo("sms");
    assertThat(channel.status(UUID.randomUUID().toString())).isEmpty();
    assertThat(channel.status("not-a-uuid")).isEmpty();
    assertThat(channel.findByReference("ref-9")).extracting(NotifyNotification::id).containsExactly(a.providerId());
  }

  @Test
  void everyRequestCarriesAUserAgentAndTheBuilderRefusesBadSettings() {
    assertThatThrownBy(() -> GovUkNotify.builder().build()).hasMessageContaining("API key");
    assertThatThrownBy(() -> GovUkNotify.builder().requestTimeout(Duration.ZERO)).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> GovUkNotify.builder().templateId("a", "b").templateId("a", "c"))
        .hasMessageContaining("already mapped");
    assertThat(builder().build().toString()).doesNotContain(notify.apiKey().substring(notify.apiKey().length() - 36));
    assertThat(Optional.of(builder().build().name())).contains("govuk-notify");
  }
}
