package io.civickit.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parsing what a request carries: query strings, cookies, form bodies (bounded), paths. */
final class Requests {
  private Requests() {}

  /** A body or a form that is over a limit. */
  public static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(String what) {
      super(what, null, false, false);
    }
  }

  /** A body that is not well-formed. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * Reads at most {@code limit} bytes; more is an error, and nothing past {@code limit + 1} is
   * ever read, whatever length was declared (or none, for a chunked body).
   */
  static byte[] readBounded(InputStream in, int limit) throws IOException, TooLarge {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] buf = new byte[8192];
    int total = 0;
    while (true) {
      int n = in.read(buf, 0, Math.min(buf.length, limit + 1 - total));
      if (n < 0) {
        return out.toByteArray();
      }
      total += n;
      if (total > limit) {
        throw new TooLarge("body over " + limit + " bytes");
      }
      out.write(buf, 0, n);
    }
  }

  /** Parses {@code a=1&b=2} (form bodies and query strings), with at most {@code maxFields} fields. */
  static Map<String, List<String>> parseForm(String s, int maxFields) throws TooLarge, Malformed {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (s.isEmpty()) {
      return out;
    }
    int count = 0;
    for (String pair : s.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > maxFields) {
        throw new TooLarge("more than " + maxFields + " fields");
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) throws Malformed {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Malformed("bad percent-encoding");
    }
  }

  /** A query string's values; a malformed one counts as empty. */
  static Map<String, List<String>> query(Optional<String> raw) {
    try {
      return raw.isEmpty() ? Map.of() : parseForm(raw.get(), 50);
    } catch (TooLarge | Malformed e) {
      return Map.of();
    }
  }

  /** A cookie's value from the Cookie header. */
  static Optional<String> cookie(Optional<String> header, String name) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    for (String part : header.get().split(";")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).equals(name)) {
        return Optional.of(p.substring(eq + 1));
      }
    }
    return Optional.empty();
  }

  /** Decodes a path; empty for one that is malformed or holds control characters or dot segments. */
  static Optional<String> decodePath(String raw) {
    if (raw.isEmpty() || raw.charAt(0) != '/') {
      return Optional.empty();
    }
    String p;
    try {
      p = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return Optional.empty();
      }
    }
    for (String seg : p.split("/", -1)) {
      if (seg.equals("..") || seg.equals(".")) {
        return Optional.empty();
      }
    }
    return Optional.of(p);
  }

  /**
   * Whether a value sent as a "return to" address is a path on this site, and nothing else:
   * one leading slash, then only letters, digits, {@code / _ -} (so no {@code //host},
   * {@code /\host}, scheme, percent-encoding, user info or numeric host can slip through).
   */
  public static boolean isLocalPath(String s) {
    if (s.length() > 200 || !s.startsWith("/") || s.startsWith("//")) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_'
          || c == '-';
      if (!ok || (c == '/' && s.charAt(i - 1) == '/')) {
        return false;
      }
    }
    return true;
  }
}
