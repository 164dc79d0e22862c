package io.civickit.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner answers: a status, headers in order (a name may repeat, as
 * {@code Set-Cookie} does), and the body. Adapters write it out as it is.
 *
 * @param status the HTTP status
 * @param headers the headers, in order
 * @param body the body bytes (empty for a redirect)
 */
public record WebResponse(int status, List<Header> headers, byte[] body) {

  /**
   * One response header.
   *
   * @param name the name
   * @param value the value
   */
  public record Header(String name, String value) {
    /** Refuses line breaks, so no header can be split. */
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a header must not hold a line break: " + name);
      }
    }
  }

  /** Copies the headers and checks the status. */
  public WebResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, but was " + status);
    }
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /**
   * An HTML page.
   *
   * @param status the status
   * @param html the document
   * @return the response
   */
  public static WebResponse html(int status, String html) {
    return new WebResponse(status, List.of(new Header("Content-Type", "text/html; charset=utf-8")),
        html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A {@code 303 See Other} to a path on this site (the answer to a POST, so a reload never
   * sends the form again).
   *
   * @param location the path, starting with a single {@code /}
   * @return the response
   * @throws IllegalArgumentException if the location is not a path on this site
   */
  public static WebResponse redirect(String location) {
    if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) {
      throw new IllegalArgumentException("a redirect goes to a path on this site, but was " + location);
    }
    return new WebResponse(303, List.of(new Header("Location", location)), new byte[0]);
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
  }

  /**
   * This response with a header added at the end.
   *
   * @param name the name
   * @param value the value
   * @return a new response
   */
  public WebResponse withHeader(String name, String value) {
    List<Header> all = new ArrayList<>(headers);
    all.add(new Header(name, value));
    return new WebResponse(status, all, body);
  }

  /**
   * This response with a header added unless one of that name is there already.
   *
   * @param name the name
   * @param value the value
   * @return this response or a new one
   */
  public WebResponse withDefaultHeader(String name, String value) {
    return header(name).isPresent() ? this : withHeader(name, value);
  }

  /**
   * The body as UTF-8 text (for tests and logs of non-personal pages).
   *
   * @return the text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
