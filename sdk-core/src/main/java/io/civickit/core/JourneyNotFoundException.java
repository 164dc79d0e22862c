package io.civickit.core;

/** No journey has this id: it never existed, or was purged after its retention period. */
public final class JourneyNotFoundException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  private final transient JourneyId journeyId;

  public JourneyNotFoundException(JourneyId journeyId) {
    super("no journey " + journeyId + ": it never existed or has been purged");
    this.journeyId = journeyId;
  }

  public JourneyId journeyId() {
    return journeyId;
  }
}
