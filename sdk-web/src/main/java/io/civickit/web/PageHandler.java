package io.civickit.web;

/**
 * Answers a request for a page the host adds or replaces ({@code JourneyRunner.Builder.page}).
 *
 * <pre>{@code
 * .page("GET", "/bin-days", ex -> ex.page("Bin collection days",
 *     "<h1 class=\"govuk-heading-l\">Bin collection days</h1>"))
 * }</pre>
 */
@FunctionalInterface
public interface PageHandler {
  /**
   * Answers the request.
   *
   * @param exchange the request, session and page helpers
   * @return the response
   */
  WebResponse handle(Exchange exchange);
}
