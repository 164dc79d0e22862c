package io.civickit.core;

/** No journey has this id: it never existed, or was purged after its retention period. */
public final class JourneyNotFoundException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final transient JourneyId journeyId;

  /**
   * Creates the exception; the message names the id but nothing else about the journey.
   *
   * @param journeyId the id that was looked up
   */
  public JourneyNotFoundException(JourneyId journeyId) {
    super("no journey " + journeyId + ": it never existed or has been purged");
    this.journeyId = journeyId;
  }

  /**
   * The id that was looked up. Not kept when the exception is serialised, so this is null on an
   * exception that has been deserialised.
   *
   * @return the id, or null after deserialisation
   */
  public JourneyId journeyId() {
    return journeyId;
  }
}
