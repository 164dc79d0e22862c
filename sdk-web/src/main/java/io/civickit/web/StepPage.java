package io.civickit.web;

import io.civickit.core.Journey;

/**
 * The page of a journey step that is not a form page: an email check, a payment, a file upload.
 * Registered by step id ({@code JourneyRunner.Builder.stepPage}); the runner shows it at
 * {@code /apply/<step>} when the journey is on that step and passes POSTs to that address to
 * {@link #submit} after checking the CSRF token.
 *
 * <p>When the step is done, call {@link Exchange#submitStep} with the step's input: the runner
 * moves the journey on exactly as for a form page.
 */
public interface StepPage {
  /**
   * The page shown for the step (GET). It must not change anything: no email sent, no journey
   * moved.
   *
   * @param exchange the request
   * @param journey the journey, on this step
   * @return the response
   */
  WebResponse show(Exchange exchange, Journey journey);

  /**
   * A POST to the step's address.
   *
   * @param exchange the request, its form fields already past the CSRF check
   * @param journey the journey, on this step
   * @return the response
   */
  WebResponse submit(Exchange exchange, Journey journey);

  /**
   * Called once when a POST has moved the journey onto this step, before the redirect to it:
   * the place to send an email code or create a payment.
   *
   * @param exchange the request that moved the journey
   * @param journey the journey, now on this step
   */
  default void entered(Exchange exchange, Journey journey) {}
}
