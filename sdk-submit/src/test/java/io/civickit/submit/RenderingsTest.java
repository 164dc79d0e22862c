package io.civickit.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Journey;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class RenderingsTest {
  static final String COUNCIL = "Bryncoed County Council";
  final Journey journey = Fixtures.complete(Fixtures.journeys(Fixtures.CLOCK), "Gate code 1234 & \"mind the dog\"");
  final Submission doc = Submission.of(journey, Fixtures.FORM, SubmitOptions.builder()
      .payment(new SubmittedPayment(4500, "hu20sqlact5260q2nanm0q8u93", "success", journey.reference().toString())).build(),
      UUID.randomUUID().toString(), Instant.parse("2026-03-01T10:05:00Z"));

  static String text(byte[] pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d);
    }
  }

  /** PDFBox extracts lines; compare with runs of white space made one space. */
  static String squash(String s) {
    return s.replaceAll("\\s+", " ");
  }

  @Test
  void pdfTextHoldsTheCouncilTheReferenceAndEveryLabelAndAnswer() throws IOException {
    String text = squash(text(SubmissionPdf.render(doc, COUNCIL, Locale.UK)));
    assertThat(text).contains(COUNCIL).contains(doc.reference()).contains("Garden waste permit").contains("£45");
    for (SubmittedAnswer a : doc.answers()) {
      assertThat(text).contains(squash(a.label().en()));
      for (String line : a.formattedEn().split("\n")) {
        assertThat(text).contains(squash(line));
      }
    }
    assertThat(text).contains("Given by adviser A1234").contains("side gate.jpg");
  }

  @Test
  void welshPdfHasTheWelshLabelsAndAnswers() throws IOException {
    String text = squash(text(SubmissionPdf.render(doc, COUNCIL, Locale.forLanguageTag("cy"))));
    for (SubmittedAnswer a : doc.answers()) {
      assertThat(text).contains(squash(a.label().cy()));
    }
    assertThat(text).contains("Dydd Iau").contains("Cyfeirnod");
  }

  @Test
  void pdfIsTaggedWithItsLanguageTitleAndAnEmbeddedFont() throws IOException {
    try (PDDocument d = Loader.loadPDF(SubmissionPdf.render(doc, COUNCIL, Locale.UK))) {
      var catalog = d.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getStructureTreeRoot()).isNotNull();
      assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
      assertThat(catalog.getLanguage()).isEqualTo("en");
      assertThat(d.getDocumentInformation().getTitle()).contains(doc.reference());
      for (var name : d.getPage(0).getResources().getFontNames()) {
        assertThat(d.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
      }
    }
  }

  @Test
  void csvParsesBackToTheSameAnswersInStableColumns() throws IOException {
    List<String> columns = SubmissionCsv.columns(Fixtures.FORM);
    String csv = SubmissionCsv.batch(columns, List.of(doc, doc), Locale.UK);
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
    assertThat(records).hasSize(2);
    CSVRecord r = records.get(0);
    assertThat(r.getParser().getHeaderNames()).startsWith(SubmissionCsv.FIXED_COLUMNS.toArray(String[]::new))
        .endsWith(columns.toArray(String[]::new));
    assertThat(r.get("reference")).isEqualTo(doc.reference());
    assertThat(r.get("payment_amount_pence")).isEqualTo("4500");
    for (SubmittedAnswer a : doc.answers()) {
      assertThat(SubmissionCsv.cellText(r.get(a.questionId()))).isEqualTo(a.formattedEn());
    }
  }

  @Test
  void aQuestionOffTheRouteLeavesAnEmptyCellAndTheColumnsStayTheSame() throws IOException {
    List<String> columns = List.of("address", "not_asked", "email");
    String csv = SubmissionCsv.batch(columns, List.of(doc), Locale.UK);
    CSVRecord r = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords().get(0);
    assertThat(r.get("not_asked")).isEmpty();
    assertThat(r.get("email")).isEqualTo("sam@example.com");
  }

  @Test
  void aFormulaInAnAnswerIsGuardedForSpreadsheets() {
    assertThat(SubmissionCsv.row(List.of(), doc, Locale.UK)).startsWith("\"" + doc.id() + "\"");
    String guarded = SubmissionCsv.header(List.of("=cmd|' /C calc'!A0"));
    assertThat(guarded).contains("\"'=cmd|' /C calc'!A0\"");
    assertThat(SubmissionCsv.cellText("'=cmd")).isEqualTo("=cmd");
    assertThat(SubmissionCsv.cellText("'plain")).isEqualTo("'plain");
  }
}
