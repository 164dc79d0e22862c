package io.civickit.forms.internal.lint;

import io.civickit.forms.lint.LintProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders problems as their places appear in a form file: by JSON path, fields in format order. */
public final class DocumentOrder {
  private static final List<String> FIELDS = List.of("$schema", "id", "version", "from", "condition", "to", "type",
      "outcome", "title", "label", "body", "hint", "errorNoun", "errorMessages", "section", "sections", "required",
      "showIf", "maxLength", "min", "max", "value", "options", "dateRule", "maxFileBytes", "fileTypes", "items",
      "minItems", "maxItems", "questions", "pages", "routes", "ends", "en", "cy");
  private static final Pattern TOKEN = Pattern.compile("\\.([A-Za-z_$][A-Za-z0-9_$]*)|\\[(\\d+)]|\\['((?:[^'\\\\]|\\\\.)*)']");

  /** Compares problems by the document position of their paths; stable for equal paths. */
  public static final Comparator<LintProblem> COMPARATOR = (a, b) -> compare(a.path(), b.path());

  private DocumentOrder() {}

  /**
   * @param problems problems in any order
   * @return them in document order (equal paths keep their order)
   */
  public static List<LintProblem> sort(List<LintProblem> problems) {
    List<LintProblem> out = new ArrayList<>(problems);
    out.sort(COMPARATOR);
    return List.copyOf(out);
  }

  private static int compare(String a, String b) {
    List<Object> x = tokens(a);
    List<Object> y = tokens(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof Integer m && q instanceof Integer n) {
        c = Integer.compare(m, n);
      } else if (p instanceof String s && q instanceof String t) {
        // keys of a map (the form's messages) are written in key order; fields in format order
        boolean mapKey = i > 0 && "messages".equals(x.get(i - 1));
        c = mapKey ? 0 : Integer.compare(rank(s), rank(t));
        if (c == 0) {
          c = s.compareTo(t);
        }
      } else {
        c = p instanceof Integer ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static int rank(String field) {
    int i = FIELDS.indexOf(field);
    return i < 0 ? FIELDS.size() : i;
  }

  private static List<Object> tokens(String path) {
    List<Object> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(path);
    while (m.find()) {
      if (m.group(1) != null) {
        out.add(m.group(1));
      } else if (m.group(2) != null) {
        out.add(Integer.parseInt(m.group(2)));
      } else {
        out.add(m.group(3));
      }
    }
    return out;
  }
}
