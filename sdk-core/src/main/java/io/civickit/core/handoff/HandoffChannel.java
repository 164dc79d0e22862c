package io.civickit.core.handoff;

/**
 * An assisted channel a stuck journey can be handed to: web chat, a call-back queue, a team
 * inbox, a CRM case, the phone. Councils and suppliers implement it; CivicKit ships
 * {@link HandoffChannels#webChat web chat}, {@link CallbackQueue a call-back queue}
 * and {@link HandoffChannels#phone the phone number}, and sdk-notify ships a team email channel.
 *
 * <p>A channel must not throw for an expected failure (the platform is down, it timed out, no
 * advisers are free, the request lacks what the channel needs): it returns
 * {@link HandoffResult.Failed} or {@link HandoffResult.Closed}, and the router tries the next
 * channel in the fallback chain. The same {@link HandoffRequest#handoffId()} sent twice must
 * result in one chat, call-back, email or case (retries are safe), while two handoffs of one
 * journey, with two ids, are two.
 *
 * <p>What the channel delivers carries the request's reference number and its "continue
 * online" link, so the adviser can find the journey and send the person back to it. Sensitive
 * answers arrive already {@link HandoffRequest#REDACTED redacted}; a channel passes on only
 * what the request holds.
 *
 * <p>The contract suite {@code io.civickit.test.handoff.HandoffChannelContract} in sdk-test
 * checks all of this against a channel and its counterpart.
 */
public interface HandoffChannel {

  /**
   * A short, stable name for routing, events and logs, such as {@code web-chat}: the same on
   * every call, not blank, without spaces, and at most 63 characters (it is stored with the
   * handoff). Every {@link HandoffResult} the channel returns carries this name.
   */
  String name();

  /**
   * Hands one request to the channel.
   *
   * @return what the channel did; never null, and not thrown for an expected failure
   */
  HandoffResult handOff(HandoffRequest request);
}
