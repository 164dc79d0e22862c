package io.civickit.core.progress;

import io.civickit.core.Journey;
import io.civickit.core.progress.internal.JourneyCodec;
import java.util.Objects;

/**
 * A journey as the JSON bytes CivicKit's stores keep for it, before encryption: every answer
 * with its value's type, the route, status, channel, segment and timestamps. Use it for a
 * {@link ProgressStore} of your own that should hold what CivicKit's stores hold, to export or
 * move saved journeys, or to measure what encoding costs apart from the database.
 *
 * <pre>{@code
 * byte[] bytes = JourneyFormat.encode(journey);
 * Journey same = JourneyFormat.decode(bytes, journey.version());
 * }</pre>
 *
 * <p>The bytes hold the person's answers: keep them as carefully as the journey itself
 * (CivicKit's JDBC store encrypts them with the {@link KeyRing}). The format carries its own
 * version; a reader skips fields it does not know, so bytes written by a later CivicKit can still
 * be read. The journey's version is not in the bytes: a store keeps it beside them.
 */
public final class JourneyFormat {
  private JourneyFormat() {}

  /**
   * The journey as JSON bytes (UTF-8).
   *
   * @param journey the journey
   * @return its bytes, without its version
   */
  public static byte[] encode(Journey journey) {
    return JourneyCodec.encode(Objects.requireNonNull(journey, "journey"));
  }

  /**
   * The journey the bytes hold.
   *
   * @param bytes bytes from {@link #encode(Journey)}
   * @param version the version to give the journey (the one the store kept beside the bytes)
   * @return the journey
   * @throws io.civickit.core.UnreadableDataException if the bytes are not a journey in this
   *     format; the message names what is wrong and never quotes an answer
   */
  public static Journey decode(byte[] bytes, long version) {
    return JourneyCodec.decode(Objects.requireNonNull(bytes, "bytes"), version);
  }
}
