package io.civickit.test.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.civickit.notify.Recipient;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link NotificationChannel} must meet: CivicKit's own channels and a
 * supplier's. Extend it in your tests, pointing the channel at a real or faithfully faked
 * counterpart that the test can inspect:
 *
 * <pre>{@code
 * class MyChannelTest extends NotificationChannelContract {
 *   @Override protected NotificationChannel channel() { return new MyChannel(server.url()); }
 *   @Override protected List<Recipient> sampleRecipients() { return List.of(new Recipient.Sms("07700900123")); }
 *   @Override protected int receivedCount(String key) { return server.countFor(key); }
 * }
 * }</pre>
 *
 * <p>What it checks: a valid message is accepted with a provider id and reaches the counterpart
 * exactly once; a malformed address or an unsupported kind of recipient is a permanent failure
 * and sends nothing; nothing expected is thrown; a channel that says it can look messages up
 * finds what it accepted and nothing else; concurrent sends are all accepted.
 */
public abstract class NotificationChannelContract {

  /** The channel under test (a new one, or one shared by the tests). */
  protected abstract NotificationChannel channel();

  /** One valid recipient for each kind the channel supports (at least one). */
  protected abstract List<Recipient> sampleRecipients();

  /**
   * How many messages with this idempotency key reached the counterpart (the server, the
   * folder, the mailbox).
   */
  protected abstract int receivedCount(String idempotencyKey);

  /**
   * The template id to send with. Channels that map template ids (GOV.UK Notify) map this one.
   */
  protected String templateId() {
    return "contract-template";
  }

  /** The same channel pointed at a provider that cannot be reached, if the test can make one. */
  protected Optional<NotificationChannel> unreachableChannel() {
    return Optional.empty();
  }

  /**
   * A rendered message for the recipient, with a fresh idempotency key. An email's subject ends
   * with the key, so a test that reads a mailbox can count by it.
   */
  protected OutgoingNotification message(Recipient recipient) {
    String key = "contract-" + UUID.randomUUID();
    RenderedMessage message;
    if (recipient instanceof Recipient.Email) {
      message = new RenderedMessage.Email("Contract test – Siân’s code " + key, "Your code is 123456.",
          "<p>Your code is 123456.</p>");
    } else if (recipient instanceof Recipient.Sms) {
      message = new RenderedMessage.Sms("Your code is 123456.");
    } else {
      message = new RenderedMessage.Letter(((Recipient.Letter) recipient).addressLines(), "Contract test",
          "Your code is 123456.");
    }
    return new OutgoingNotification(key, templateId(), recipient, Map.of("code", "123456"), Locale.UK, message);
  }

  private static List<Recipient> everyKind() {
    return List.of(new Recipient.Email("contract@example.org"), new Recipient.Sms("07700 900123"),
        new Recipient.Letter(List.of("Contract Test", "1 High Street", "Anytown", "SW1A 1AA")));
  }

  @Test
  void theNameIsShortStableAndNotBlank() {
    NotificationChannel channel = channel();
    assertThat(channel.name()).isNotBlank().hasSizeLessThanOrEqualTo(100).isEqualTo(channel.name());
  }

  @Test
  void everySampleRecipientIsSupported() {
    assertThat(sampleRecipients()).as("sampleRecipients() must give at least one recipient").isNotEmpty();
    NotificationChannel channel = channel();
    for (Recipient r : sampleRecipients()) {
      assertThat(channel.supports(r)).as("supports %s", r).isTrue();
    }
  }

  @Test
  void anAcceptedMessageHasAProviderIdAndArrivesOnce() {
    NotificationChannel channel = channel();
    for (Recipient r : sampleRecipients()) {
      OutgoingNotification n = message(r);
      SendResult result = channel.send(n);
      assertThat(result).as("sending to %s", r).isInstanceOf(SendResult.Accepted.class);
      assertThat(((SendResult.Accepted) result).providerId()).isNotBlank();
      assertThat(receivedCount(n.idempotencyKey())).as("messages received for one send to %s", r).isEqualTo(1);
    }
  }

  @Test
  void aMalformedEmailAddressIsAPermanentFailureAndNothingIsSent() {
    NotificationChannel channel = channel();
    Recipient bad = new Recipient.Email("not an email address");
    assumeThat(sampleRecipients()).anyMatch(r -> r instanceof Recipient.Email);
    OutgoingNotification n = message(bad);
    assertThat(channel.send(n)).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(receivedCount(n.idempotencyKey())).isZero();
  }

  @Test
  void aMalformedPhoneNumberIsAPermanentFailureAndNothingIsSent() {
    NotificationChannel channel = channel();
    assumeThat(sampleRecipients()).anyMatch(r -> r instanceof Recipient.Sms);
    OutgoingNotification n = message(new Recipient.Sms("call me"));
    assertThat(channel.send(n)).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(receivedCount(n.idempotencyKey())).isZero();
  }

  @Test
  void anUnsupportedKindOfRecipientIsAPermanentFailureNotAnException() {
    NotificationChannel channel = channel();
    for (Recipient r : everyKind()) {
      if (!channel.supports(r)) {
        OutgoingNotification n = message(r);
        assertThat(channel.send(n)).as("sending to unsupported %s", r).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(receivedCount(n.idempotencyKey())).isZero();
      }
    }
  }

  @Test
  void aChannelThatCanLookUpFindsWhatItAcceptedAndNothingElse() {
    NotificationChannel channel = channel();
    assumeThat(channel.canLookUp()).as("the channel can look messages up").isTrue();
    OutgoingNotification n = message(sampleRecipients().get(0));
    assertThat(channel.lookup(n.idempotencyKey())).isEmpty();
    SendResult result = channel.send(n);
    assertThat(channel.lookup(n.idempotencyKey())).contains((SendResult.Accepted) result);
    assertThat(channel.lookup("contract-never-sent-" + UUID.randomUUID())).isEmpty();
  }

  @Test
  void anUnreachableProviderIsARetryableOrUnknownResultNotAnException() {
    Optional<NotificationChannel> unreachable = unreachableChannel();
    assumeThat(unreachable).as("the test can make an unreachable channel").isPresent();
    SendResult result = unreachable.get().send(message(sampleRecipients().get(0)));
    assertThat(result).isInstanceOfAny(SendResult.RetryableFailure.class, SendResult.UnknownOutcome.class);
  }

  @Test
  void concurrentSendsAreEachAcceptedAndArriveOnce() throws Exception {
    NotificationChannel channel = channel();
    List<OutgoingNotification> messages = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      messages.add(message(sampleRecipients().get(i % sampleRecipients().size())));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SendResult>> results = new ArrayList<>();
      for (OutgoingNotification n : messages) {
        results.add(pool.submit(() -> channel.send(n)));
      }
      for (Future<SendResult> f : results) {
        assertThat(f.get()).isInstanceOf(SendResult.Accepted.class);
      }
    } finally {
      pool.shutdownNow();
    }
    for (OutgoingNotification n : messages) {
      assertThat(receivedCount(n.idempotencyKey())).isEqualTo(1);
    }
  }
}
