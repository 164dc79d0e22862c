package io.civickit.forms;

import io.civickit.forms.internal.json.FormReader;
import io.civickit.forms.internal.json.FormWriter;
import io.civickit.forms.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Entry point for the JSON form format: read a form file into an immutable {@link Form}, write a
 * form back, and find the JSON Schema of the format.
 *
 * <pre>{@code
 * Form form = Forms.read(Path.of("forms/garden-waste-permit.json"));
 * JourneyDefinition def = FormJourney.definition(form, clock);
 * }</pre>
 *
 * <p>A form read from JSON equals the same form built with {@link Form#builder(String, int)},
 * and {@code Forms.read(Forms.write(form))} equals {@code form}. Reading is strict: unknown
 * fields, a missing id or error noun, an unknown question type, a condition that does not parse
 * and a broken limit are all errors, each with the JSON path of the place
 * ({@link FormFormatException#path()}).
 */
public final class Forms {

  /** Largest form file accepted, in bytes (1 MiB). */
  public static final int MAX_JSON_BYTES = Json.MAX_BYTES;

  /** Where the JSON Schema (draft 2020-12) of the format is in the jar. */
  public static final String SCHEMA_RESOURCE = "/META-INF/civickit/schema/form.schema.json";

  private Forms() {}

  /**
   * Reads a form from JSON text.
   *
   * @param json the JSON
   * @return the form
   * @throws FormFormatException if the JSON is not a valid form; it lists every problem
   */
  public static Form read(String json) {
    Objects.requireNonNull(json, "json");
    return FormReader.read(Json.parse(json));
  }

  /**
   * Reads a form from a UTF-8 stream (not closed). At most {@link #MAX_JSON_BYTES} are read.
   *
   * @param in the stream
   * @return the form
   * @throws FormFormatException if it is not a valid form or is too large
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static Form read(InputStream in) {
    Objects.requireNonNull(in, "in");
    return read(Json.readLimited(in));
  }

  /**
   * Reads a form file.
   *
   * @param file the UTF-8 JSON file
   * @return the form
   * @throws FormFormatException if it is not a valid form or is too large
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Form read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read form file " + file, e);
    }
  }

  /**
   * Writes a form as JSON, two-space indented, leaving out settings at their defaults.
   *
   * @param form the form
   * @return the JSON text
   */
  public static String write(Form form) {
    Objects.requireNonNull(form, "form");
    return Json.print(FormWriter.write(form));
  }

  /**
   * The JSON Schema of the form format, for editors and CI checks.
   *
   * @return the schema text (draft 2020-12)
   */
  public static String schema() {
    try (InputStream in = Forms.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the form schema is missing from the jar: " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the form schema", e);
    }
  }
}
