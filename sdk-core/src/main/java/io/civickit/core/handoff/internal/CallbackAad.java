package io.civickit.core.handoff.internal;

import io.civickit.core.handoff.HandoffId;
import java.nio.charset.StandardCharsets;

/** The associated data a call-back request's context is encrypted under: its handoff id. */
public final class CallbackAad {
  private CallbackAad() {}

  /** The associated data for one call-back request. */
  public static byte[] of(HandoffId id) {
    return ("civickit-callback:" + id.value()).getBytes(StandardCharsets.US_ASCII);
  }
}
