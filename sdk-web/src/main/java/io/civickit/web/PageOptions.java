package io.civickit.web;

import java.util.Optional;

/**
 * What a page shows around its content: a back link, the "get help" link, the language switch,
 * the error prefix of its title, its status code, a full-width column.
 *
 * @param status the HTTP status
 * @param errors whether the page shows errors ("Error: " before its title)
 * @param back where the back link goes, if shown
 * @param helpLink whether "Get help with this form" is shown under the content
 * @param languageSwitch whether the English/Cymraeg switch is shown
 * @param wide whether the content takes the full width (tables, charts)
 */
public record PageOptions(int status, boolean errors, Optional<String> back, boolean helpLink, boolean languageSwitch,
    boolean wide) {

  /** A citizen's page: status 200, help link and language switch, no back link. */
  public static final PageOptions CITIZEN = new PageOptions(200, false, Optional.empty(), true, true, false);

  /** Checks the status. */
  public PageOptions {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("a page's status must be 200 to 599, but was " + status);
    }
    back.ifPresent(b -> {
      if (!b.startsWith("/") || b.startsWith("//")) {
        throw new IllegalArgumentException("a back link goes to a path on this site, but was " + b);
      }
    });
  }

  /**
   * With a status.
   *
   * @param value the status
   * @return a copy
   */
  public PageOptions status(int value) {
    return new PageOptions(value, errors, back, helpLink, languageSwitch, wide);
  }

  /**
   * With or without errors.
   *
   * @param value true when the page shows errors
   * @return a copy
   */
  public PageOptions errors(boolean value) {
    return new PageOptions(status, value, back, helpLink, languageSwitch, wide);
  }

  /**
   * With a back link.
   *
   * @param path where it goes: a path of the runner's, written from {@code /} (the page puts it
   *     under the runner's base path, as {@link Exchange#redirect} does)
   * @return a copy
   */
  public PageOptions back(String path) {
    return new PageOptions(status, errors, Optional.of(path), helpLink, languageSwitch, wide);
  }

  /**
   * Without the help link.
   *
   * @return a copy
   */
  public PageOptions noHelp() {
    return new PageOptions(status, errors, back, false, languageSwitch, wide);
  }

  /**
   * Without the language switch.
   *
   * @return a copy
   */
  public PageOptions noLanguageSwitch() {
    return new PageOptions(status, errors, back, helpLink, false, wide);
  }

  /**
   * Full width.
   *
   * @return a copy
   */
  public PageOptions fullWidth() {
    return new PageOptions(status, errors, back, helpLink, languageSwitch, true);
  }
}
