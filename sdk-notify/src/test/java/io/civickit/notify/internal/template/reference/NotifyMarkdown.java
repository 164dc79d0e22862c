package io.civickit.notify.internal.template.reference;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern HR = Pattern.compile("^ {0,3}[-*_](?: *[-*_]){2,} *$");
  private static final Pattern HEADING = Pattern.compile("^ *(#{1,6}) *(.+?) *#* *$");
  private static final Pattern UNDERLINE = Pattern.compile("^ *(=+|-+) *$");
  private static final Pattern INSET = Pattern.compile("^ *\\^ ?(?=.)");
  private static final Pattern ITEM = Pattern.compile("^ *([•*\\-]|\\d+\\.)[ \\t]+(.*)$");
  private static final Pattern INLINE = Pattern.compile(
      "\\\\([\\\\`*{}\\[\\]()#+\\-.!_>~|])" // 1: backslash escape
          + "|!\\[[^\\]]*\\]\\([^)]*\\)" // an image: removed
          + "|\\[([^\\]]*)\\]\\(\\s*<?([^\\s)>]*)>?(?:\\s+[\"']([^\"']*)[\"'])?\\s*\\)" // 2 text, 3 url, 4 title
          + "|(https?://[^\\s<]+[^<.,:\"')\\]\\s])" // 5: bare URL
          + "|( *\\n)"); // 6: hard line break

  private final boolean html;

  private NotifyMarkdown(boolean html) {
    this.html = html;
  }

  /** Renders escaped markdown to HTML. */
  static String html(String escapedMarkdown) {
    return new NotifyMarkdown(true).render(escapedMarkdown);
  }

  /** Renders markdown to plain text, as Notify's plain-text email part. */
  static String plain(String markdown) {
    return new NotifyMarkdown(false).render(markdown);
  }

  private String render(String source) {
    String s = source.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ")
        .replace('\u00A0', ' ').replace('\u2424', '\n');
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        lines.set(i, "");
      }
    }
    return blocks(lines);
  }

  private String blocks(List<String> lines) {
    StringBuilder out = new StringBuilder();
    int n = lines.size();
    int i = 0;
    while (i < n) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        i++;
        continue;
      }
      if (HR.matcher(line).matches()) {
        out.append(rule());
        i++;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        out.append(heading(heading.group(1).length(), heading.group(2)));
        i++;
        continue;
      }
      if (i + 1 < n && UNDERLINE.matcher(lines.get(i + 1)).matches()) {
        out.append(heading(lines.get(i + 1).strip().charAt(0) == '=' ? 1 : 2, line.strip()));
        i += 2;
        continue;
      }
      if (INSET.matcher(line).lookingAt()) {
        int j = i;
        List<String> inner = new ArrayList<>();
        while (j < n) {
          if (!lines.get(j).isEmpty()) {
            inner.add(INSET.matcher(lines.get(j)).replaceFirst(""));
            j++;
            continue;
          }
          int k = j;
          while (k < n && lines.get(k).isEmpty()) {
            k++;
          }
          if (k < n && INSET.matcher(lines.get(k)).lookingAt()) {
            inner.add("");
            j = k;
          } else {
            break;
          }
        }
        out.append(inset(blocks(inner)));
        i = j;
        continue;
      }
      if (ITEM.matcher(line).matches()) {
        i = list(lines, i, out);
        continue;
      }
      int j = i + 1;
      while (j < n && !lines.get(j).isEmpty() && !startsBlock(lines.get(j))) {
        j++;
      }
      out.append(paragraph(inline(String.join("\n", lines.subList(i, j)).strip())));
      i = j;
    }
    return out.toString();
  }

  private static boolean startsBlock(String line) {
    return HR.matcher(line).matches() || HEADING.matcher(line).matches()
        || INSET.matcher(line).lookingAt();
  }

  private int list(List<String> lines, int start, StringBuilder out) {
    int n = lines.size();
    boolean ordered = Character.isDigit(ITEM.matcher(lines.get(start)).replaceFirst("$1").charAt(0));
    List<StringBuilder> items = new ArrayList<>();
    int j = start;
    while (j < n) {
      String line = lines.get(j);
      if (line.isEmpty()) {
        int k = j;
        while (k < n && lines.get(k).isEmpty()) {
          k++;
        }
        if (k < n && ITEM.matcher(lines.get(k)).matches() && !HR.matcher(lines.get(k)).matches()) {
          j = k;
          continue;
        }
        break;
      }
      if (HR.matcher(line).matches()) {
        break;
      }
      Matcher item = ITEM.matcher(line);
      if (item.matches()) {
        items.add(new StringBuilder(item.group(2)));
      } else {
        items.get(items.size() - 1).append('\n').append(line.strip());
      }
      j++;
    }
    StringBuilder body = new StringBuilder();
    int number = 1;
    for (StringBuilder item : items) {
      String text = inline(item.toString().strip());
      if (html) {
        body.append("<li>").append(text).append("</li>");
      } else {
        body.append('\n').append(ordered ? (number++) + "." : "•").append(' ').append(text);
      }
    }
    if (html) {
      String tag = ordered ? "ol" : "ul";
      out.append('<').append(tag).append('>').append(body).append("</").append(tag).append('>');
    } else {
      out.append('\n').append(body);
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

  private String paragraph(String text) {
    if (text.isBlank()) {
      return "";
    }
    return html ? "<p>" + text + "</p>" : "\n\n" + text;
  }

  private String inline(String text) {
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
