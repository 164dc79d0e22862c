package io.civickit.web;

import io.civickit.core.Journey;
import io.civickit.core.SubmitResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One request being answered, as a {@link PageHandler} or {@link StepPage} sees it: the
 * request's values, the person's session, language and journey, and ways to answer in the
 * service's page chrome. A POST reaches a handler only after its CSRF token has been checked.
 */
public interface Exchange {
  /**
   * The request.
   *
   * @return it
   */
  WebRequest request();

  /**
   * The request's path, percent-decoded, as the runner's routes see it: without the runner's
   * base path ({@code /apply/name}, not {@code /report-a-missed-bin/apply/name}).
   *
   * @return the path
   */
  String path();

  /**
   * A path of the runner's as a browser sees it, under the runner's base path
   * ({@link JourneyRunner.Builder#basePath}): links and form actions a host writes in its own
   * pages go through it. At the site's root it is the path itself.
   *
   * @param path a path starting with {@code /}, as the routes are written ({@code /bin-days})
   * @return the path to write in a page ({@code /report-a-missed-bin/bin-days})
   */
  String url(String path);

  /**
   * A value taken from the path by a route pattern ({@code /things/{id}}).
   *
   * @param name the name in the pattern
   * @return the value
   */
  Optional<String> pathParam(String name);

  /**
   * A query-string value.
   *
   * @param name the name
   * @return the first value, decoded
   */
  Optional<String> query(String name);

  /**
   * The fields of a POSTed form (without the CSRF token), as a browser sent them; empty for a GET.
   *
   * @return field name to values
   */
  Map<String, List<String>> form();

  /**
   * A form field's first value.
   *
   * @param name the field
   * @return the value
   */
  default Optional<String> formValue(String name) {
    List<String> v = form().get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * The person's session (created on first use).
   *
   * @return the session
   */
  Session session();

  /**
   * The person's language: {@code en-GB} or {@code cy}.
   *
   * @return the locale
   */
  Locale locale();

  /**
   * The session's CSRF token, to put in a form the host writes itself (see {@link #csrfField()}).
   *
   * @return the token
   */
  String csrfToken();

  /**
   * The hidden input carrying the CSRF token.
   *
   * @return HTML
   */
  String csrfField();

  /**
   * The journey this session is on, if any.
   *
   * @return the journey, as stored now
   */
  Optional<Journey> journey();

  /**
   * One of the runner's texts in the person's language.
   *
   * @param key the text's key
   * @return the text
   */
  String text(String key);

  /**
   * A page in the service's chrome: header, language switch, help link, footer.
   *
   * @param title the page's title (also used in the browser's title)
   * @param contentHtml the content, already escaped
   * @param options what surrounds it
   * @return the response
   */
  WebResponse page(String title, String contentHtml, PageOptions options);

  /**
   * A citizen's page with the default options.
   *
   * @param title the title
   * @param contentHtml the content, already escaped
   * @return the response
   */
  default WebResponse page(String title, String contentHtml) {
    return page(title, contentHtml, PageOptions.CITIZEN);
  }

  /**
   * A redirect (303) to a path of the runner's, under its base path (as {@link #url} writes it).
   *
   * @param path the path, as the routes are written ({@code /apply/name})
   * @return the response
   */
  default WebResponse redirect(String path) {
    return WebResponse.redirect(url(path));
  }

  /**
   * Submits a step of the session's journey through the runner's usual pipeline: hands the
   * person to an adviser after repeated failures, rotates the session and sends the
   * confirmation on success, and redirects to where the journey is now. Step pages call it when
   * their step is done (a payment taken, a file checked).
   *
   * @param journey the journey
   * @param stepId the step
   * @param input the step's input, as the step expects it
   * @param onInvalid what to show when the step refuses the input
   * @return the response
   */
  WebResponse submitStep(Journey journey, String stepId, Map<String, List<String>> input,
      Function<SubmitResult.Invalid, WebResponse> onInvalid);

  /**
   * The runner serving this request.
   *
   * @return the runner
   */
  JourneyRunner runner();
}
