package io.civickit.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One HTTP request as the runner sees it: what an adapter gives it, nothing framework-specific.
 * The runner parses the query string, cookies and form bodies itself, so every adapter behaves
 * the same; it reads the body only through {@link #body()}, and never more than its limit.
 */
public interface WebRequest {
  /**
   * The method, upper case.
   *
   * @return {@code GET}, {@code POST}, {@code HEAD}...
   */
  String method();

  /**
   * The path as sent, still percent-encoded, without the query string; for an app mounted below
   * a context path, the part after it.
   *
   * @return the path, starting with {@code /}
   */
  String path();

  /**
   * The raw query string, still percent-encoded.
   *
   * @return the query, without the {@code ?}; empty when there is none
   */
  Optional<String> query();

  /**
   * A request header's first value.
   *
   * @param name the header name, any case
   * @return its value, if sent
   */
  Optional<String> header(String name);

  /**
   * The body, unread. The runner bounds how much it reads; adapters must not buffer it first.
   *
   * @return the body stream
   * @throws IOException if the connection fails
   */
  InputStream body() throws IOException;

  /**
   * The client's address, for per-client throttling (behind a proxy: the address the adapter
   * trusts, for example from {@code X-Forwarded-For} set by the council's own proxy).
   *
   * @return the address; never shown or logged
   */
  String remoteAddress();
}
