package io.civickit.notify.internal.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notify's typography and whitespace rules: no space before a comma or full stop, smart quotes
 * (left alone inside HTML tags, links and email addresses), a spaced hyphen or dash becomes a
 * spaced en dash, and whitespace normalisation.
 */
final class Typography {

  private static final int U = Pattern.UNICODE_CHARACTER_CLASS;

  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+([,.])");
  private static final Pattern SPACED_DASH = Pattern.compile("\\s+[-\u2013\u2014]{1,3}\\s+", U);
  private static final Pattern EMAIL_LIKE = Pattern.compile("(^|\\s)\\S+@\\S+(\\s|$)", U | Pattern.MULTILINE);
  private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{3,}");
  private static final Pattern GOVUK = Pattern.compile("(^|\\s)(#|\\*|\\^)?(GOV)\\.(UK)(?![/?#])",
      Pattern.CASE_INSENSITIVE | U);

  // Quote rules, applied in order to each run of text (the SmartyPants algorithm).
  private static final String PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
  private static final String CLOSE_CLASS = "[^ \\t\\r\\n\\[{(\\-]";
  private static final String OPEN_CONTEXT = "(\\s|&nbsp;|--|&[mn]dash;|&#821[12];|&#x201[34];|\u2013|\u2014)";
  private static final Pattern[] RULES = {
      Pattern.compile("^'(?=" + PUNCT + "\\B)", U),
      Pattern.compile("^\"(?=" + PUNCT + "\\B)", U),
      Pattern.compile("\"'(?=\\w)", U),
      Pattern.compile("'\"(?=\\w)", U),
      Pattern.compile("\\b'(?=\\d{2}s)", U),
      Pattern.compile(OPEN_CONTEXT + "'(?=\\w)", U),
      Pattern.compile("(" + CLOSE_CLASS + ")'(?!\\s|s\\b|\\d)", U),
      Pattern.compile("(" + CLOSE_CLASS + ")'(\\s|s\\b)", U),
      Pattern.compile(OPEN_CONTEXT + "\"(?=\\w)", U),
      Pattern.compile("\"(?=\\s)", U),
      Pattern.compile("(" + CLOSE_CLASS + ")\"", U),
  };
  private static final String[] REPLACEMENTS = {
      "\u2019", "\u201D", "\u201C\u2018", "\u2018\u201C", "\u2019",
      "$1\u2018", "$1\u2019", "$1\u2019$2", "$1\u201C", "\u201D", "$1\u201D",
  };

  private Typography() {}

  /** Notify's typography for plain text (a subject, a plain-text body). */
  static String plain(String text) {
    String s = removeSpaceBeforePunctuation(text);
    s = smartQuotes(s, ' ');
    s = straightenQuotesInEmailAddresses(s);
    return enDashes(s);
  }

