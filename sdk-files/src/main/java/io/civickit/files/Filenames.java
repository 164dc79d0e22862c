package io.civickit.files;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names from browsers are never trusted. {@link #sanitise} turns any name into one that is
 * safe to store, to put in a header or an email attachment, and to write to a file system; the
 * original is kept only for display and always escaped there.
 */
public final class Filenames {
  /** The longest sanitised name, in characters. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._()-]*");
  private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
      "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private Filenames() {}

  /**
   * A safe name for a file a person sent: the last path segment only, Unicode NFC, letters,
   * digits, spaces and {@code . _ ( ) -} only (anything else becomes {@code _}), no leading dot
   * or dash, no {@code ..}, no trailing dots or spaces, not a Windows device name, at most
   * {@value #MAX_LENGTH} characters keeping the extension; {@code file} when nothing is left.
   *
   * @param original the name as sent, possibly blank or hostile
   * @return a name for which {@link #isSanitised} is true
   */
  public static String sanitise(String original) {
    String s = Normalizer.normalize(original == null ? "" : original, Normalizer.Form.NFC);
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    s = s.substring(slash + 1);
    StringBuilder b = new StringBuilder(Math.min(s.length(), 4 * MAX_LENGTH));
    for (int i = 0; i < s.length() && b.length() < 4 * MAX_LENGTH; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) && Character.isBmpCodePoint(cp) && !Character.isSurrogate((char) cp)) {
        b.appendCodePoint(cp);
      } else if (cp == ' ' || cp == '.' || cp == '_' || cp == '(' || cp == ')' || cp == '-') {
        b.append((char) cp);
      } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        b.append(' ');
      } else {
        b.append('_');
      }
    }
    String t = b.toString().replaceAll(" {2,}", " ").replaceAll("\\.{2,}", ".");
    t = t.replaceAll("^[ ._()-]+", "").replaceAll("[ .]+$", "");
    if (t.length() > MAX_LENGTH) {
      int dot = t.lastIndexOf('.');
      String ext = dot > 0 && t.length() - dot <= 10 ? t.substring(dot) : "";
      t = t.substring(0, MAX_LENGTH - ext.length()).replaceAll("[ .]+$", "") + ext;
    }
    String stem = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
    if (RESERVED.contains(stem.strip().toLowerCase(Locale.ROOT))) {
      t = "file_" + t;
      if (t.length() > MAX_LENGTH) {
        t = t.substring(0, MAX_LENGTH).replaceAll("[ .]+$", "");
      }
    }
    return t.isEmpty() || !isSanitised(t) ? "file" : t;
  }

  /**
   * Whether a name is one {@link #sanitise} could have produced.
   *
   * @param name any text
   * @return true if it is safe as a stored file name
   */
  public static boolean isSanitised(String name) {
    if (name.isEmpty() || name.length() > MAX_LENGTH || !SAFE.matcher(name).matches() || name.contains("..")
        || name.endsWith(".") || name.endsWith(" ") || name.contains("  ")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isSurrogate(name.charAt(i))) {
        return false;
      }
    }
    String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    return !RESERVED.contains(stem.strip().toLowerCase(Locale.ROOT))
        && name.equals(Normalizer.normalize(name, Normalizer.Form.NFC));
  }
}
