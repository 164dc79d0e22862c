package io.civickit.notify.internal.template;

import io.civickit.notify.internal.template.Placeholders.Parsed;
import io.civickit.notify.internal.template.Placeholders.Placeholder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An email body's markdown block structure, worked out once per template and shape, so that a
 * render only copies text. The shape is what decides the blocks apart from the text of values:
 * whether each conditional is shown and how many items each list has. For a shape, the body is
 * rendered once by {@link NotifyMarkdown#renderBoth} with a stand-in character for each value
 * (and each list item); the two renderings are kept as literal runs between stand-ins.
 *
 * <p>A render may use the plan only with values that markdown cannot tell from their stand-in
 * (see {@link #inert}): printable ASCII, no line break, no white space at either end, at least
 * one letter or digit, none of {@code \ [ #}, and, where the value starts a line, a first
 * character that starts no block. Then markdown treats a value exactly as its stand-in: it
 * cannot make or end a block, is never stripped or split, and only has {@code &}, {@code <} and
 * {@code >} escaped in the HTML. What the whole text decides (a link, "http", "GOV.")
 * is checked on the plain result by the caller. Immutable and thread-safe.
 */
final class BodyPlan {
  /** The first stand-in: a private-use character, which no template text holds (checked). */
  private static final char FIRST = '\uE000';
  /** At most this many stand-ins in one plan. */
  private static final int MOST = 0x1000;

  /** Plain-text runs, {@code plain[0]}, stand-in, {@code plain[1]}, ... */
  private final String[] plain;
  /** The stand-in between each pair of runs, by its number (0 for the first stand-in in the body). */
  private final int[] plainSlots;
  private final String[] html;
  private final int[] htmlSlots;
  /** Where each stand-in's value comes from: the placeholder's index in the body. */
  private final int[] placeholderOf;
  /** The item of that placeholder's list, or -1 for a plain value. */
  private final int[] itemOf;
  /** True where the stand-in starts a line: its value must then start with a letter. */
  private final boolean[] startsLine;
  /** The length of all plain-text runs, and of all HTML runs. */
  private final int plainLength;
  private final int htmlLength;

  /**
   * The plain-text runs as the finished body has them: bullets as {@code •}, the white space the
   * body starts with left out, a line feed at the end. Used when {@link #quietRuns} and the
   * values show that Notify's typography has nothing to change (see {@link #render}).
   */
  private final String[] finished;
  private final int finishedLength;
  /**
   * True if no run, by itself, holds anything typography or links would change: no tab, quote,
   * space before a comma or full stop, dash after white space, "http" or "gov." (any case).
   */
  private final boolean quietRuns;
  /** True if the first run was all white space, left out of {@link #finished}, and a value follows it. */
  private final boolean whiteSpaceBeforeFirstValue;
  /** {@link Meetings#head} of each finished run. */
  private final int[] finishedHead;
  /** {@link Meetings#after} of each finished run of three characters or more, else -1 (see {@link #meetQuietly}). */
  private final int[] finishedTail;
  /** The shape this plan was made for (see {@link #shape(Parsed, Object[])}). */
  private final int[] shape;

  private BodyPlan(int[] shape, String[] plain, int[] plainSlots, String[] html, int[] htmlSlots,
      int[] placeholderOf, int[] itemOf, boolean[] startsLine, char bullet) {
    this.shape = shape.clone();
    this.plain = plain;
    this.plainSlots = plainSlots;
    this.html = html;
    this.htmlSlots = htmlSlots;
    this.placeholderOf = placeholderOf;
    this.itemOf = itemOf;
    this.startsLine = startsLine;
    this.plainLength = Arrays.stream(plain).mapToInt(String::length).sum();
    this.htmlLength = Arrays.stream(html).mapToInt(String::length).sum();
    boolean quiet = true;
    for (String run : plain) {
      quiet &= !Typography.mayChangePlain(new StringBuilder(run)) && !run.contains("http")
          && !Typography.containsGovDot(run);
    }
    this.quietRuns = quiet;
    String[] done = new String[plain.length];
    for (int i = 0; i < plain.length; i++) {
      done[i] = plain[i].replace(bullet, '\u2022');
    }
    int lead = Typography.leadingWhitespace(done[0]);
    this.whiteSpaceBeforeFirstValue = lead > 0 && lead == done[0].length() && plainSlots.length > 0;
    done[0] = done[0].substring(lead);
    done[done.length - 1] = done[done.length - 1] + "\n";
    this.finished = done;
    this.finishedLength = Arrays.stream(done).mapToInt(String::length).sum();
    this.finishedHead = new int[done.length];
    this.finishedTail = new int[done.length];
    for (int i = 0; i < done.length; i++) {
      finishedHead[i] = Meetings.head(done[i]);
      finishedTail[i] = done[i].length() >= 3 ? Meetings.after(0, done[i]) : -1;
    }
  }

  /** True if this plan was made for the shape. */
  boolean isFor(int[] shape) {
    return Arrays.equals(this.shape, shape);
  }

  /**
   * The shape of a render: per placeholder of the body, 0 or 1 for a conditional (hidden,
   * shown), {@code 2 + n} for a list of {@code n} kept items, 1 for any other value; or null if a
   * value is of a kind the plan does not take (an array, a missing value).
   */
  static int @Nullable [] shape(Parsed body, @Nullable Object[] values) {
    Placeholder[] placeholders = body.placeholders();
    int[] shape = new int[placeholders.length];
    for (int i = 0; i < placeholders.length; i++) {
      Placeholder p = placeholders[i];
      Object v = values[p.slot()];
      if (v instanceof String && p.conditional() == null) {
        shape[i] = 1; // the usual case first: a class compare, where the tests below are slower
        continue;
      }
      if (v == null || v instanceof Object[]) {
        return null;
      }
      if (p.conditional() != null) {
        if (!(v instanceof String s) || !TemplateRendering.escapesPlainly(s)) {
          return null;
        }
        shape[i] = NotifyValues.isYes(s) ? 1 : 0;
      } else if (v instanceof Collection<?> items) {
        int kept = 0;
        for (Object item : items) {
          if (item != null && kept(item instanceof String str ? str : NotifyValues.text(item))) {
            kept++;
          }
        }
        shape[i] = 2 + kept;
      } else {
        shape[i] = 1;
      }
    }
    return shape;
  }

  /**
   * Makes the plan of a body for a shape, or returns null if it has none: the body's own text
   * does not escape plainly, holds a stand-in character or something inline beyond line breaks.
   */
  static @Nullable BodyPlan make(Parsed body, int[] shape, char bullet) {
    if (!body.escapesPlainly()) {
      return null;
    }
    String[] literals = body.literals();
    Placeholder[] placeholders = body.placeholders();
    StringBuilder text = new StringBuilder();
    List<int[]> standIns = new ArrayList<>(); // {placeholder, item}
    for (int i = 0; i < placeholders.length; i++) {
      text.append(literals[i]);
      Placeholder p = placeholders[i];
      if (p.conditional() != null) {
        if (shape[i] == 1) {
          text.append(p.conditional());
        }
      } else if (shape[i] >= 2) {
        int items = shape[i] - 2;
        if (items > 0) {
          text.append("\n\n"); // as Placeholders.bullets writes a list
          for (int k = 0; k < items; k++) {
            text.append(k == 0 ? "" : "\n").append("* ").append((char) (FIRST + standIns.size()));
            standIns.add(new int[] {i, k});
          }
        }
      } else {
        text.append((char) (FIRST + standIns.size()));
        standIns.add(new int[] {i, -1});
      }
      if (standIns.size() >= MOST) {
        return null;
      }
    }
    text.append(literals[placeholders.length]).append('\n');
    String markdown = text.toString();
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c == '\r' || c == '\t' || (c >= FIRST && c < FIRST + MOST && !isStandIn(markdown, i, standIns.size()))) {
        return null; // normalising would change the text, or the template holds a stand-in itself
      }
    }
    StringBuilder plainOut = new StringBuilder();
    StringBuilder htmlOut = new StringBuilder();
    if (!NotifyMarkdown.renderBoth(markdown, bullet, plainOut, htmlOut)) {
      return null;
    }
    int n = standIns.size();
    int[] placeholderOf = new int[n];
    int[] itemOf = new int[n];
    boolean[] startsLine = new boolean[n];
    for (int s = 0; s < n; s++) {
      placeholderOf[s] = standIns.get(s)[0];
      itemOf[s] = standIns.get(s)[1];
      int at = markdown.indexOf((char) (FIRST + s));
      int lineStart = markdown.lastIndexOf('\n', at) + 1;
      startsLine[s] = markdown.substring(lineStart, at).chars().allMatch(c -> c == ' ' || (c >= '0' && c <= '9')
          || (c >= FIRST && c < FIRST + MOST));
    }
    List<String> plainRuns = new ArrayList<>();
    List<String> htmlRuns = new ArrayList<>();
    int[] plainSlots = split(plainOut, plainRuns, n);
    int[] htmlSlots = split(htmlOut, htmlRuns, n);
    if (plainSlots == null || htmlSlots == null) {
      return null; // a stand-in was dropped or doubled: this template's markdown is not plain enough
    }
    return new BodyPlan(shape, plainRuns.toArray(new String[0]), plainSlots, htmlRuns.toArray(new String[0]), htmlSlots,
        placeholderOf, itemOf, startsLine, bullet);
  }

  private static boolean isStandIn(String markdown, int at, int count) {
    return markdown.charAt(at) - FIRST < count && markdown.indexOf(markdown.charAt(at)) == at;
  }

  /** Splits a rendering at its stand-ins; null unless each appears exactly once. */
  private static int @Nullable [] split(CharSequence out, List<String> runs, int count) {
    int[] slots = new int[count];
    boolean[] seen = new boolean[count];
    int found = 0;
    int last = 0;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c >= FIRST && c < FIRST + count) {
        int s = c - FIRST;
        if (seen[s]) {
          return null;
        }
        seen[s] = true;
        runs.add(out.subSequence(last, i).toString());
        slots[found++] = s;
        last = i + 1;
      }
    }
    runs.add(out.subSequence(last, out.length()).toString());
    return found == count ? slots : null;
  }

  /**
   * A body rendered with a plan. If {@code finished}, {@code plain} is the finished plain-text
   * body and {@code html} the finished HTML body: Notify's typography would change neither, and
   * neither has a link to make or "GOV.UK" to unlink. Otherwise both are the markdown renderings
   * still to be finished by the caller, the plain text with the plan's bullet.
   */
  record Bodies(StringBuilder plain, StringBuilder html, boolean finished) {}

  /**
   * Renders with this plan, or returns null if a value is not {@link #inert}. The values are
   * checked for what typography and links look at (see {@link #quiet}), and so is each place
   * where a value meets the text around it (see {@link #meetQuietly}); if nothing is found, the
   * bodies come back finished.
   */
  @Nullable Bodies render(Parsed body, @Nullable Object[] values) {
    Placeholder[] placeholders = body.placeholders();
    int n = placeholderOf.length;
    String[] text = new String[n];
    boolean escapeAny = false;
    boolean[] escape = null;
    Iterator<?> items = null;
    int length = 0;
    boolean quiet = quietRuns;
    for (int s = 0; s < n; s++) {
      Object v = values[placeholders[placeholderOf[s]].slot()];
      String value;
      int item = itemOf[s];
      if (item < 0) {
        value = v instanceof String str ? str : NotifyValues.text(v);
      } else {
        // A list's stand-ins follow each other, its items in order (see make).
        if (item == 0) {
          items = ((Collection<?>) v).iterator();
        }
        value = nextKept(items);
      }
      int inert = inert(value, startsLine[s]);
      if (inert < 0) {
        return null;
      }
      if ((inert & ESCAPE) != 0) {
        if (escape == null) {
          escape = new boolean[n];
        }
        escape[s] = true;
        escapeAny = true;
      }
      text[s] = value;
      length += value.length();
      quiet &= (inert & NOISY) == 0;
    }
    StringBuilder htmlOut = new StringBuilder(htmlLength + length + (escapeAny ? length >> 2 : 0));
    htmlOut.append(html[0]);
    for (int i = 0; i < htmlSlots.length; i++) {
      int s = htmlSlots[i];
      if (escapeAny && escape[s]) {
        escape(htmlOut, text[s]);
      } else {
        htmlOut.append(text[s]);
      }
      htmlOut.append(html[i + 1]);
    }
    if (quiet && meetQuietly(text)) {
      StringBuilder done = new StringBuilder(finishedLength + length);
      done.append(finished[0]);
      for (int i = 0; i < plainSlots.length; i++) {
        done.append(text[plainSlots[i]]).append(finished[i + 1]);
      }
      return new Bodies(done, htmlOut, true);
    }
    StringBuilder plainOut = new StringBuilder(plainLength + length + 1);
    plainOut.append(plain[0]);
    for (int i = 0; i < plainSlots.length; i++) {
      plainOut.append(text[plainSlots[i]]).append(plain[i + 1]);
    }
    return new Bodies(plainOut, htmlOut, false);
  }

  /**
   * True if an inert value holds nothing that Notify's typography or links look at: no quote,
   * no space before a comma, full stop or hyphen, no "http" and no "gov." in any case. (An inert
   * value is printable ASCII with no space at either end, so no tab or other white space.)
   */
  static boolean quiet(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (noisyAt(value, i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if the character at {@code i} is one {@link #quiet} refuses there: a quote, a comma,
   * full stop or hyphen after a space, the "p" of "http" or the "." of "gov." (any case).
   */
  private static boolean noisyAt(String value, int i) {
    switch (value.charAt(i)) {
      case '\'', '"':
        return true;
      case ',', '-':
        return i > 0 && value.charAt(i - 1) == ' ';
      case '.':
        return i > 0 && value.charAt(i - 1) == ' ' || i >= 3 && value.regionMatches(true, i - 3, "gov", 0, 3);
      case 'p':
        return i >= 3 && value.startsWith("htt", i - 3);
      default:
        return false;
    }
  }

  /**
   * True if no value meets the text around it in a way typography or links look at: white space
   * then a comma, full stop or hyphen, or "http" or "gov." (any case) across the meeting point.
   * Both the runs and the values are quiet by themselves, so only these can start at a meeting;
   * the finished body they would make is walked piece by piece ({@link Meetings}), unjoined.
   */
  private boolean meetQuietly(String[] text) {
    int state = whiteSpaceBeforeFirstValue ? Meetings.WHITE : 0;
    for (int i = 0; i < plainSlots.length; i++) {
      if ((state & finishedHead[i]) != 0) {
        return false;
      }
      state = finishedTail[i] >= 0 ? finishedTail[i] : Meetings.after(state, finished[i]);
      String value = text[plainSlots[i]];
      if ((state & Meetings.head(value)) != 0) {
        return false;
      }
      state = Meetings.after(state, value);
    }
    return (state & finishedHead[plainSlots.length]) == 0;
  }

  /** Appends text with {@code &}, {@code <} and {@code >} escaped, as {@link NotifyMarkdown} does. */
  private static void escape(StringBuilder out, String v) {
    int last = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '&' || c == '<' || c == '>') {
        out.append(v, last, i).append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
        last = i + 1;
      }
    }
    out.append(v, last, v.length());
  }

  /**
   * A list's next item as {@link Placeholders} keeps it for markdown: as text, trimmed, empty
   * ones skipped. The shape counted the items kept, so there is one for each stand-in.
   */
  private static String nextKept(Iterator<?> items) {
    while (true) {
      Object item = items.next();
      if (item != null) {
        String s = item instanceof String str ? str : NotifyValues.text(item);
        if (kept(s)) {
          return NotifyValues.trimAscii(s);
        }
      }
    }
  }

  /** True if a list item's text is kept: it has a character that is not ASCII white space. */
  private static boolean kept(String item) {
    return !item.isEmpty() && !NotifyValues.isAsciiWhitespace(item.charAt(0))
        || !NotifyValues.trimAscii(item).isEmpty();
  }

  /**
   * {@link #inert}: the value is not inert, or is: then with {@link #ESCAPE} set if it has
   * {@code &}, {@code <} or {@code >} to escape, and {@link #NOISY} if it is not {@link #quiet}.
   */
  static final int NOT_INERT = -1;
  static final int INERT = 0;
  static final int ESCAPE = 1;
  static final int NOISY = 2;

  /**
   * Per ASCII character: 0 never in an inert value, 1 allowed, 2 a letter or digit, 4 to escape,
   * 8 looked at by {@link #quiet}.
   */
  private static final byte[] KIND = new byte[128];

  static {
    for (char c = 0x20; c < 0x7F; c++) {
      KIND[c] = (byte) (Character.isLetterOrDigit(c) ? 2 : 1);
    }
    KIND['\\'] = 0;
    KIND['['] = 0;
    KIND['#'] = 0;
    KIND['&'] = 4;
    KIND['<'] = 4;
    KIND['>'] = 4;
    for (char c : new char[] {'\'', '"', ',', '.', '-', 'p'}) {
      KIND[c] |= 8;
    }
  }

  /**
   * Whether markdown treats the value as it treats its stand-in: printable ASCII (so HTML
   * escaping is only {@code &}, {@code <}, {@code >}, and no complete character reference can
   * be kept), no white space at either end (nothing to strip), at least one letter or digit (a
   * line holding it is no rule or underline), none of {@code \ [} (nothing inline) nor {@code #}
   * (a heading drops its closing ones), and, where it starts a line, a letter first (it starts
   * no heading, list, inset or rule). Whether it is {@link #quiet} is found in the same pass.
   *
   * @return {@link #NOT_INERT}, or {@link #INERT} with {@link #ESCAPE} and {@link #NOISY} as they apply
   */
  static int inert(String value, boolean startsLine) {
    int n = value.length();
    if (n == 0 || value.charAt(0) == ' ' || value.charAt(n - 1) == ' ') {
      return NOT_INERT;
    }
    char first = value.charAt(0);
    if (startsLine && !((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return NOT_INERT;
    }
    int seen = 0; // the kinds seen
    boolean noisy = false;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      int kind = c < 0x80 ? KIND[c] : 0;
      if (kind == 0) {
        return NOT_INERT;
      }
      seen |= kind;
      if ((kind & 8) != 0 && !noisy) {
        noisy = noisyAt(value, i);
      }
    }
    if ((seen & 2) == 0) {
      return NOT_INERT;
    }
    int result = noisy ? NOISY : INERT;
    if ((seen & 4) != 0) { // an & must not start a character reference, which escaping would keep
      return TemplateRendering.escapesPlainly(value) ? result | ESCAPE : NOT_INERT;
    }
    return result;
  }

  @Override
  public String toString() {
    return "BodyPlan" + Arrays.toString(plain);
  }
}
