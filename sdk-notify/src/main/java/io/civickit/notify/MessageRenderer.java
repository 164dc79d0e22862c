package io.civickit.notify;

/**
 * Turns a {@link NotificationRequest} into the message the person receives, by finding its
 * template (in the request's language) and filling in the personalisation.
 */
@FunctionalInterface
public interface MessageRenderer {

  /**
   * Renders the request.
   *
   * @throws io.civickit.core.CivicKitException for an unknown template or missing personalisation
   */
  RenderedMessage render(NotificationRequest request);
}
