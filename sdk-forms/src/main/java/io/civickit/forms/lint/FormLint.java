package io.civickit.forms.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.civickit.forms.Form;
import io.civickit.forms.FormFormatException;
import io.civickit.forms.internal.json.FormReader;
import io.civickit.forms.internal.json.Json;
import io.civickit.forms.internal.lint.DocumentOrder;
import io.civickit.forms.internal.lint.ModelLint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds problems in a form definition that a person would otherwise meet only when using the
 * form. Each problem names its JSON path, such as {@code $.pages[2].questions[0].label.cy}.
 *
 * <ul>
 *   <li>structure (JSON only): not JSON, unknown fields, missing ids, error nouns or Welsh text,
 *       unknown question types, duplicate ids, unknown sections, broken limits;
 *   <li>conditions: that do not parse, refer to unknown questions or to questions asked later,
 *       compare values of different types (a date with a number), test a choice against a value
 *       that is not one of its options, or are always true or always false;
 *   <li>routing: routes from or to unknown pages, routes back to an earlier page (a loop),
 *       pages that no route reaches, ends that nothing leads to, a first page with a show-if;
 *   <li>content: the form's own error messages ({@code messages}) that break GOV.UK's content
 *       rules ("please", "sorry", "valid", "invalid", "field is required", "oops"...) or use an
 *       unknown placeholder; Welsh text that copies the English or is a placeholder; an error
 *       noun that is the label lower-cased, losing its capitals.
 * </ul>
 */
public final class FormLint {

  private FormLint() {}

  /**
   * Every problem in a form, in document order; empty when the form is clean.
   *
   * @param form the form
   * @return the problems
   */
  public static List<LintProblem> check(Form form) {
    Objects.requireNonNull(form, "form");
    return DocumentOrder.sort(ModelLint.check(form));
  }

  /**
   * Every problem in a form's JSON, structural and otherwise, in document order. Unlike
   * {@link io.civickit.forms.Forms#read(String)} this never stops at the first problem and never
   * throws for a bad form.
   *
   * @param json the form's JSON text
   * @return the problems; empty when the form is clean
   */
  public static List<LintProblem> checkJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = Json.parse(json);
    } catch (FormFormatException e) {
      return e.problems();
    }
    List<LintProblem> out = new ArrayList<>();
    FormReader.Result r = FormReader.readAll(root);
    out.addAll(r.problems());
    r.form().ifPresent(f -> out.addAll(ModelLint.check(f)));
    return DocumentOrder.sort(out);
  }

  /**
   * Lints a form file.
   *
   * @param file the form's JSON file
   * @return the problems; empty when the form is clean
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<LintProblem> checkFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return checkJson(Json.readLimited(in));
    } catch (FormFormatException e) {
      return e.problems();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read form file " + file, e);
    }
  }
}
