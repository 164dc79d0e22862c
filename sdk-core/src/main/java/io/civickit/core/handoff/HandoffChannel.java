package io.civickit.core.handoff;

/**
 * An assisted channel a stuck journey can be handed to: web chat, a call-back queue, a team
 * inbox, a CRM case, the phone. Councils and suppliers implement it; CivicKit ships
 * {@link HandoffChannels#webChat web chat}, {@link CallbackQueue a call-back queue}
 * and {@link HandoffChannels#phone the phone number}, and sdk-notify ships a team email channel.
 *
 * <p>A channel must not throw for an expected failure (the platform is down, it timed out, no
 * advisers are free): it returns {@link HandoffResult.Failed} or {@link HandoffResult.Closed}, and
 * the router tries the next channel in the fallback chain. The same
 * {@link HandoffRequest#handoffId()} sent twice must result in one chat, call-back or case.
 */
public interface HandoffChannel {

  /** A short, stable name for routing, events and logs, such as {@code web-chat}. */
  String name();

  /** Hands one request to the channel. */
  HandoffResult handOff(HandoffRequest request);
}
