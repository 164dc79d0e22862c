package io.civickit.forms.internal.validation;

import java.net.IDN;

/**
 * Email addresses by GOV.UK Notify's rules, so any address a form accepts can be sent to: a
 * local part of letters, digits and {@code .!#$%&'*+/=?^_`{|}~-}; a host name of at least two
 * labels, each 1 to 63 letters, digits and inner hyphens (internationalised names are converted
 * to punycode first); a top-level domain of 2 to 63 letters or a punycode label; no two dots in a
 * row anywhere; at most 320 characters in all and 253 in the host name.
 *
 * <p>The rules are checked in one pass over the address, without regular expressions. Where
 * Notify writes them as patterns, the pattern is in the comment of the check that does its job.
 */
public final class Emails {
  private Emails() {}

  /**
   * @param address the cleaned address (invisible characters and surrounding spaces removed)
   * @return whether Notify would accept it
   */
  public static boolean valid(String address) {
    if (address.length() > 320) {
      return false;
    }
    // ^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\-]+@([^.@][^@\s]+)$, and no ".." anywhere
    int at = 0;
    while (at < address.length() && localChar(address.charAt(at))) {
      at++;
    }
    if (at == 0 || at >= address.length() - 2 || address.charAt(at) != '@') {
      return false;
    }
    char first = address.charAt(at + 1);
    if (first == '.' || first == '@') {
      return false;
    }
    boolean ascii = first < 0x80;
    for (int i = at + 2; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == '@' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return false;
      }
      ascii &= c < 0x80;
    }
    if (address.contains("..")) {
      return false;
    }
    String host = address.substring(at + 1);
    if (!ascii) {
      // IDN.toASCII leaves an all-ASCII name as it is, apart from refusing empty and over-long
      // labels, which the checks below refuse too.
      try {
        host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return validHost(host);
  }

  private static boolean localChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c < 0x80 && ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0);
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** At most 253 characters, at least two labels, each a valid label, the last a valid top-level domain. */
  private static boolean validHost(String host) {
    if (host.length() > 253) {
      return false;
    }
    int start = 0;
    int labels = 0;
    while (true) {
      int dot = host.indexOf('.', start);
      int end = dot < 0 ? host.length() : dot;
      if (!label(host, start, end)) {
        return false;
      }
      labels++;
      if (dot < 0) {
        return labels >= 2 && topLevel(host, start, end);
      }
      start = dot + 1;
    }
  }

  /**
   * One label of 1 to 63 characters: {@code ^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$}, ignoring case, that
   * is letters and digits with runs of one or two hyphens between them.
   */
  private static boolean label(String host, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 63 || !alphanumeric(host.charAt(start)) || !alphanumeric(host.charAt(end - 1))) {
      return false;
    }
    int hyphens = 0;
    for (int i = start + 1; i < end - 1; i++) {
      char c = host.charAt(i);
      if (c == '-') {
        if (++hyphens > 2) {
          return false;
        }
      } else if (alphanumeric(c)) {
        hyphens = 0;
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * The last label, already a valid {@link #label}: {@code ^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$},
   * ignoring case, that is 2 or more letters, or "xn--" then letters and digits with single
   * hyphens between them.
   */
  private static boolean topLevel(String host, int start, int end) {
    if (end - start >= 2) {
      boolean letters = true;
      for (int i = start; i < end && letters; i++) {
        letters = letter(host.charAt(i));
      }
      if (letters) {
        return true;
      }
    }
    if (end - start < 5 || !host.regionMatches(true, start, "xn--", 0, 4)) {
      return false;
    }
    // After "xn--": the label ends with a letter or digit, so only a double hyphen can fail.
    for (int i = start + 5; i < end; i++) {
      if (host.charAt(i) == '-' && host.charAt(i - 1) == '-') {
        return false;
      }
    }
    return alphanumeric(host.charAt(start + 4));
  }
}
