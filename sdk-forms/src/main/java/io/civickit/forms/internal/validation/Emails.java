package io.civickit.forms.internal.validation;

import java.net.IDN;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses by GOV.UK Notify's rules, so any address a form accepts can be sent to: a
 * local part of letters, digits and {@code .!#$%&'*+/=?^_`{|}~-}; a host name of at least two
 * labels, each 1 to 63 letters, digits and inner hyphens (internationalised names are converted
 * to punycode first); a top-level domain of 2 to 63 letters or a punycode label; no two dots in a
 * row anywhere; at most 320 characters in all and 253 in the host name.
 */
public final class Emails {
  private Emails() {}

  private static final Pattern ADDRESS = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([^.@][^@\\s]+)$");
  private static final Pattern HOST_PART = Pattern.compile("^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TLD = Pattern.compile("^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$", Pattern.CASE_INSENSITIVE);

  /**
   * @param address the cleaned address (invisible characters and surrounding spaces removed)
   * @return whether Notify would accept it
   */
  public static boolean valid(String address) {
    if (address.length() > 320) {
      return false;
    }
    Matcher m = ADDRESS.matcher(address);
    if (!m.matches() || address.contains("..")) {
      return false;
    }
    String host;
    try {
      host = IDN.toASCII(m.group(1), IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String[] parts = host.split("\\.", -1);
    if (host.length() > 253 || parts.length < 2) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 63 || !HOST_PART.matcher(p).matches()) {
        return false;
      }
    }
    return TLD.matcher(parts[parts.length - 1]).matches();
  }
}
