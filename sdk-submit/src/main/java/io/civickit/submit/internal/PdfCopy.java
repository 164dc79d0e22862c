package io.civickit.submit.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import io.civickit.core.Actor;
import io.civickit.core.Failures;
import io.civickit.forms.validation.AnswerFormat;
import io.civickit.submit.Attachment;
import io.civickit.submit.SubmittedPayment;
import io.civickit.submit.Submission;
import io.civickit.submit.SubmittedAnswer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.owasp.encoder.Encode;

/** The PDF copy: XHTML written here, laid out and tagged by openhtmltopdf. */
public final class PdfCopy {
  private PdfCopy() {}

  /** PDFBox's own copy of Liberation Sans (SIL Open Font License), embedded so the PDF is PDF/UA. */
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final String FAMILY = "Liberation Sans";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static boolean welsh(Locale l) {
    return "cy".equals(l.getLanguage());
  }

  private static String t(Locale l, String en, String cy) {
    return welsh(l) ? cy : en;
  }

  public static String html(Submission s, String council, Locale l) {
    String lang = welsh(l) ? "cy" : "en";
    String title = s.formTitle().in(l);
    StringBuilder h = new StringBuilder(4096);
    h.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang).append("\" xml:lang=\"")
        .append(lang).append("\"><head><meta charset=\"utf-8\"/>")
        .append("<title>").append(Encode.forHtml(title + " " + s.reference())).append("</title>")
        .append("<meta name=\"author\" content=\"").append(Encode.forHtmlAttribute(council)).append("\"/>")
        .append("<meta name=\"subject\" content=\"").append(Encode.forHtmlAttribute(title)).append("\"/>")
        .append("<style>@page { size: A4; margin: 20mm; } body { font-family: '").append(FAMILY)
        .append("'; font-size: 11pt; line-height: 1.4; } h1 { font-size: 20pt; margin: 0 0 6mm 0; }")
        .append(" h2 { font-size: 14pt; margin: 8mm 0 3mm 0; } table { width: 100%; border-collapse: collapse; }")
        .append(" th, td { text-align: left; vertical-align: top; border-bottom: 0.5pt solid #b1b4b6;")
        .append(" padding: 2mm 2mm 2mm 0; } th { width: 40%; } .council { font-size: 12pt; margin: 0 0 2mm 0; }")
        .append(" .by { font-size: 9pt; color: #505a5f; }</style></head><body>");
    h.append("<p class=\"council\">").append(Encode.forHtml(council)).append("</p>");
    h.append("<h1>").append(Encode.forHtml(title)).append("</h1>");
    h.append("<table><tbody>");
    summary(h, t(l, "Reference", "Cyfeirnod"), s.reference());
    summary(h, t(l, "Submitted", "Cyflwynwyd"), when(s, l));
    summary(h, t(l, "Identity checked to", "Gwiriwyd hunaniaeth i"), s.assuranceLevel());
    h.append("</tbody></table>");
    h.append("<h2>").append(t(l, "Answers", "Atebion")).append("</h2>");
    h.append("<table><thead><tr><th scope=\"col\">").append(t(l, "Question", "Cwestiwn"))
        .append("</th><th scope=\"col\">").append(t(l, "Answer", "Ateb")).append("</th></tr></thead><tbody>");
    for (SubmittedAnswer a : s.answers()) {
      h.append("<tr><th scope=\"row\">").append(Encode.forHtml(a.label().in(l))).append("</th><td>");
      lines(h, a.formatted(l));
      h.append("<div class=\"by\">").append(Encode.forHtml(by(a, l))).append("</div></td></tr>");
    }
    h.append("</tbody></table>");
    if (s.payment().isPresent()) {
      SubmittedPayment p = s.payment().get();
      h.append("<h2>").append(t(l, "Payment", "Taliad")).append("</h2><table><tbody>");
      summary(h, t(l, "Amount", "Swm"), AnswerFormat.money(BigDecimal.valueOf(p.amountPence(), 2)));
      summary(h, t(l, "Status", "Statws"), p.status());
      summary(h, t(l, "Payment reference", "Cyfeirnod y taliad"), p.reference());
      summary(h, t(l, "Provider's payment id", "Rhif y taliad gan y darparwr"), p.providerId());
      h.append("</tbody></table>");
    }
    if (!s.attachments().isEmpty()) {
      h.append("<h2>").append(t(l, "Files", "Ffeiliau")).append("</h2><ul>");
      for (Attachment a : s.attachments()) {
        h.append("<li>").append(Encode.forHtml(a.name() + " (" + a.contentType() + ", " + a.size() + " bytes, id "
            + a.id() + ")")).append("</li>");
      }
      h.append("</ul>");
    }
    return h.append("</body></html>").toString();
  }

  private static void summary(StringBuilder h, String label, String value) {
    h.append("<tr><th scope=\"row\">").append(Encode.forHtml(label)).append("</th><td>").append(Encode.forHtml(value))
        .append("</td></tr>");
  }

  private static void lines(StringBuilder h, String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        h.append("<br/>");
      }
      h.append(Encode.forHtml(lines[i]));
    }
  }

  private static String when(Submission s, Locale l) {
    ZonedDateTime at = s.submittedAt().atZone(LONDON);
    return AnswerFormat.date(at.toLocalDate(), l) + ", " + at.format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  static String by(SubmittedAnswer a, Locale l) {
    Actor actor = a.suppliedBy();
    String who = switch (actor.kind()) {
      case CITIZEN -> t(l, "Given by the applicant", "Rhoddwyd gan yr ymgeisydd");
      case ADVISER -> t(l, "Given by adviser ", "Rhoddwyd gan gynghorydd ") + actor.id().orElse("");
      case SYSTEM -> t(l, "From ", "O ") + actor.id().orElse("");
    };
    return a.prefilled() ? who + t(l, " (pre-filled)", " (wedi'i lenwi ymlaen llaw)") : who;
  }

  public static byte[] render(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.usePdfUaAccessibility(true);
      b.useFont(PdfCopy::font, FAMILY, 400, FontStyle.NORMAL, true);
      b.useFont(PdfCopy::font, FAMILY, 700, FontStyle.NORMAL, true);
      b.withHtmlContent(html, null);
      b.toStream(out);
      b.run();
    } catch (Exception e) {
      // CivicKit's own XHTML and bundled font: a failure here is a bug, not bad input. The renderer's
      // message may quote the page's text (answers), so only its class and stack trace are kept.
      throw new IllegalStateException("could not render the PDF copy: " + e.getClass().getSimpleName(),
          Failures.redacted(e));
    }
    return out.toByteArray();
  }

  private static InputStream font() {
    InputStream in = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(FONT);
    if (in == null) {
      throw new IllegalStateException(FONT + " is missing from the PDFBox jar");
    }
    return in;
  }
}
