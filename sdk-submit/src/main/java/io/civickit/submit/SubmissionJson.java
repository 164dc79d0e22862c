package io.civickit.submit;

import io.civickit.submit.internal.DocumentJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The submission document as JSON, the format every destination sends and a receiver parses.
 *
 * <pre>{@code
 * {
 *   "format_version": 1,
 *   "id": "0b6f6c1e-...", "reference": "GW7K3M9QXA",
 *   "form": {"id": "garden-waste", "version": 3, "title": {"en": "...", "cy": "..."}},
 *   "submitted_at": "2026-04-01T09:30:00Z", "language": "en", "assurance_level": "none",
 *   "answers": [{
 *     "question_id": "number_of_bins", "type": "whole-number",
 *     "label": {"en": "How many bins?", "cy": "Sawl bin?"},
 *     "value": {"type": "number", "value": "2"},
 *     "formatted": {"en": "2", "cy": "2"},
 *     "supplied_by": {"kind": "adviser", "id": "A123"}, "prefilled": false
 *   }],
 *   "payment": {"amount_pence": 4500, "provider_id": "...", "status": "success", "reference": "..."},
 *   "attachments": [{"id": "...", "name": "photo.jpg", "size": 52311, "content_type": "image/jpeg"}]
 * }
 * }</pre>
 *
 * <p>A skipped optional question has {@code "value": null}. Typed values are tagged by
 * {@code type}: {@code text}, {@code number} (a decimal string, scale kept), {@code yes-no},
 * {@code date} ({@code yyyy-mm-dd}), {@code list} ({@code items}) and {@code group}
 * ({@code fields}, in order). The schema is {@link #schema()}.
 */
public final class SubmissionJson {
  private SubmissionJson() {}

  /**
   * Writes a document.
   *
   * @param submission the document
   * @return UTF-8 JSON
   */
  public static byte[] write(Submission submission) {
    return DocumentJson.write(submission);
  }

  /**
   * Reads a document written by {@link #write}.
   *
   * @param json UTF-8 JSON
   * @return the document
   * @throws io.civickit.core.CivicKitException if the JSON is not a submission document of a
   *     format version this release reads; the message names what was wrong
   */
  public static Submission read(byte[] json) {
    return DocumentJson.read(json);
  }

  /**
   * The JSON Schema (draft 2020-12) of the document, as shipped in the jar at
   * {@value Submission#SCHEMA_RESOURCE}.
   *
   * @return the schema's text
   */
  public static String schema() {
    try (InputStream in = SubmissionJson.class.getClassLoader().getResourceAsStream(Submission.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(Submission.SCHEMA_RESOURCE + " is missing from the sdk-submit jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
