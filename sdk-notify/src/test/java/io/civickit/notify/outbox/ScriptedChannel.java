package io.civickit.notify.outbox;

import io.civickit.notify.Recipient;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.OutgoingNotification;
import io.civickit.notify.channel.SendResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A channel that does what the test scripts, and records what it accepted. */
final class ScriptedChannel implements NotificationChannel {

  enum Step { ACCEPT, ACCEPT_BUT_LOSE_RESPONSE, FAIL_UNKNOWN, RETRYABLE, RETRY_AFTER_MINUTE, PERMANENT, CRASH_AFTER_ACCEPT }

  /** Thrown to simulate a worker dying in the middle of a send. */
  static final class WorkerKilled extends Error {
    private static final long serialVersionUID = 1L;
  }

  private final String name;
  private final Predicate<Recipient> supports;
  private final boolean canLookUp;
  private final Deque<Step> script = new ArrayDeque<>();
  final Map<String, Integer> accepted = new ConcurrentHashMap<>();
  final List<OutgoingNotification> attempts = Collections.synchronizedList(new ArrayList<>());
  int lookups;
  /** Runs at the start of every send, before the script's step: lets a test act mid-batch. */
  volatile Consumer<OutgoingNotification> beforeSend = n -> { };

  ScriptedChannel(String name, Predicate<Recipient> supports, boolean canLookUp) {
    this.name = name;
    this.supports = supports;
    this.canLookUp = canLookUp;
  }

  static ScriptedChannel any(String name) {
    return new ScriptedChannel(name, r -> true, true);
  }

  ScriptedChannel then(Step... steps) {
    script.addAll(List.of(steps));
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supports(Recipient recipient) {
    return supports.test(recipient);
  }

  @Override
  public boolean canLookUp() {
    return canLookUp;
  }

  @Override
  public synchronized Optional<SendResult.Accepted> lookup(String key) {
    lookups++;
    return accepted.containsKey(key) ? Optional.of(new SendResult.Accepted("p-" + key)) : Optional.empty();
  }

  @Override
  public SendResult send(OutgoingNotification n) {
    beforeSend.accept(n);
    attempts.add(n);
    Step step;
    synchronized (this) {
      step = script.isEmpty() ? Step.ACCEPT : script.poll();
    }
    return switch (step) {
      case ACCEPT -> {
        accepted.merge(n.idempotencyKey(), 1, Integer::sum);
        yield new SendResult.Accepted("p-" + n.idempotencyKey());
      }
      case ACCEPT_BUT_LOSE_RESPONSE -> {
        accepted.merge(n.idempotencyKey(), 1, Integer::sum);
        yield new SendResult.UnknownOutcome("response lost");
      }
      case FAIL_UNKNOWN -> new SendResult.UnknownOutcome("500");
      case RETRYABLE -> new SendResult.RetryableFailure("busy");
      case RETRY_AFTER_MINUTE -> new SendResult.RetryableFailure("slow down", Optional.of(Duration.ofMinutes(1)));
      case PERMANENT -> new SendResult.PermanentFailure("bad address");
      case CRASH_AFTER_ACCEPT -> {
        accepted.merge(n.idempotencyKey(), 1, Integer::sum);
        throw new WorkerKilled();
      }
    };
  }
}
