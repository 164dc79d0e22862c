package io.civickit.files.html;

import io.civickit.files.FileRef;
import io.civickit.forms.html.SummaryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.owasp.encoder.Encode;

/**
 * HTML pieces for file upload pages, with GOV.UK Frontend's markup (checked against the
 * component's own fixtures). Place them inside your page's
 * {@code <form method="post" enctype="multipart/form-data">} with its CSRF field: the Remove
 * buttons and the file input then work without JavaScript.
 */
public final class FileUploadHtml {
  private FileUploadHtml() {}

  private static boolean welsh(Locale locale) {
    return "cy".equals(locale.getLanguage());
  }

  /**
   * The file upload component: label, hint, error message and input, as {@code govukFileUpload}
   * renders them.
   *
   * @param f the options
   * @return the HTML
   */
  public static String fileUpload(FileUploadField f) {
    boolean error = f.errorMessage().isPresent();
    StringBuilder b = new StringBuilder("<div class=\"govuk-form-group");
    if (error) {
      b.append(" govuk-form-group--error");
    }
    if (!f.formGroupClasses().isBlank()) {
      b.append(' ').append(Encode.forHtmlAttribute(f.formGroupClasses().strip()));
    }
    b.append("\">");
    String labelClass = "govuk-label" + (f.labelClasses().isBlank() ? "" : " " + f.labelClasses().strip());
    if (f.labelIsPageHeading()) {
      b.append("<h1 class=\"govuk-label-wrapper\">");
    }
    b.append("<label class=\"").append(Encode.forHtmlAttribute(labelClass)).append("\" for=\"")
        .append(Encode.forHtmlAttribute(f.id())).append("\">").append(Encode.forHtml(f.label())).append("</label>");
    if (f.labelIsPageHeading()) {
      b.append("</h1>");
    }
    List<String> describedBy = new ArrayList<>();
    if (!f.describedBy().isBlank()) {
      describedBy.add(f.describedBy().strip());
    }
    if (f.hint().isPresent()) {
      String hintId = f.id() + "-hint";
      describedBy.add(hintId);
      b.append("<div id=\"").append(Encode.forHtmlAttribute(hintId)).append("\" class=\"govuk-hint\">")
          .append(Encode.forHtml(f.hint().get())).append("</div>");
    }
    if (error) {
      String errorId = f.id() + "-error";
      describedBy.add(errorId);
      b.append("<p id=\"").append(Encode.forHtmlAttribute(errorId)).append("\" class=\"govuk-error-message\">")
          .append("<span class=\"govuk-visually-hidden\">").append(welsh(f.locale()) ? "Gwall:" : "Error:")
          .append("</span> ").append(Encode.forHtml(f.errorMessage().get())).append("</p>");
    }
    if (f.enhanced()) {
      b.append("<div class=\"govuk-drop-zone\" data-module=\"govuk-file-upload\"");
      if (welsh(f.locale())) {
        b.append(" data-i18n.choose-files-button=\"Dewiswch ffeil\"")
            .append(" data-i18n.no-file-chosen=\"Dim ffeil wedi&#39;i dewis\"")
            .append(" data-i18n.multiple-files-chosen.other=\"%{count} ffeil wedi&#39;u dewis\"")
            .append(" data-i18n.multiple-files-chosen.one=\"%{count} ffeil wedi&#39;i dewis\"")
            .append(" data-i18n.drop-instruction=\"neu ollyngwch ffeil\"")
            .append(" data-i18n.entered-drop-zone=\"Wedi mynd i mewn i&#39;r parth gollwng\"")
            .append(" data-i18n.left-drop-zone=\"Wedi gadael y parth gollwng\"");
      }
      b.append('>');
    }
    b.append("<input class=\"govuk-file-upload");
    if (!f.classes().isBlank()) {
      b.append(' ').append(Encode.forHtmlAttribute(f.classes().strip()));
    }
    if (error) {
      b.append(" govuk-file-upload--error");
    }
    b.append("\" id=\"").append(Encode.forHtmlAttribute(f.id())).append("\" name=\"")
        .append(Encode.forHtmlAttribute(f.name())).append("\" type=\"file\"");
    if (f.multiple()) {
      b.append(" multiple");
    }
    if (f.disabled()) {
      b.append(" disabled");
    }
    if (!describedBy.isEmpty()) {
      b.append(" aria-describedby=\"").append(Encode.forHtmlAttribute(String.join(" ", describedBy))).append('"');
    }
    f.accept().ifPresent(a -> b.append(" accept=\"").append(Encode.forHtmlAttribute(a)).append('"'));
    b.append('>');
    if (f.enhanced()) {
      b.append("</div>");
    }
    return b.append("</div>").toString();
  }