  /**
   * False only if {@link #plain} would return the text, still being built, as it is: it has no
   * tab, no space before a comma or full stop, no straight or single smart quote and no dash
   * after white space, the characters each of its rules needs.
   */
  static boolean mayChangePlain(StringBuilder s) {
    for (String trigger : new String[] {"\t", " ,", " .", "'", "\"", "\u2018", "\u2019"}) {
      if (s.indexOf(trigger) >= 0) {
        return true;
      }
    }
    for (String dash : new String[] {"-", "\u2013", "\u2014"}) {
      for (int i = s.indexOf(dash, 1); i > 0; i = s.indexOf(dash, i + 1)) {
        if (isUnicodeWhiteSpace(s.charAt(i - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Notify's typography for HTML: quotes are smartened only in text outside tags and links. */
  static String html(String html) {
    String s = removeSpaceBeforePunctuation(html);
    if (s.indexOf('\'') < 0 && s.indexOf('"') < 0) {
      return enDashes(straightenQuotesInEmailAddresses(s)); // no quotes to smarten
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean inLink = false;
    char previous = ' ';
    int i = 0;
    while (i < s.length()) {
      int lt = s.indexOf('<', i);
      int textEnd = lt < 0 ? s.length() : lt;
      if (textEnd > i) {
        String text = s.substring(i, textEnd);
        out.append(inLink ? text : smartQuotes(text, previous));
        previous = text.charAt(text.length() - 1);
      }
      if (lt < 0) {
        break;
      }
      int gt = s.indexOf('>', lt);
      int tagEnd = gt < 0 ? s.length() : gt + 1;
      String tag = s.substring(lt, tagEnd);
      if (tag.startsWith("<a ") || tag.equals("<a>")) {
        inLink = true;
      } else if (tag.equals("</a>")) {
        inLink = false;
      }
      out.append(tag);
      i = tagEnd;
    }
    return enDashes(straightenQuotesInEmailAddresses(out.toString()));
  }

  /** Removes spaces and tabs before a comma or full stop. */
  static String removeSpaceBeforePunctuation(String s) {
    if (s.indexOf(" ,") < 0 && s.indexOf(" .") < 0 && s.indexOf('\t') < 0) {
      return s;
    }
    return SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("$1");
  }

  /** A hyphen or dash (up to three) with white space either side becomes a spaced en dash. */
  static String enDashes(String s) {
    if (!hasDashAfterWhiteSpace(s)) {
      return s;
    }
    return SPACED_DASH.matcher(s).replaceAll(" \u2013 ");
  }

  private static boolean hasDashAfterWhiteSpace(String s) {
    for (char dash : new char[] {'-', '\u2013', '\u2014'}) {
      for (int i = s.indexOf(dash, 1); i > 0; i = s.indexOf(dash, i + 1)) {
        if (isUnicodeWhiteSpace(s.charAt(i - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * White space as {@code \s} matches it under {@link Pattern#UNICODE_CHARACTER_CLASS}: the
   * Unicode White_Space property.
   */
  static boolean isUnicodeWhiteSpace(int ch) {
    return ((((1 << Character.SPACE_SEPARATOR) | (1 << Character.LINE_SEPARATOR)
        | (1 << Character.PARAGRAPH_SEPARATOR)) >> Character.getType(ch)) & 1) != 0
        || (ch >= 0x9 && ch <= 0xd) || ch == 0x85;
  }

  /** Smart quotes, with the character before this run of text as context. */
  static String smartQuotes(String text, char previous) {
    if (text.indexOf('\'') < 0 && text.indexOf('"') < 0) {
      return text;
    }
    if (text.equals("'") || text.equals("\"")) {
      boolean closing = !Character.isWhitespace(previous);
      if (text.equals("'")) {
        return closing ? "\u2019" : "\u2018";
      }
      return closing ? "\u201D" : "\u201C";
    }
    String s = text;
    for (int r = 0; r < RULES.length; r++) {
      s = RULES[r].matcher(s).replaceAll(REPLACEMENTS[r]);
    }
    return s.replace("'", "\u2018").replace("\"", "\u201C");
  }

  /** Single smart quotes inside anything that looks like an email address become straight. */
  static String straightenQuotesInEmailAddresses(String s) {
    if (s.indexOf('\u2018') < 0 && s.indexOf('\u2019') < 0) {
      return s; // the rule only ever changes these two characters
    }
    Matcher m = EMAIL_LIKE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(
          m.group().replace('\u2018', '\'').replace('\u2019', '\'')));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Stops email clients turning "GOV.UK" into a link, as Notify does, with a zero width space. */
  static String unlinkGovUk(String s) {
    if (!containsGovDot(s)) {
      return s;
    }
    return GOVUK.matcher(s).replaceAll("$1$2$3.\u200B$4");
  }

  /** True if "gov." occurs, ignoring case as {@link #GOVUK} does. */
  static boolean containsGovDot(String s) {
    for (int dot = s.indexOf('.', 3); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      char v = s.charAt(dot - 1);
      if (v < 0x80 && (v | 0x20) != 'v') {
        continue; // in ASCII only V and v match v ignoring case
      }
      if (s.regionMatches(true, dot - 3, "gov", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /** Whitespace on one line: trimmed, runs collapsed to one space, invisible characters removed. */
  static String normaliseWhitespace(String s) {
    if (isNormalised(s)) {
      return s;
    }
    String v = s.replace('\u00A0', ' ');
    for (char c : new char[] {'\u180E', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'}) {
      v = v.replace(String.valueOf(c), "");
    }
    StringBuilder out = new StringBuilder(v.length());
    boolean pendingSpace = false;
    for (int i = 0; i < v.length(); ) {
      int cp = v.codePointAt(i);
      i += Character.charCount(cp);
      if (isWhitespace(cp)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** True for printable ASCII with single spaces between words: nothing to normalise. */
  private static boolean isNormalised(String s) {
    boolean afterSpace = true; // a leading space is not normalised
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (afterSpace) {
          return false;
        }
        afterSpace = true;
      } else if (c > ' ' && c < 0x7F) {
        afterSpace = false;
      } else {
        return false;
      }
    }
    return s.isEmpty() || !afterSpace;
  }

  /** Each line's whitespace normalised; at most one blank line in a row; trimmed. */
  static String normaliseLines(String s) {
    String[] lines = s.split("\\r\\n|\\r|\\n|\\u000B|\\u000C|\\u001C|\\u001D|\\u001E|\\u0085|\\u2028|\\u2029", -1);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(normaliseWhitespace(lines[i]));
    }
    return strip(MANY_NEWLINES.matcher(out).replaceAll("\n\n"));
  }

  static boolean isWhitespace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** The number of whitespace characters the text starts with. */
  static int leadingWhitespace(CharSequence s) {
    int start = 0;
    while (start < s.length() && isWhitespace(s.charAt(start))) {
      start++;
    }
    return start;
  }
}
