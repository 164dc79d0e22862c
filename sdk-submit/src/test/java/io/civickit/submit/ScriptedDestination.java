package io.civickit.submit;

import io.civickit.notify.channel.SendResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A destination that holds what it is given in memory, answering from a script first. */
final class ScriptedDestination implements Destination {
  private final String name;
  private final boolean canLookUp;
  private final Deque<SendResult> script = new ArrayDeque<>();
  final List<String> received = new CopyOnWriteArrayList<>();
  final Map<String, Delivery> held = new ConcurrentHashMap<>();
  /** After holding a delivery for which this is true, the destination "crashes" the worker. */
  volatile Predicate<Delivery> crashAfter = d -> false;

  ScriptedDestination(String name, boolean canLookUp) {
    this.name = name;
    this.canLookUp = canLookUp;
  }

  synchronized ScriptedDestination then(SendResult... results) {
    script.addAll(List.of(results));
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SendResult deliver(Delivery delivery) {
    SendResult scripted;
    synchronized (this) {
      scripted = script.poll();
    }
    if (scripted != null && !(scripted instanceof SendResult.Accepted)) {
      return scripted;
    }
    received.add(delivery.idempotencyKey());
    held.put(delivery.idempotencyKey(), delivery);
    if (crashAfter.test(delivery)) {
      throw new CrashError();
    }
    return new SendResult.Accepted("held-" + delivery.idempotencyKey());
  }

  @Override
  public boolean canLookUp() {
    return canLookUp;
  }

  @Override
  public Optional<SendResult.Accepted> lookup(Delivery delivery) {
    return held.containsKey(delivery.idempotencyKey())
        ? Optional.of(new SendResult.Accepted("held-" + delivery.idempotencyKey())) : Optional.empty();
  }

  long timesReceived(String key) {
    return received.stream().filter(key::equals).count();
  }

  /** Stands for the process dying: not caught by the worker, so nothing after it is written. */
  static final class CrashError extends Error {
    CrashError() {
      super("the worker process died", null, false, false);
    }
  }
}