  /**
   * The files uploaded so far, as a GOV.UK summary list: each file's name and size, and a Remove
   * button that submits the surrounding form (POST) with {@code removeField=<file id>}. Pass the
   * posted id to {@code Uploads.remove}. Renders nothing for no files.
   *
   * @param files the clean files of the question ({@code Uploads.list})
   * @param removeField the name of the Remove buttons' field, e.g. {@code remove}
   * @param locale English, or Welsh ({@code cy})
   * @return the HTML
   */
  public static String uploadedFiles(List<FileRef> files, String removeField, Locale locale) {
    if (files.isEmpty()) {
      return "";
    }
    boolean cy = welsh(locale);
    StringBuilder b = new StringBuilder("<dl class=\"govuk-summary-list\">");
    int n = 0;
    for (FileRef f : files) {
      n++;
      b.append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">")
          .append(cy ? "Ffeil " : "File ").append(n).append("</dt><dd class=\"govuk-summary-list__value\">")
          .append(Encode.forHtml(f.name())).append("<br><span class=\"govuk-hint govuk-!-margin-bottom-0\">")
          .append(Encode.forHtml(f.displaySize())).append("</span></dd>")
          .append("<dd class=\"govuk-summary-list__actions\"><button type=\"submit\" class=\"govuk-button ")
          .append("govuk-button--secondary govuk-!-margin-bottom-0\" data-module=\"govuk-button\" name=\"")
          .append(Encode.forHtmlAttribute(removeField)).append("\" value=\"").append(Encode.forHtmlAttribute(f.id()))
          .append("\">").append(cy ? "Dileu" : "Remove").append("<span class=\"govuk-visually-hidden\"> ")
          .append(Encode.forHtml(f.name())).append("</span></button></dd></div>");
    }
    return b.append("</dl>").toString();
  }

  /**
   * The check-your-answers row of a file question: one line per file, its name and size.
   *
   * @param questionId the question's id
   * @param key the question as shown in the key column
   * @param files the question's clean files
   * @param changeHref where Change goes; empty for no Change link
   * @param locale English, or Welsh ({@code cy})
   * @return the row, for sdk-forms' summary list
   */
  public static SummaryRow summaryRow(String questionId, String key, List<FileRef> files, Optional<String> changeHref,
      Locale locale) {
    Objects.requireNonNull(changeHref, "changeHref");
    List<String> lines = new ArrayList<>();
    for (FileRef f : files) {
      lines.add(f.name() + ", " + f.displaySize());
    }
    String value = lines.isEmpty() ? (welsh(locale) ? "Dim ffeiliau wedi’u huwchlwytho" : "No files uploaded")
        : String.join("\n", lines);
    return new SummaryRow(questionId, key, value, changeHref, Optional.empty());
  }

  /**
   * The check-your-answers row of a file question, with null meaning no Change link.
   *
   * @param questionId the question's id
   * @param key the question as shown in the key column
   * @param files the question's clean files
   * @param changeHref where Change goes, or null for no Change link
   * @param locale English, or Welsh ({@code cy})
   * @return the row, for sdk-forms' summary list
   * @deprecated pass an {@link Optional}: {@code Optional.ofNullable(changeHref)}; removed in 0.2
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static SummaryRow summaryRow(String questionId, String key, List<FileRef> files, @Nullable String changeHref,
      Locale locale) {
    return summaryRow(questionId, key, files, Optional.ofNullable(changeHref), locale);
  }
}
