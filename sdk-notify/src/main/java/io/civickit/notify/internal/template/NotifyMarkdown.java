package io.civickit.notify.internal.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Notify's email markdown subset, to HTML or to plain text: a level-1 heading ({@code #}),
 * bullets ({@code *}, {@code -}, {@code •}), numbered lists ({@code 1.}), inset text
 * ({@code ^}), a horizontal rule ({@code ---}), links ({@code [text](url)} and bare URLs) and
 * hard line breaks. Emphasis, code and images are not part of the subset: emphasis markers
 * stay as typed, images disappear. Other heading levels render as paragraphs.
 *
 * <p>The input of {@link #html} must already be HTML-escaped; this class adds tags only.
 */
final class NotifyMarkdown {

  static final int PLAIN_TEXT_WIDTH = 65;
  private static final String PLAIN_RULE = "=".repeat(PLAIN_TEXT_WIDTH);
  private static final char[] ESCAPED = {'&', '<', '>'};
  private static final String PLAIN_HEADING_RULE = "-".repeat(PLAIN_TEXT_WIDTH);

  /** A horizontal rule (matched by hand in {@link #isRule}). */
  static final Pattern HR = Pattern.compile("^ {0,3}[-*_](?: *[-*_]){2,} *$");
  private static final Pattern HEADING = Pattern.compile("^ *(#{1,6}) *(.+?) *#* *$");
  private static final Pattern UNDERLINE = Pattern.compile("^ *(=+|-+) *$");
  private static final Pattern INSET = Pattern.compile("^ *\\^ ?(?=.)");
  /** A list item (matched by hand in {@link #itemText}). */
  static final Pattern ITEM = Pattern.compile("^ *([•*\\-]|\\d+\\.)[ \\t]+(.*)$");
  private static final Pattern INLINE = Pattern.compile(
      "\\\\([\\\\`*{}\\[\\]()#+\\-.!_>~|])" // 1: backslash escape
          + "|!\\[[^\\]]*\\]\\([^)]*\\)" // an image: removed
          + "|\\[([^\\]]*)\\]\\(\\s*<?([^\\s)>]*)>?(?:\\s+[\"']([^\"']*)[\"'])?\\s*\\)" // 2 text, 3 url, 4 title
          + "|(https?://[^\\s<]+[^<.,:\"')\\]\\s])" // 5: bare URL
          + "|( *\\n)"); // 6: hard line break

  private final boolean html;

  /** For {@link #renderBoth}: the plain-text bullet. */
  private char bullet = '\u2022';
  /** For {@link #renderBoth}: the text whose {@code &}, {@code <} and {@code >} are found. */
  private @Nullable String escapesIn;
  /** Their offsets in it, in order. */
  private int[] escapes = new int[0];
  private int escapeCount;

  /**
   * True once the whole text is known to hold no backslash, bracket or "http": then no part of
   * it (each is a piece of the text, lines joined by line feeds) needs {@link #INLINE}.
   */
  private boolean onlyLineBreaks;

  private NotifyMarkdown(boolean html) {
    this.html = html;
  }

  /** Renders escaped markdown to HTML. */
  static String html(String escapedMarkdown) {
    return new NotifyMarkdown(true).render(escapedMarkdown).toString();
  }

  /** Renders markdown to plain text, as Notify's plain-text email part. */
  static String plain(String markdown) {
    return plainText(markdown).toString();
  }

  /** As {@link #plain}, still in its builder, for a caller to finish without another copy. */
  static StringBuilder plainText(String markdown) {
    return new NotifyMarkdown(false).render(markdown);
  }

  /**
   * Renders markdown to plain text and to HTML in one pass over its blocks, when the HTML
   * rendering's input would be this markdown with only {@code &}, {@code <} and {@code >}
   * escaped (as {@link TemplateRendering#escapesPlainly} guarantees for each of its parts): the
   * escaping then changes no block, and the text of each block is escaped as it is copied.
   * Appends {@link #plainText} of the markdown to {@code plain} and {@link #html} of its escaped
   * form to {@code html}, or returns false, appending nothing, if the text has anything inline
   * other than line breaks (a backslash, a bracket or "http"), where the two renderings differ.
   * Bullets in the plain text are {@code bullet}: {@code •} as Notify has it, or a character
   * the text does not hold, for the caller to replace.
   */
  static boolean renderBoth(String markdown, char bullet, StringBuilder plain, StringBuilder html) {
    String s = normalise(markdown);
    if (!needsOnlyLineBreaks(s)) {
      return false;
    }
    NotifyMarkdown both = new NotifyMarkdown(false);
    both.onlyLineBreaks = true;
    both.bullet = bullet;
    both.blocks(lines(s), plain, html);
    return true;
  }

  /** Line endings, tabs, no-break spaces and the newline symbol as markdown reads them. */
  private static String normalise(String source) {
    String s = source;
    if (s.indexOf('\r') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\u00A0') >= 0 || s.indexOf('\u2424') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ")
          .replace('\u00A0', ' ').replace('\u2424', '\n');
    }
    return s;
  }

  private StringBuilder render(String source) {
    String s = normalise(source);
    onlyLineBreaks = needsOnlyLineBreaks(s);
    return blocks(lines(s));
  }

  /** The lines of normalised text. */
  private static Lines lines(String s) {
    int[] from = new int[(s.length() >> 5) + 8];
    int[] to = new int[from.length];
    int count = 0;
    int start = 0;
    while (true) {
      int nl = s.indexOf('\n', start);
      int end = nl < 0 ? s.length() : nl;
      if (count == from.length) {
        from = Arrays.copyOf(from, 2 * count);
        to = Arrays.copyOf(to, 2 * count);
      }
      from[count] = start;
      to[count] = isBlank(s, start, end) ? start : end; // a blank line counts as empty
      count++;
      if (nl < 0) {
        return new Lines(s, from, to, count);
      }
      start = end + 1;
    }
  }

  /** As {@link String#isBlank()} of the characters from {@code from} to {@code to}. */
  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false; // a surrogate is never white space, as its code point is not
      }
    }
    return true;
  }

  /**
   * The lines of a text as offsets into it, so that testing a line for a block needs no copy of
   * it. An empty line has {@code from == to}. Consecutive lines are one line feed apart in the
   * text, so a run of them is one substring.
   */
  private static final class Lines {
    private final String text;
    private final int[] from;
    private final int[] to;
    private final int size;
    /**
     * False if the text holds no line terminator other than the line feeds between its lines
     * (a list item may not, as {@link #ITEM}'s {@code .} does not match one).
     */
    private final boolean terminators;

    /** The first {@code size} lines of the text, from and to each offset. */
    Lines(String text, int[] from, int[] to, int size) {
      this.text = text;
      this.from = from;
      this.to = to;
      this.size = size;
      this.terminators = text.indexOf('\r') >= 0 || text.indexOf('\u0085') >= 0
          || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
    }

    /** The lines as they are, joined with line feeds. */
    static Lines of(List<String> lines) {
      String text = String.join("\n", lines);
      int[] from = new int[lines.size()];
      int[] to = new int[lines.size()];
      int at = 0;
      for (int i = 0; i < lines.size(); i++) {
        from[i] = at;
        to[i] = at + lines.get(i).length();
        at = to[i] + 1;
      }
      return new Lines(text, from, to, from.length);
    }

    int size() {
      return size;
    }

    boolean isEmpty(int i) {
      return from[i] == to[i];
    }

    String get(int i) {
      return text.substring(from[i], to[i]);
    }

    /** Lines {@code start} to {@code end} (exclusive), none of them empty, joined with line feeds. */
    String join(int start, int end) {
      return text.substring(from[start], to[end - 1]);
    }

    int indent(int i) {
      return NotifyMarkdown.indent(text, from[i], to[i]);
    }

    boolean startsWith(int i, char c) {
      int at = indent(i);
      return at < to[i] && text.charAt(at) == c;
    }

    boolean isRule(int i) {
      return NotifyMarkdown.isRule(text, from[i], to[i]);
    }

    int itemStart(int i) {
      return NotifyMarkdown.itemStart(text, from[i], to[i], terminators);
    }

    boolean isUnderline(int i) {
      int at = indent(i);
      if (at >= to[i]) {
        return false;
      }
      char c = text.charAt(at);
      return (c == '=' || c == '-') && UNDERLINE.matcher(get(i)).matches();
    }

    boolean isInset(int i) {
      return startsWith(i, '^') && INSET.matcher(get(i)).lookingAt();
    }

    boolean isHeading(int i) {
      return startsWith(i, '#') && HEADING.matcher(get(i)).matches();
    }
  }

  private StringBuilder blocks(Lines lines) {
    StringBuilder out = new StringBuilder(lines.text.length() + 8 * lines.size() + 16);
    int n = lines.size();
    int i = 0;
    while (i < n) {
      if (lines.isEmpty(i)) {
        i++;
        continue;
      }
      if (lines.isRule(i)) {
        out.append(rule());
        i++;
        continue;
      }
      if (lines.startsWith(i, '#')) {
        Matcher heading = HEADING.matcher(lines.get(i));
        if (heading.matches()) {
          out.append(heading(heading.group(1).length(), heading.group(2)));
          i++;
          continue;
        }
      }
      if (i + 1 < n && lines.isUnderline(i + 1)) {
        out.append(heading(lines.get(i + 1).strip().charAt(0) == '=' ? 1 : 2, lines.get(i).strip()));
        i += 2;
        continue;
      }
      if (lines.isInset(i)) {
        List<String> inner = new ArrayList<>();
        int j = insetEnd(lines, i, inner);
        out.append(inset(blocks(Lines.of(inner)).toString()));
        i = j;
        continue;
      }
      if (lines.itemStart(i) >= 0) {
        i = list(lines, i, out);
        continue;
      }
      int j = i + 1;
      while (j < n && !lines.isEmpty(j) && !startsBlock(lines, j)) {
        j++;
      }
      if (j == i + 1 && onlyLineBreaks) {
        paragraph(out, lines, i); // one line with nothing inline: copied as it is, stripped
      } else {
        paragraph(out, inline(lines.join(i, j).strip()));
      }
      i = j;
    }
    return out;
  }

  /**
   * {@link #blocks(Lines)} to plain text and to HTML at once, block by block in the same order
   * and by the same tests, for {@link #renderBoth}: only line breaks are inline, so each block's
   * text is copied, escaped for HTML, with its line breaks made hard.
   */
  private void blocks(Lines lines, StringBuilder plain, StringBuilder html) {
    int n = lines.size();
    int i = 0;
    while (i < n) {
      if (lines.isEmpty(i)) {
        i++;
        continue;
      }
      if (lines.isRule(i)) {
        plain.append("\n\n").append(PLAIN_RULE);
        html.append("<hr>");
        i++;
        continue;
      }
      if (lines.startsWith(i, '#')) {
        Matcher heading = HEADING.matcher(lines.get(i));
        if (heading.matches()) {
          heading(heading.group(1).length(), heading.group(2), plain, html);
          i++;
          continue;
        }
      }
      if (i + 1 < n && lines.isUnderline(i + 1)) {
        heading(lines.get(i + 1).strip().charAt(0) == '=' ? 1 : 2, lines.get(i).strip(), plain, html);
        i += 2;
        continue;
      }
      if (lines.isInset(i)) {
        List<String> inner = new ArrayList<>();
        int j = insetEnd(lines, i, inner);
        html.append("<blockquote>");
        blocks(Lines.of(inner), plain, html);
        html.append("</blockquote>");
        i = j;
        continue;
      }
      if (lines.itemStart(i) >= 0) {
        i = list(lines, i, plain, html);
        continue;
      }
      int j = i + 1;
      while (j < n && !lines.isEmpty(j) && !startsBlock(lines, j)) {
        j++;
      }
      String text = lines.text;
      int start = lines.from[i];
      int end = lines.to[j - 1];
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      if (start < end && j == i + 1) { // one line: no line break to look for
        append(plain.append("\n\n"), text, start, end, false);
        append(html.append("<p>"), text, start, end, true).append("</p>");
      } else if (start < end) { // stripped and not empty, so not blank
        lineBreaks(plain.append("\n\n"), text, start, end, false);
        lineBreaks(html.append("<p>"), text, start, end, true).append("</p>");
      }
      i = j;
    }
  }

  /** {@link #heading(int, String)} to plain text and to HTML, for text with nothing inline. */
  private void heading(int level, String text, StringBuilder plain, StringBuilder html) {
    int end = text.length();
    if (level != 1) {
      if (!text.isBlank()) {
        lineBreaks(plain.append("\n\n"), text, 0, end, false);
        lineBreaks(html.append("<p>"), text, 0, end, true).append("</p>");
      }
      return;
    }
    lineBreaks(plain.append("\n\n\n"), text, 0, end, false).append('\n').append(PLAIN_HEADING_RULE);
    lineBreaks(html.append("<h2>"), text, 0, end, true).append("</h2>");
  }

  /** {@link #list(Lines, int, StringBuilder)} to plain text and to HTML, items straight from the text. */
  private int list(Lines lines, int start, StringBuilder plain, StringBuilder html) {
    int n = lines.size();
    String source = lines.text;
    boolean ordered = Character.isDigit(source.charAt(lines.indent(start)));
    // Each item as its start and end in the source, or as a string once a line continues it.
    int count = 0;
    int[] from = new int[8];
    int[] to = new int[8];
    @Nullable String[] joined = new String[8];
    int j = start;
    while (j < n) {
      if (lines.isEmpty(j)) {
        int k = j;
        while (k < n && lines.isEmpty(k)) {
          k++;
        }
        if (k < n && lines.itemStart(k) >= 0 && !lines.isRule(k)) {
          j = k;
          continue;
        }
        break;
      }
      if (lines.isRule(j)) {
        break;
      }
      int item = lines.itemStart(j);
      if (item >= 0) {
        if (count == from.length) {
          from = Arrays.copyOf(from, 2 * count);
          to = Arrays.copyOf(to, 2 * count);
          joined = Arrays.copyOf(joined, 2 * count);
        }
        from[count] = item;
        to[count] = lines.to[j];
        joined[count] = null;
        count++;
      } else {
        int last = count - 1;
        String previous = joined[last] != null ? joined[last] : source.substring(from[last], to[last]);
        joined[last] = previous + "\n" + lines.get(j).strip();
      }
      j++;
    }
    String tag = ordered ? "ol" : "ul";
    plain.append('\n');
    html.append('<').append(tag).append('>');
    for (int k = 0; k < count; k++) {
      String text = joined[k] != null ? joined[k] : source;
      int s = joined[k] != null ? 0 : from[k];
      int e = joined[k] != null ? text.length() : to[k];
      while (s < e && Character.isWhitespace(text.charAt(s))) { // as String.strip()
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      plain.append('\n');
      if (ordered) {
        plain.append(k + 1).append('.');
      } else {
        plain.append(bullet);
      }
      if (joined[k] == null) { // one line: no line break to look for
        append(plain.append(' '), text, s, e, false);
        append(html.append("<li>"), text, s, e, true).append("</li>");
      } else {
        lineBreaks(plain.append(' '), text, s, e, false);
        lineBreaks(html.append("<li>"), text, s, e, true).append("</li>");
      }
    }
    html.append("</").append(tag).append('>');
    return j;
  }

  /**
   * Appends the text from {@code from} to {@code to} as {@link #lineBreaks(String)} renders it,
   * for HTML with {@code &}, {@code <} and {@code >} escaped.
   */
  private StringBuilder lineBreaks(StringBuilder out, String text, int from, int to, boolean html) {
    int last = from;
    for (int nl = text.indexOf('\n', from); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1)) {
      int start = nl;
      while (start > last && text.charAt(start - 1) == ' ') {
        start--;
      }
      append(out, text, last, start, html).append(html ? "<br>" : "\n");
      last = nl + 1;
    }
    return append(out, text, last, to, html);
  }

  /** Appends the text from {@code from} to {@code to}, for HTML with {@code &}, {@code <} and {@code >} escaped. */
  private StringBuilder append(StringBuilder out, String text, int from, int to, boolean html) {
    if (!html) {
      return out.append(text, from, to);
    }
    if (text != escapesIn) {
      findEscapes(text);
    }
    int last = from;
    int k = 0;
    while (k < escapeCount && escapes[k] < from) {
      k++;
    }
    for (; k < escapeCount && escapes[k] < to; k++) {
      int i = escapes[k];
      char c = text.charAt(i);
      out.append(text, last, i).append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
      last = i + 1;
    }
    return out.append(text, last, to);
  }

  /** Finds the offsets of {@code &}, {@code <} and {@code >} in the text, for {@link #append}. */
  private void findEscapes(String text) {
    int count = 0;
    for (char c : ESCAPED) {
      for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
        if (count == escapes.length) {
          escapes = Arrays.copyOf(escapes, 2 * count + 8);
        }
        escapes[count++] = i;
      }
    }
    Arrays.sort(escapes, 0, count);
    escapeCount = count;
    escapesIn = text;
  }

  private static boolean startsBlock(Lines lines, int i) {
    return lines.isRule(i) || lines.isHeading(i) || lines.isInset(i);
  }

  // Each block test first looks at the line's first character other than a space, which every
  // block pattern fixes, and runs its pattern only when that character can start the block.

  /** The index of the first character other than a space from {@code from}, or {@code to}. */
  private static int indent(String text, int from, int to) {
    int i = from;
    while (i < to && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** {@link #HR} by hand: up to three spaces, then three or more of - * _ among spaces. */
  static boolean isRule(String line) {
    return isRule(line, 0, line.length());
  }

  private static boolean isRule(String text, int from, int to) {
    int i = indent(text, from, to);
    if (i - from > 3 || i >= to) {
      return false;
    }
    int marks = 0;
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c == '-' || c == '*' || c == '_') {
        marks++;
      } else if (c != ' ') {
        return false;
      }
    }
    return marks >= 3;
  }

  /**
   * {@link #ITEM} by hand: the text of a list item (its second group), or null if the line is
   * not one. The marker is a bullet or digits and a full stop, then spaces or tabs; the text
   * runs to the end of the line and, as {@code .} requires, holds no line terminator.
   */
  static @Nullable String itemText(String line) {
    int start = itemStart(line, 0, line.length(), true);
    return start < 0 ? null : line.substring(start);
  }

  /**
   * Where the text of the list item from {@code from} to {@code to} starts, or -1. Unless
   * {@code terminators}, the text is known to hold no line terminator.
   */
  private static int itemStart(String text, int from, int to, boolean terminators) {
    int i = indent(text, from, to);
    if (i >= to) {
      return -1;
    }
    char c = text.charAt(i);
    if (c == '\u2022' || c == '*' || c == '-') {
      i++;
    } else if (c >= '0' && c <= '9') {
      while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      if (i >= to || text.charAt(i) != '.') {
        return -1;
      }
      i++;
    } else {
      return -1;
    }
    int gap = i;
    while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i == gap) {
      return -1;
    }
    for (int j = i; terminators && j < to; j++) {
      char t = text.charAt(j);
      if (t == '\n' || t == '\r' || t == '\u0085' || t == '\u2028' || t == '\u2029') {
        return -1;
      }
    }
    return i;
  }

  private int list(Lines lines, int start, StringBuilder out) {
    int n = lines.size();
    boolean ordered = Character.isDigit(lines.text.charAt(lines.indent(start)));
    List<String> items = new ArrayList<>();
    int j = start;
    while (j < n) {
      if (lines.isEmpty(j)) {
        int k = j;
        while (k < n && lines.isEmpty(k)) {
          k++;
        }
        if (k < n && lines.itemStart(k) >= 0 && !lines.isRule(k)) {
          j = k;
          continue;
        }
        break;
      }
      if (lines.isRule(j)) {
        break;
      }
      int item = lines.itemStart(j);
      if (item >= 0) {
        items.add(lines.text.substring(item, lines.to[j]));
      } else {
        items.set(items.size() - 1, items.get(items.size() - 1) + "\n" + lines.get(j).strip());
      }
      j++;
    }
    String tag = ordered ? "ol" : "ul";
    out.append(html ? "<" + tag + ">" : "\n");
    int number = 1;
    for (String item : items) {
      String text = inline(item.strip());
      if (html) {
        out.append("<li>").append(text).append("</li>");
      } else {
        out.append('\n');
        if (ordered) {
          out.append(number++).append('.');
        } else {
          out.append('•');
        }
        out.append(' ').append(text);
      }
    }
    if (html) {
      out.append("</").append(tag).append('>');
    }
    return j;
  }

  private String heading(int level, String text) {
    if (level != 1) {
      return paragraph(inline(text));
    }
    return html
        ? "<h2>" + inline(text) + "</h2>"
        : "\n\n\n" + inline(text) + "\n" + "-".repeat(PLAIN_TEXT_WIDTH);
  }

  private String rule() {
    return html ? "<hr>" : paragraph("=".repeat(PLAIN_TEXT_WIDTH));
  }

  private String inset(String inner) {
    return html ? "<blockquote>" + inner + "</blockquote>" : inner;
  }

  /** Appends {@link #paragraph(String)} of the text. */
  /**
   * Appends {@link #paragraph(String)} of one line that {@link #inline} would leave as it is,
   * straight from the text: the line stripped as {@link String#strip()} does.
   */
  private void paragraph(StringBuilder out, Lines lines, int i) {
    int start = lines.from[i];
    int end = lines.to[i];
    while (start < end && Character.isWhitespace(lines.text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(lines.text.charAt(end - 1))) {
      end--;
    }
    if (start < end) { // stripped and not empty, so not blank
      out.append(html ? "<p>" : "\n\n").append(lines.text, start, end);
      if (html) {
        out.append("</p>");
      }
    }
  }

  private void paragraph(StringBuilder out, String text) {
    if (!text.isBlank()) {
      out.append(html ? "<p>" : "\n\n").append(text);
      if (html) {
        out.append("</p>");
      }
    }
  }

  private String paragraph(String text) {
    if (text.isBlank()) {
      return "";
    }
    return html ? "<p>" + text + "</p>" : "\n\n" + text;
  }

  /** True if of the inline patterns at most the hard line break can match in the text. */
  private static boolean needsOnlyLineBreaks(String text) {
    // Every other inline pattern needs a backslash, a bracket or "http".
    return text.indexOf('\\') < 0 && text.indexOf('[') < 0 && !text.contains("http");
  }

  private String inline(String text) {
    if (onlyLineBreaks || needsOnlyLineBreaks(text)) {
      return text.indexOf('\n') < 0 ? text : lineBreaks(text);
    }
    Matcher m = INLINE.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      if (m.group(1) != null) {
        out.append(m.group(1));
      } else if (m.group(3) != null) {
        out.append(link(m.group(3), m.group(4), inline(m.group(2))));
      } else if (m.group(5) != null) {
        out.append(html ? "<a href=\"" + percentEncode(m.group(5)) + "\">" + m.group(5) + "</a>" : m.group(5));
      } else if (m.group(6) != null) {
        out.append(html ? "<br>" : "\n");
      }
      // an image: nothing
      last = m.end();
    }
    out.append(text.substring(last));
    return out.toString();
  }

  /** Each line break, with the spaces before it, as a hard line break. */
  private String lineBreaks(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int last = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      int start = nl;
      while (start > last && text.charAt(start - 1) == ' ') {
        start--;
      }
      out.append(text, last, start).append(html ? "<br>" : "\n");
      last = nl + 1;
    }
    return out.append(text, last, text.length()).toString();
  }

  private String link(String url, String title, String content) {
    if (!html) {
      return content + (title == null || title.isEmpty() ? "" : " (" + title + ")") + ": " + url;
    }
    String href = safeHref(url);
    return "<a href=\"" + href + "\""
        + (title == null || title.isEmpty() ? "" : " title=\"" + attribute(title) + "\"")
        + ">" + content + "</a>";
  }

  /**
   * A link target as written, if it is safe: an http, https, mailto or tel URL, or one without a
   * scheme. Anything else (javascript:, data:, or a scheme hidden behind a character reference
   * such as {@code &#x6a;avascript:} or {@code javascript&colon;}) becomes an empty target.
   */
  static String safeHref(String url) {
    String u = url.strip();
    int end = u.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int at = u.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String head = u.substring(0, end);
    if (head.indexOf('&') >= 0) {
      return "";
    }
    int colon = head.indexOf(':');
    if (colon >= 0) {
      String scheme = head.substring(0, colon).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("mailto") && !scheme.equals("tel")) {
        return "";
      }
    }
    return attribute(u);
  }

  private static String attribute(String escapedText) {
    return escapedText.replace("\"", "&#34;").replace("'", "&#39;");
  }

  /** Percent-decodes, then percent-encodes everything outside URL-safe characters. */
  static String percentEncode(String url) {
    byte[] decoded = percentDecode(url);
    StringBuilder out = new StringBuilder(decoded.length + 8);
    for (byte b : decoded) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "_.-~:/?#=&;".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static byte[] percentDecode(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '%' && i + 2 < utf8.length
          && Character.digit(utf8[i + 1], 16) >= 0 && Character.digit(utf8[i + 2], 16) >= 0) {
        out.write(Character.digit(utf8[i + 1], 16) * 16 + Character.digit(utf8[i + 2], 16));
        i += 2;
      } else {
        out.write(utf8[i]);
      }
    }
    return out.toByteArray();
  }

  /**
   * Reads an inset block starting at line {@code i}: its lines without their {@code ^} marker go
   * into {@code inner} (blank lines between two inset lines kept as one empty line).
   *
   * @return the index of the first line after the block
   */
  private static int insetEnd(Lines lines, int i, List<String> inner) {
    int n = lines.size();
    int j = i;
    while (j < n) {
      if (!lines.isEmpty(j)) {
        inner.add(INSET.matcher(lines.get(j)).replaceFirst(""));
        j++;
        continue;
      }
      int k = j;
      while (k < n && lines.isEmpty(k)) {
        k++;
      }
      if (k < n && lines.isInset(k)) {
        inner.add("");
        j = k;
      } else {
        break;
      }
    }
    return j;
  }
}
