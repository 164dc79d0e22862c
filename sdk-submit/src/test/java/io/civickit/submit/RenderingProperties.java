package io.civickit.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Value;
import io.civickit.forms.LocalisedText;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.owasp.encoder.Encode;

class RenderingProperties {

  static Submission withAnswer(String text) {
    SubmittedAnswer a = new SubmittedAnswer("notes", "textarea", LocalisedText.of("Notes", "Nodiadau"),
        Optional.of(Value.text(text)), text, text, Actor.citizen(), false);
    return new Submission(1, "0b6f6c1e-9c1d-4d8e-8f00-2f1f0c7b9a11", "GW7K3M9QXA", "garden-waste", 3,
        LocalisedText.of("Garden waste permit", "Trwydded gwastraff gardd"), Instant.parse("2026-03-01T10:05:00Z"),
        Locale.UK, "none", List.of(a), Optional.empty(), List.of());
  }

  @Property
  void anyAnswerTextRoundTripsThroughCsv(@ForAll @StringLength(max = 200) String text) throws IOException {
    String csv = SubmissionCsv.batch(List.of("notes"), List.of(withAnswer(text)), Locale.UK);
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
    assertThat(records).hasSize(1);
    assertThat(SubmissionCsv.cellText(records.get(0).get("notes"))).isEqualTo(text);
  }

  @Property
  void anyAnswerTextAppearsEscapedInThePdfHtml(@ForAll @StringLength(max = 200) String text) {
    String html = SubmissionPdf.html(withAnswer(text), "Bryncoed <County> Council", Locale.UK);
    for (String line : text.split("\n", -1)) {
      assertThat(html).contains(Encode.forHtml(line));
    }
    String body = html.substring(html.indexOf("<body>"));
    // Nothing the person typed can open a tag: every '<' in the body is one of the page's own tags.
    assertThat(body.replaceAll("<(/?)(p|h1|h2|table|tbody|thead|tr|th|td|div|ul|li|br|body|html)( [^<>]*)?/?>", ""))
        .doesNotContain("<");
  }
}
