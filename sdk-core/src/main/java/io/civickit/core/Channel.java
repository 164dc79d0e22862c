package io.civickit.core;

/**
 * How a transaction is being done. Digital take-up counts {@link #ONLINE} and
 * {@link #ASSISTED_DIGITAL} (an adviser using the digital service for the person) as digital.
 */
public enum Channel {
  /** The person online by themselves. */
  ONLINE,
  /** An adviser completing the digital service with or for the person. */
  ASSISTED_DIGITAL,
  /** By telephone, off the digital service. */
  TELEPHONE,
  /** Face to face, off the digital service. */
  FACE_TO_FACE,
  /** On paper by post. */
  POST,
  /** Any other offline route. */
  OTHER;

  /** True for the channels that count as digital in digital take-up. */
  public boolean isDigital() {
    return this == ONLINE || this == ASSISTED_DIGITAL;
  }
}
