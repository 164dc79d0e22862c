package io.civickit.notify.internal.template;

import io.civickit.notify.internal.template.MarkdownBlocks.Block;
import io.civickit.notify.internal.template.MarkdownBlocks.Heading;
import io.civickit.notify.internal.template.MarkdownBlocks.Inset;
import io.civickit.notify.internal.template.MarkdownBlocks.Items;
import io.civickit.notify.internal.template.MarkdownBlocks.Paragraph;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
 * <p>The blocks are read by {@link MarkdownBlocks}; an instance of this class is one renderer
 * of them, to HTML or to plain text, with the inline rules (links, line breaks) of its output.
 * The input of {@link #html} must already be HTML-escaped; that renderer adds tags only.
 */
final class NotifyMarkdown {

  static final int PLAIN_TEXT_WIDTH = 65;
  private static final String PLAIN_RULE = "=".repeat(PLAIN_TEXT_WIDTH);
  private static final String PLAIN_HEADING_RULE = "-".repeat(PLAIN_TEXT_WIDTH);

  /** A horizontal rule (matched by hand in {@link #isRule}). */
  static final Pattern HR = MarkdownBlocks.HR;
  /** A list item (matched by hand in {@link #itemText}). */
  static final Pattern ITEM = MarkdownBlocks.ITEM;
  private static final Pattern INLINE = Pattern.compile(
      "\\\\([\\\\`*{}\\[\\]()#+\\-.!_>~|])" // 1: backslash escape
          + "|!\\[[^\\]]*\\]\\([^)]*\\)" // an image: removed
          + "|\\[([^\\]]*)\\]\\(\\s*<?([^\\s)>]*)>?(?:\\s+[\"']([^\"']*)[\"'])?\\s*\\)" // 2 text, 3 url, 4 title
          + "|(https?://[^\\s<]+[^<.,:\"')\\]\\s])" // 5: bare URL
          + "|( *\\n)"); // 6: hard line break

  /** True for HTML, false for plain text. */
  private final boolean html;
  /** For HTML from markdown that is not escaped yet: {@code &}, {@code <} and {@code >} are escaped as text is copied. */
  private final boolean escape;
  /** The plain-text bullet. */
  private final char bullet;
  /**
   * True once the whole text is known to hold no backslash, bracket or "http": then no part of
   * it needs {@link #INLINE}, only its line breaks made hard.
   */
  private final boolean onlyLineBreaks;

  private NotifyMarkdown(boolean html, boolean escape, char bullet, boolean onlyLineBreaks) {
    this.html = html;
    this.escape = escape;
    this.bullet = bullet;
    this.onlyLineBreaks = onlyLineBreaks;
  }

  /** Renders escaped markdown to HTML. */
  static String html(String escapedMarkdown) {
    String s = MarkdownBlocks.normalise(escapedMarkdown);
    List<Block> blocks = MarkdownBlocks.parse(s);
    StringBuilder out = new StringBuilder(s.length() + (s.length() >> 2) + 16);
    new NotifyMarkdown(true, false, '\u2022', needsOnlyLineBreaks(s)).render(blocks, out);
    return out.toString();
  }

  /** Renders markdown to plain text, as Notify's plain-text email part. */
  static String plain(String markdown) {
    return plainText(markdown).toString();
  }

  /** As {@link #plain}, still in its builder, for a caller to finish without another copy. */
  static StringBuilder plainText(String markdown) {
    String s = MarkdownBlocks.normalise(markdown);
    List<Block> blocks = MarkdownBlocks.parse(s);
    StringBuilder out = new StringBuilder(s.length() + 64);
    new NotifyMarkdown(false, false, '\u2022', needsOnlyLineBreaks(s)).render(blocks, out);
    return out;
  }

  /**
   * Renders markdown to plain text and to HTML from one reading of its blocks, when the HTML
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
    String s = MarkdownBlocks.normalise(markdown);
    if (!needsOnlyLineBreaks(s)) {
      return false;
    }
    List<Block> blocks = MarkdownBlocks.parse(s);
    new NotifyMarkdown(false, false, bullet, true).render(blocks, plain);
    new NotifyMarkdown(true, true, bullet, true).render(blocks, html);
    return true;
  }

  /** {@link MarkdownBlocks#HR} by hand. */
  static boolean isRule(String line) {
    return MarkdownBlocks.isRule(line);
  }

  /** {@link MarkdownBlocks#ITEM} by hand: the text of a list item, or null if the line is not one. */
  static @Nullable String itemText(String line) {
    return MarkdownBlocks.itemText(line);
  }

  private void render(List<Block> blocks, StringBuilder out) {
    for (Block block : blocks) {
      if (block instanceof MarkdownBlocks.Rule) {
        out.append(html ? "<hr>" : "\n\n" + PLAIN_RULE);
      } else if (block instanceof Heading h) {
        heading(h.level(), h.text(), out);
      } else if (block instanceof Paragraph p) {
        paragraph(out, inline(p.text()));
      } else if (block instanceof Inset inset) {
        if (html) {
          out.append("<blockquote>");
        }
        render(inset.blocks(), out);
        if (html) {
          out.append("</blockquote>");
        }
      } else {
        list((Items) block, out);
      }
    }
  }

  private void heading(int level, String text, StringBuilder out) {
    if (level != 1) {
      paragraph(out, inline(text));
    } else if (html) {
      out.append("<h2>").append(inline(text)).append("</h2>");
    } else {
      out.append("\n\n\n").append(inline(text)).append('\n').append(PLAIN_HEADING_RULE);
    }
  }

  private void list(Items list, StringBuilder out) {
    String tag = list.ordered() ? "ol" : "ul";
    if (html) {
      out.append('<').append(tag).append('>');
    } else {
      out.append('\n');
    }
    int number = 1;
    for (String item : list.items()) {
      String text = inline(item.strip());
      if (html) {
        out.append("<li>").append(text).append("</li>");
      } else {
        out.append('\n');
        if (list.ordered()) {
          out.append(number++).append('.');
        } else {
          out.append(bullet);
        }
        out.append(' ').append(text);
      }
    }
    if (html) {
      out.append("</").append(tag).append('>');
    }
  }

  private void paragraph(StringBuilder out, String text) {
    if (!text.isBlank()) {
      if (html) {
        out.append("<p>").append(text).append("</p>");
      } else {
        out.append("\n\n").append(text);
      }
    }
  }

  /** True if of the inline patterns at most the hard line break can match in the text. */
  static boolean needsOnlyLineBreaks(String text) {
    // Every other inline pattern needs a backslash, a bracket or "http".
    return text.indexOf('\\') < 0 && text.indexOf('[') < 0 && !text.contains("http");
  }

  private String inline(String text) {
    if (onlyLineBreaks || needsOnlyLineBreaks(text)) {
      String t = escape ? escaped(text) : text;
      return t.indexOf('\n') < 0 ? t : lineBreaks(t);
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

  /** The text with {@code &}, {@code <} and {@code >} escaped (which leaves spaces and line feeds as they are). */
  private static String escaped(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && text.charAt(i) != '&' && text.charAt(i) != '<' && text.charAt(i) != '>') {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
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
}
