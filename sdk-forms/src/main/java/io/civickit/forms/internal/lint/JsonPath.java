package io.civickit.forms.internal.lint;

import java.util.regex.Pattern;

/** Builds JSON paths such as {@code $.pages[2].questions[0].label.cy}. */
public final class JsonPath {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String path;

  private JsonPath(String path) {
    this.path = path;
  }

  /** The document root, {@code $}. */
  public static JsonPath root() {
    return new JsonPath("$");
  }

  /** A member; names that are not plain identifiers use bracket notation. */
  public JsonPath field(String name) {
    if (PLAIN.matcher(name).matches()) {
      return new JsonPath(path + "." + name);
    }
    return new JsonPath(path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']");
  }

  /** An array element. */
  public JsonPath index(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("index must not be negative: " + i);
    }
    return new JsonPath(path + "[" + i + "]");
  }

  @Override
  public String toString() {
    return path;
  }
}
