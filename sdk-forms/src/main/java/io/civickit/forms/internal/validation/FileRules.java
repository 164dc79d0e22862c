package io.civickit.forms.internal.validation;

import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.validation.ValidationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file question, checked from the metadata the upload step writes (name, size in bytes, media
 * type): not empty, of an allowed type, not too big. The bytes themselves are never read here.
 */
final class FileRules {
  private FileRules() {}

  /**
   * @param allowed media types ({@code image/png}), families ({@code image/*}) or name endings
   *     ({@code .pdf}); none allows any
   * @return whether the file's type or name is among them
   */
  static boolean typeAllowed(List<String> allowed, String type, String name) {
    if (allowed.isEmpty()) {
      return true;
    }
    String t = type.toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    if (semi >= 0) {
      t = t.substring(0, semi).strip();
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      String x = a.toLowerCase(Locale.ROOT).strip();
      if (x.startsWith(".") ? lowerName.endsWith(x)
          : x.endsWith("/*") ? t.startsWith(x.substring(0, x.length() - 1)) : x.equals(t)) {
        return true;
      }
    }
    return false;
  }

  /** @return the file's name, size and type, or the first rule it breaks */
  static ValidationResult file(RuleContext c, Question q, String base) {
    String name = c.line(FieldNames.part(base, "name"));
    String size = c.line(FieldNames.part(base, "size"));
    String type = c.line(FieldNames.part(base, "type"));
    if (name.isEmpty() && size.isEmpty()) {
      return c.missing(q, base, "file.required");
    }
    if (name.isEmpty() || Input.length(name) > 255 || size.length() > 15 || !Input.digits(size)
        || type.length() > 255) {
      return c.error(q, base, "file.failed");
    }
    long bytes = Long.parseLong(size);
    if (bytes == 0) {
      return c.error(q, base, "file.empty");
    }
    if (!typeAllowed(q.fileTypes(), type, name)) {
      return c.error(q, base, "file.type", Map.of("types", Formats.fileTypes(q.fileTypes(), c.locale())));
    }
    if (bytes > q.maxFileBytes()) {
      return c.error(q, base, "file.too.big", Map.of("size", Formats.size(q.maxFileBytes())));
    }
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("name", Value.text(name));
    f.put("size", Value.number(bytes));
    f.put("type", Value.text(type.toLowerCase(Locale.ROOT)));
    return RuleContext.ok(Value.fields(f), name);
  }
}
