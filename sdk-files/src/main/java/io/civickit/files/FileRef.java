package io.civickit.files;

import io.civickit.core.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored file as the rest of a service sees it: what the submission carries and check your
 * answers shows. It never holds the file's bytes; {@link Uploads#open} reads those.
 *
 * @param id the file's unguessable id: 22 URL-safe base64 characters (128 random bits)
 * @param name the file's name as stored: sanitised by {@link Filenames#sanitise(String)}, so safe
 *     in a {@code Content-Disposition} header, an email attachment or a file system (still
 *     escape it in HTML, as any text)
 * @param size the size in bytes, at least 1
 * @param contentType the media type detected from the bytes (never the browser's claim), e.g.
 *     {@code application/pdf}
 * @param sha256 the SHA-256 of the bytes, 64 lowercase hex digits, for the receiving system to
 *     check what it fetched
 */
public record FileRef(String id, String name, long size, String contentType, String sha256) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

  /**
   * Validates every part.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public FileRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a file id is 22 URL-safe base64 characters, but was \"" + abbreviate(id) + "\"");
    }
    if (!Filenames.isSanitised(name)) {
      throw new IllegalArgumentException("a file name must be sanitised (Filenames.sanitise), but was \""
          + abbreviate(name) + "\"");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a file size must not be negative, but was " + size);
    }
    if (!TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("a content type is a lowercase media type such as application/pdf, but was \""
          + abbreviate(contentType) + "\"");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("a SHA-256 is 64 lowercase hex digits, but was \"" + abbreviate(sha256) + "\"");
    }
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 37) + "..." : v;
  }

  /**
   * The size for people: {@code 812 bytes}, {@code 14KB}, {@code 2.3MB}, as GOV.UK writes sizes.
   *
   * @return the size in bytes, kilobytes or megabytes
   */
  public String displaySize() {
    return io.civickit.files.internal.Messages.size(size);
  }

  /**
   * This file as a saved answer's value: fields {@code id}, {@code name}, {@code size},
   * {@code contentType}, {@code sha256}. References only, never the bytes, so saved progress and
   * handoff context packages carry no file contents.
   *
   * @return the value
   */
  public Value toValue() {
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("id", Value.text(id));
    f.put("name", Value.text(name));
    f.put("size", Value.number(size));
    f.put("contentType", Value.text(contentType));
    f.put("sha256", Value.text(sha256));
    return Value.fields(f);
  }

  /**
   * A question's files as one answer value: a list of {@link #toValue()}s.
   *
   * @param files the files, in order
   * @return the value
   */
  public static Value toValue(List<FileRef> files) {
    List<Value> items = new ArrayList<>();
    for (FileRef f : files) {
      items.add(f.toValue());
    }
    return Value.items(items);
  }

  /**
   * Reads back a value made by {@link #toValue()} or {@link #toValue(List)}.
   *
   * @param value the saved answer's value
   * @return the files it names
   * @throws IllegalArgumentException if the value is not such a value
   */
  public static List<FileRef> fromValue(Value value) {
    List<FileRef> out = new ArrayList<>();
    if (value instanceof Value.Items items) {
      for (Value v : items.values()) {
        out.addAll(fromValue(v));
      }
      return out;
    }
    if (value instanceof Value.Fields f) {
      Map<String, Value> m = f.values();
      out.add(new FileRef(text(m, "id"), text(m, "name"), number(m, "size"), text(m, "contentType"),
          text(m, "sha256")));
      return out;
    }
    throw new IllegalArgumentException("a file answer is fields or a list of fields, but was " + value.getClass().getSimpleName());
  }

  private static String text(Map<String, Value> m, String key) {
    if (m.get(key) instanceof Value.Text t) {
      return t.value();
    }
    throw new IllegalArgumentException("a file answer needs the text field '" + key + "'");
  }

  private static long number(Map<String, Value> m, String key) {
    if (m.get(key) instanceof Value.Decimal d) {
      return d.value().longValueExact();
    }
    throw new IllegalArgumentException("a file answer needs the number field '" + key + "'");
  }
}
