package io.civickit.files.html;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a GOV.UK file upload component, as GOV.UK Frontend's {@code govukFileUpload}
 * macro takes them. Start with {@link #of} and add what you need.
 *
 * @param id the input's id
 * @param name the input's name (the multipart field the file arrives in)
 * @param label the label text
 * @param labelClasses extra label classes, e.g. {@code govuk-label--l} ("" for none)
 * @param labelIsPageHeading whether the label is the page's {@code h1}
 * @param hint hint text, if any
 * @param errorMessage the error to show, if any
 * @param describedBy ids of other elements that describe the input ("" for none)
 * @param multiple whether several files can be chosen at once
 * @param accept the {@code accept} attribute (e.g. {@code .jpg,.png,.pdf}), if any
 * @param enhanced whether to add GOV.UK Frontend's drop zone (the JavaScript enhancement; the
 *     input works without it)
 * @param disabled whether the input is disabled
 * @param classes extra input classes ("" for none)
 * @param formGroupClasses extra form group classes ("" for none)
 * @param locale English, or Welsh ({@code cy}) for the error prefix and the enhancement's texts
 */
public record FileUploadField(String id, String name, String label, String labelClasses, boolean labelIsPageHeading,
    Optional<String> hint, Optional<String> errorMessage, String describedBy, boolean multiple,
    Optional<String> accept, boolean enhanced, boolean disabled, String classes, String formGroupClasses,
    Locale locale) {

  /** Checks for nulls and that the id and name are not blank. */
  public FileUploadField {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(labelClasses, "labelClasses");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(describedBy, "describedBy");
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(formGroupClasses, "formGroupClasses");
    Objects.requireNonNull(locale, "locale");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a file upload needs an id, but was \"" + id + "\"");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a file upload needs a name, but was \"" + name + "\"");
    }
  }

  /**
   * A single-file upload with a label, in English, not enhanced.
   *
   * @param id the input's id (also the name, as GOV.UK Frontend defaults it)
   * @param label the label text
   * @return the field
   */
  public static FileUploadField of(String id, String label) {
    return new FileUploadField(id, id, label, "", false, Optional.empty(), Optional.empty(), "", false,
        Optional.empty(), false, false, "", "", Locale.UK);
  }

  /** @return a copy with this input name */
  public FileUploadField withName(String newName) {
    return new FileUploadField(id, newName, label, labelClasses, labelIsPageHeading, hint, errorMessage, describedBy,
        multiple, accept, enhanced, disabled, classes, formGroupClasses, locale);
  }

  /** @return a copy whose label is the page heading, with these label classes (e.g. {@code govuk-label--l}) */
  public FileUploadField asPageHeading(String newLabelClasses) {
    return new FileUploadField(id, name, label, newLabelClasses, true, hint, errorMessage, describedBy, multiple,
        accept, enhanced, disabled, classes, formGroupClasses, locale);
  }

  /** @return a copy with this hint */
  public FileUploadField withHint(String text) {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, Optional.of(text), errorMessage,
        describedBy, multiple, accept, enhanced, disabled, classes, formGroupClasses, locale);
  }

  /** @return a copy showing this error */
  public FileUploadField withError(String message) {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, Optional.of(message),
        describedBy, multiple, accept, enhanced, disabled, classes, formGroupClasses, locale);
  }

  /** @return a copy described also by these element ids */
  public FileUploadField withDescribedBy(String ids) {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, errorMessage, ids, multiple,
        accept, enhanced, disabled, classes, formGroupClasses, locale);
  }

  /** @return a copy that lets the person choose several files at once */
  public FileUploadField allowingMultiple() {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, errorMessage, describedBy,
        true, accept, enhanced, disabled, classes, formGroupClasses, locale);
  }

  /** @return a copy with this {@code accept} attribute */
  public FileUploadField withAccept(String value) {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, errorMessage, describedBy,
        multiple, Optional.of(value), enhanced, disabled, classes, formGroupClasses, locale);
  }

  /** @return a copy with GOV.UK Frontend's drop zone enhancement */
  public FileUploadField withEnhancement() {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, errorMessage, describedBy,
        multiple, accept, true, disabled, classes, formGroupClasses, locale);
  }

  /** @return a disabled copy */
  public FileUploadField asDisabled() {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, errorMessage, describedBy,
        multiple, accept, enhanced, true, classes, formGroupClasses, locale);
  }

  /** @return a copy with extra input classes and form group classes */
  public FileUploadField withClasses(String inputClasses, String groupClasses) {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, errorMessage, describedBy,
        multiple, accept, enhanced, disabled, inputClasses, groupClasses, locale);
  }

  /** @return a copy in this locale ({@code cy} for Welsh) */
  public FileUploadField in(Locale newLocale) {
    return new FileUploadField(id, name, label, labelClasses, labelIsPageHeading, hint, errorMessage, describedBy,
        multiple, accept, enhanced, disabled, classes, formGroupClasses, newLocale);
  }
}
