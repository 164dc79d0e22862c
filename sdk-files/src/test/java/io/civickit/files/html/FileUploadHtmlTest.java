package io.civickit.files.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.files.FileRef;
import io.civickit.forms.html.SummaryRow;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** The file upload HTML against GOV.UK Frontend's own fixtures (the webjar's file-upload/fixtures.json). */
class FileUploadHtmlTest {
  private static final String FIXTURES =
      "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/components/file-upload/fixtures.json";
  private static final Set<String> SUPPORTED = Set.of("id", "name", "label", "hint", "errorMessage", "describedBy",
      "multiple", "attributes", "javascript", "disabled", "classes", "formGroup", "chooseFilesButtonText",
      "dropInstructionText", "noFileChosenText", "multipleFilesChosenText", "enteredDropZoneText", "leftDropZoneText");

  /** A canonical form of an HTML fragment: tags, attributes (classes as a set), and text with whitespace collapsed. */
  static String canonical(String html) {
    StringBuilder b = new StringBuilder();
    for (Node n : Jsoup.parseBodyFragment(html).body().childNodes()) {
      canonical(n, b);
    }
    return b.toString();
  }

  private static void canonical(Node n, StringBuilder b) {
    if (n instanceof TextNode t) {
      String text = t.getWholeText().replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        b.append('"').append(text).append('"');
      }
      return;
    }
    if (!(n instanceof Element e)) {
      return;
    }
    Map<String, String> attrs = new TreeMap<>();
    for (Attribute a : e.attributes()) {
      String value = a.getKey().equals("class") || a.getKey().equals("aria-describedby")
          ? String.join(" ", new TreeSet<>(List.of(a.getValue().strip().split("\\s+")))) : a.getValue();
      // the Welsh texts of the drop zone are ours, not the fixture's: the keys must match, not the words
      attrs.put(a.getKey(), a.getKey().startsWith("data-i18n.") ? "*" : value);
    }
    b.append('<').append(e.tagName()).append(attrs).append('>');
    for (Node c : e.childNodes()) {
      canonical(c, b);
    }
    b.append("</").append(e.tagName()).append('>');
  }

  private static FileUploadField field(JsonNode o) {
    String name = o.path("name").asText();
    FileUploadField f = FileUploadField.of(o.path("id").asText(name), o.path("label").path("text").asText()).withName(name);
    if (o.path("label").path("isPageHeading").asBoolean()) {
      f = f.asPageHeading(o.path("label").path("classes").asText(""));
    }
    if (o.has("hint")) {
      f = f.withHint(o.path("hint").path("text").asText());
    }
    if (o.has("errorMessage")) {
      f = f.withError(o.path("errorMessage").path("text").asText());
    }
    if (o.has("describedBy")) {
      f = f.withDescribedBy(o.path("describedBy").asText());
    }
    if (o.path("multiple").asBoolean()) {
      f = f.allowingMultiple();
    }
    if (o.path("attributes").has("accept")) {
      f = f.withAccept(o.path("attributes").path("accept").asText());
    }
    if (o.path("javascript").asBoolean()) {
      f = f.withEnhancement();
    }
    if (o.path("disabled").asBoolean()) {
      f = f.asDisabled();
    }
    if (o.has("classes") || o.has("formGroup")) {
      f = f.withClasses(o.path("classes").asText(""), o.path("formGroup").path("classes").asText(""));
    }
    if (o.has("chooseFilesButtonText")) {
      f = f.in(Locale.forLanguageTag("cy"));
    }
    return f;
  }

  @Test
  void everyFixtureWithOptionsWeSupportRendersTheSameMarkup() throws IOException {
    JsonNode fixtures;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(FIXTURES)) {
      assertThat(in).as(FIXTURES).isNotNull();
      fixtures = new ObjectMapper().readTree(in).path("fixtures");
    }
    List<String> checked = new ArrayList<>();
    for (JsonNode fixture : fixtures) {
      JsonNode options = fixture.path("options");
      boolean supported = true;
      for (Iterator<String> keys = options.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!SUPPORTED.contains(key) || (key.equals("attributes") && options.path("attributes").size() != 1)) {
          supported = false;
        }
      }
      if (!supported) {
        continue;
      }
      String ours = FileUploadHtml.fileUpload(field(options));
      assertThat(canonical(ours)).as("fixture '%s'", fixture.path("name").asText())
          .isEqualTo(canonical(fixture.path("html").asText()));
      checked.add(fixture.path("name").asText());
    }
    // all but "with value" (a deprecated option): the comparison covers the component, not a sample
    assertThat(checked).hasSizeGreaterThanOrEqualTo(fixtures.size() - 1).contains("enhanced, multiple files",
        "with error message and hint", "with label as page heading", "translated");
  }

  @Property(tries = 300)
  void noTextCanAddMarkup(@ForAll String label, @ForAll String hint, @ForAll String error, @ForAll String accept,
      @ForAll String id) {
    String html = FileUploadHtml.fileUpload(FileUploadField.of("f" + id, label).withHint(hint).withError(error)
        .withAccept(accept));
    Element body = Jsoup.parseBodyFragment(html).body();
    assertThat(body.select("*").stream().skip(1).map(Element::tagName).toList())
        .containsExactly("div", "label", "div", "p", "span", "input");
    Element input = body.selectFirst("input");
    assertThat(input.attributes().asList()).extracting(Attribute::getKey)
        .containsExactly("class", "id", "name", "type", "aria-describedby", "accept");
    assertThat(input.attr("type")).isEqualTo("file");
  }

  private static FileRef ref(String id, String name, long size) {
    return new FileRef(id, name, size, "application/pdf", "a".repeat(64));
  }

  @Test
  void theUploadedFilesListHasARemoveButtonPerFileThatPostsItsId() {
    List<FileRef> files = List.of(ref("AAAAAAAAAAAAAAAAAAAAAA", "letter.pdf", 2_400_000),
        ref("BBBBBBBBBBBBBBBBBBBBBB", "photo_script_.jpg", 812));
    Element list = Jsoup.parseBodyFragment(FileUploadHtml.uploadedFiles(files, "remove", Locale.UK)).body();
    assertThat(list.select(".govuk-summary-list__row")).hasSize(2);
    assertThat(list.select(".govuk-summary-list__value").get(0).text()).isEqualTo("letter.pdf 2.2MB");
    assertThat(list.select(".govuk-summary-list__value").get(1).text()).isEqualTo("photo_script_.jpg 812 bytes");
    assertThat(list.select("button[type=submit][name=remove]")).extracting(e -> e.attr("value"))
        .containsExactly("AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBB");
    assertThat(list.select("button").get(0).text()).isEqualTo("Remove letter.pdf");
    assertThat(list.select("button .govuk-visually-hidden").get(0).text()).isEqualTo("letter.pdf");
    assertThat(list.select("a")).as("no links: removing changes state, so it is a POST").isEmpty();

    Element cy = Jsoup.parseBodyFragment(FileUploadHtml.uploadedFiles(files, "remove", Locale.forLanguageTag("cy"))).body();
    assertThat(cy.select("button").get(0).ownText()).isEqualTo("Dileu");
    assertThat(cy.select("dt").get(1).text()).isEqualTo("Ffeil 2");
    assertThat(FileUploadHtml.uploadedFiles(List.of(), "remove", Locale.UK)).isEmpty();
  }

  @Test
  void checkYourAnswersShowsEachFileByNameAndSize() {
    SummaryRow row = FileUploadHtml.summaryRow("evidence", "Evidence", List.of(ref("AAAAAAAAAAAAAAAAAAAAAA", "letter.pdf",
        2_400_000), ref("BBBBBBBBBBBBBBBBBBBBBB", "bins.jpg", 20_480)), Optional.of("/evidence"), Locale.UK);
    assertThat(row.lines()).containsExactly("letter.pdf, 2.2MB", "bins.jpg, 20KB");
    assertThat(row.changeHref()).contains("/evidence");
    assertThat(FileUploadHtml.summaryRow("evidence", "Tystiolaeth", List.of(), Optional.empty(), Locale.forLanguageTag("cy")).value())
        .isEqualTo("Dim ffeiliau wedi’u huwchlwytho");
  }
}
