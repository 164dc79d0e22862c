package io.civickit.notify.internal.template;

/**
 * What Notify's typography and links look for across the place where two pieces of a plain-text
 * body meet (a plan's run and a value, or a value and a run): white space then a comma, full
 * stop or hyphen, and "http" or "gov." (any case) with characters on both sides of the meeting
 * point. The body is checked piece by piece, without joining it first: a {@code state} says
 * what the text so far ends with, a piece's {@link #head} what it starts with, and the two meet
 * quietly when they share no bit.
 *
 * <p>Patterns that lie wholly inside one piece are not looked for here; the caller checks each
 * piece by itself. Every pattern is at most four characters, so a piece shorter than three
 * characters may sit wholly inside one: {@link #after} then carries the state on through it.
 */
final class Meetings {
  /** Ends with "htt"; as a head, starts with "p". */
  static final int H3 = 1;
  /** Ends with "ht"; as a head, starts with "tp". */
  static final int H2 = 1 << 1;
  /** Ends with "h"; as a head, starts with "ttp". */
  static final int H1 = 1 << 2;
  /** Ends with "gov" (any case); as a head, starts with ".". */
  static final int G3 = 1 << 3;
  /** Ends with "go" (any case); as a head, starts with "v." (any case). */
  static final int G2 = 1 << 4;
  /** Ends with "g" (any case); as a head, starts with "ov." (any case). */
  static final int G1 = 1 << 5;
  /** Ends with white space; as a head, starts with a comma, full stop or hyphen. */
  static final int WHITE = 1 << 6;

  /** Per ASCII character, the letters {@link #step} looks at: 1 h, 2 t, 4 g, 8 o, 16 v, 32 white space. */
  private static final byte[] LETTER = new byte[128];

  static {
    LETTER['h'] = 1;
    LETTER['t'] = 2;
    LETTER['g'] = 4;
    LETTER['G'] = 4;
    LETTER['o'] = 8;
    LETTER['O'] = 8;
    LETTER['v'] = 16;
    LETTER['V'] = 16;
    for (char c : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
      LETTER[c] = 32;
    }
  }

  private Meetings() {}

  /**
   * What the piece starts with, as bits that meet the state of the text before it: the end of a
   * pattern that the text before may have begun. Only what lies wholly in the piece counts; what
   * runs past its end is for {@link #after} and the next piece.
   */
  static int head(CharSequence piece) {
    int n = piece.length();
    if (n == 0) {
      return 0;
    }
    switch (piece.charAt(0)) {
      case 'p':
        return H3;
      case '.':
        return G3 | WHITE;
      case ',', '-':
        return WHITE;
      case 't':
        if (n > 1) {
          char c1 = piece.charAt(1);
          if (c1 == 'p') {
            return H2;
          }
          return c1 == 't' && n > 2 && piece.charAt(2) == 'p' ? H1 : 0;
        }
        return 0;
      case 'v', 'V':
        return n > 1 && piece.charAt(1) == '.' ? G2 : 0;
      case 'o', 'O':
        return n > 2 && (piece.charAt(1) | 0x20) == 'v' && piece.charAt(2) == '.' ? G1 : 0;
      default:
        return 0;
    }
  }

  /**
   * The state of the text once the piece follows text whose state was {@code before}: from the
   * piece's last three characters alone when it has three, else carried on through it.
   */
  static int after(int before, CharSequence piece) {
    int n = piece.length();
    int state = before;
    int from = 0;
    if (n >= 3) {
      state = 0;
      from = n - 3;
    }
    for (int i = from; i < n; i++) {
      state = step(state, piece.charAt(i));
    }
    return state;
  }

  /** The state of the text after one more character. */
  private static int step(int state, char c) {
    int letter;
    if (c < 0x80) {
      letter = LETTER[c];
      if (letter == 0) {
        return 0;
      }
    } else {
      return Typography.isUnicodeWhiteSpace(c) ? WHITE : 0;
    }
    switch (letter) {
      case 1:
        return H1;
      case 2:
        return ((state & H1) != 0 ? H2 : 0) | ((state & H2) != 0 ? H3 : 0);
      case 4:
        return G1;
      case 8:
        return (state & G1) != 0 ? G2 : 0;
      case 16:
        return (state & G2) != 0 ? G3 : 0;
      default:
        return WHITE;
    }
  }
}
