package io.civickit.web.internal;

import io.civickit.core.ConfigurationException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place the runner turns its own paths ({@code /apply/name}, {@code /assets/x.css}) into
 * the paths a browser sees, under the base path the service is mounted at, and back.
 *
 * <p>Pages, routes and redirects inside the runner are written from {@code /}; only what goes out
 * (links, form actions, {@code Location} headers, asset URLs, links in emails) passes through
 * {@link #to(String)}, and only what comes in through {@link #within(String)}.
 */
public final class Paths {
  /** Segments of letters, digits, {@code -} and {@code _} (what a language switch may return to, too). */
  private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-]+)+");

  /** The root: nothing added. */
  public static final Paths ROOT = new Paths("");

  private final String base;

  private Paths(String base) {
    this.base = base;
  }

  /**
   * The paths under a base path.
   *
   * @param basePath {@code /} (the site's root) or a path like {@code /report-a-missed-bin}
   * @return the paths
   * @throws ConfigurationException if the path does not start with {@code /}, ends with one, or
   *     holds anything but letters, digits, {@code -} and {@code _} between its slashes
   */
  public static Paths of(String basePath) {
    if (basePath.equals("/")) {
      return ROOT;
    }
    if (basePath.length() > 200 || !SAFE.matcher(basePath).matches()) {
      throw new ConfigurationException("basePath", "must be / or a path like /report-a-missed-bin (a leading /, no "
          + "trailing /, only letters, digits, - and _ between slashes, at most 200 characters), but was \""
          + printable(basePath) + "\"", "set it to the path the service is mounted at, like /report-a-missed-bin");
    }
    return new Paths(basePath);
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(200).forEach(c -> b.append(c < 0x20 || c == 0x7f ? "?" : Character.toString(c)));
    return b.toString();
  }

  /**
   * The base path, {@code /} for the root.
   *
   * @return it
   */
  public String basePath() {
    return base.isEmpty() ? "/" : base;
  }

  /**
   * A runner path as the browser sees it: {@code /apply/name} under {@code /bins} is
   * {@code /bins/apply/name}, and {@code /} is {@code /bins/}.
   *
   * @param path a path starting with {@code /}
   * @return the path under the base path
   */
  public String to(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a runner path starts with /, but was " + path);
    }
    return base + path;
  }

  /**
   * A browser's path as the runner sees it, if it is under the base path: {@code /bins} and
   * {@code /bins/} are {@code /}, {@code /bins/apply/name} is {@code /apply/name}, and
   * {@code /binsx} or {@code /other} are not the runner's.
   *
   * @param path a decoded path starting with {@code /}
   * @return the runner's path, or empty when the path is outside the base path
   */
  public Optional<String> within(String path) {
    if (base.isEmpty()) {
      return Optional.of(path);
    }
    if (path.equals(base)) {
      return Optional.of("/");
    }
    return path.startsWith(base) && path.charAt(base.length()) == '/'
        ? Optional.of(path.substring(base.length())) : Optional.empty();
  }
}
