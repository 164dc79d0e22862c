package io.civickit.notify.internal.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The block structure of Notify's email markdown, read once: rules, headings, paragraphs, inset
 * text and lists. {@link NotifyMarkdown} renders the blocks to HTML and to plain text; this class
 * only reads them, and never looks inside a block's text (links and line breaks are the
 * renderer's).
 */
final class MarkdownBlocks {

  private MarkdownBlocks() {}

  /** A block of the markdown. */
  sealed interface Block permits Rule, Heading, Paragraph, Inset, Items {}

  /** A horizontal rule. */
  record Rule() implements Block {}

  /** A heading: level 1 is rendered as a heading, other levels as a paragraph. */
  record Heading(int level, String text) implements Block {}

  /** A paragraph's text, stripped, its lines joined with line feeds; possibly empty. */
  record Paragraph(String text) implements Block {}

  /** Inset text and the blocks inside it. */
  record Inset(List<Block> blocks) implements Block {}

  /** A list: each item's text (not yet stripped), its continuation lines joined with line feeds. */
  record Items(boolean ordered, List<String> items) implements Block {}

  private static final Rule RULE = new Rule();

  /** A horizontal rule (matched by hand in {@link #isRule}). */
  static final Pattern HR = Pattern.compile("^ {0,3}[-*_](?: *[-*_]){2,} *$");
  private static final Pattern HEADING = Pattern.compile("^ *(#{1,6}) *(.+?) *#* *$");
  private static final Pattern UNDERLINE = Pattern.compile("^ *(=+|-+) *$");
  private static final Pattern INSET = Pattern.compile("^ *\\^ ?(?=.)");
  /** A list item (matched by hand in {@link #itemText}). */
  static final Pattern ITEM = Pattern.compile("^ *([•*\\-]|\\d+\\.)[ \\t]+(.*)$");

  /** The blocks of {@link #normalise normalised} markdown. */
  static List<Block> parse(String normalised) {
    return parse(lines(normalised));
  }

  /** Line endings, tabs, no-break spaces and the newline symbol as markdown reads them. */
  static String normalise(String source) {
    String s = source;
    if (s.indexOf('\r') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\u00A0') >= 0 || s.indexOf('\u2424') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ")
          .replace('\u00A0', ' ').replace('\u2424', '\n');
    }
    return s;
  }

  private static List<Block> parse(Lines lines) {
    List<Block> out = new ArrayList<>();
    int n = lines.size();
    int i = 0;
    while (i < n) {
      if (lines.isEmpty(i)) {
        i++;
        continue;
      }
      if (lines.isRule(i)) {
        out.add(RULE);
        i++;
        continue;
      }
      if (lines.startsWith(i, '#')) {
        Matcher heading = HEADING.matcher(lines.get(i));
        if (heading.matches()) {
          out.add(new Heading(heading.group(1).length(), heading.group(2)));
          i++;
          continue;
        }
      }
      if (i + 1 < n && lines.isUnderline(i + 1)) {
        out.add(new Heading(lines.get(i + 1).strip().charAt(0) == '=' ? 1 : 2, lines.get(i).strip()));
        i += 2;
        continue;
      }
      if (lines.isInset(i)) {
        List<String> inner = new ArrayList<>();
        int j = insetEnd(lines, i, inner);
        out.add(new Inset(parse(Lines.of(inner))));
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
      out.add(new Paragraph(lines.join(i, j).strip()));
      i = j;
    }
    return out;
  }

  /** Reads the list starting at line {@code start} into {@code out}; returns the first line after it. */
  private static int list(Lines lines, int start, List<Block> out) {
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
    out.add(new Items(ordered, items));
    return j;
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

  private static boolean startsBlock(Lines lines, int i) {
    return lines.isRule(i) || lines.isHeading(i) || lines.isInset(i);
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
      return MarkdownBlocks.indent(text, from[i], to[i]);
    }

    boolean startsWith(int i, char c) {
      int at = indent(i);
      return at < to[i] && text.charAt(at) == c;
    }

    boolean isRule(int i) {
      return MarkdownBlocks.isRule(text, from[i], to[i]);
    }

    int itemStart(int i) {
      return MarkdownBlocks.itemStart(text, from[i], to[i], terminators);
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
}
