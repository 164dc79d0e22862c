package io.civickit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private Path garden;

  @BeforeEach
  void capture() throws Exception {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (InputStream in = FormCommandTest.class.getResourceAsStream("/forms/garden-waste-permit.json")) {
      garden = Files.write(dir.resolve("garden.json"), in.readAllBytes());
    }
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void lintOfACleanFormPrintsNothingAndExitsZero() {
    assertThat(CivicKitCommand.run("form", "lint", garden.toString())).isZero();
    assertThat(out()).isEmpty();
  }

  @Test
  void lintPrintsOneProblemPerLineAndExitsOne() throws Exception {
    String text = Files.readString(garden)
        .replace("\"cy\": \"Eich casgliad\"", "\"cy\": \"Your collection\"")
        .replace("\"lives_in_area = false\"", "\"lives_in_area = 'no'\"");
    Path bad = file("bad.json", text);
    assertThat(CivicKitCommand.run("form", "lint", bad.toString())).isEqualTo(1);
    assertThat(out().lines()).containsExactly(
        "$.sections[1].title.cy: Welsh text is a copy of the English: 'Your collection'",
        "$.routes[0].condition: 'lives_in_area = 'no'' compares yes/no with text and is never true");
    assertThat(err()).contains("2 problems");
  }

  @Test
  void lintOfAFileThatIsNotAFormReportsWhere() throws Exception {
    Path bad = file("bad.json", "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"X\", \"cy\": \"Y\"}, "
        + "\"pages\": [{\"id\": \"p\", \"questions\": [{\"id\": \"q\", \"type\": \"colour\"}]}], \"ends\": []}");
    assertThat(CivicKitCommand.run("form", "lint", bad.toString())).isEqualTo(1);
    assertThat(out().lines()).contains(
        "$.pages[0].questions[0].type: unknown question type 'colour'; expected one of text, textarea, "
            + "whole-number, decimal, money, date, email, phone, mobile, postcode, address, "
            + "national-insurance-number, radios, checkboxes, select, yes-no, file, repeating-group, declaration, name, "
            + "first-and-last-name, month-year, international-address",
        "$.pages[0].questions[0].label: missing label");
  }

  @Test
  void missingFileIsAUsageError() {
    assertThat(CivicKitCommand.run("form", "lint", dir.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(err()).contains("cannot read");
  }

  @Test
  void validatePrintsNormalisedAnswers() throws Exception {
    Path answers = file("a.json", "{\"email\": \"  Sam@Example.com \", \"phone\": \"\"}");
    assertThat(CivicKitCommand.run("form", "validate", garden.toString(), "--page", "contact", "--answers",
        answers.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("valid").booleanValue()).isTrue();
    assertThat(json.get("errors")).isEmpty();
    assertThat(json.get("answers").get("email").isTextual()).isTrue();
    assertThat(json.get("answers").get("phone").isNull()).isTrue();
  }

  @Test
  void validatePrintsErrorsInWelshAndExitsOne() throws Exception {
    Path answers = file("a.json", "{\"number_of_bins\": 7}");
    assertThat(CivicKitCommand.run("form", "validate", garden.toString(), "--page", "bins", "--answers",
        answers.toString(), "--lang", "cy")).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("valid").booleanValue()).isFalse();
    assertThat(json.get("errors").get(0).get("field").textValue()).isEqualTo("number_of_bins");
    assertThat(json.get("errors").get(0).get("message").textValue()).contains("nifer y biniau");
    assertThat(json.get("answers")).isEmpty();
  }

  @Test
  void validateSkipsQuestionsHiddenByAnswersInTheFile() throws Exception {
    Path answers = file("a.json", "{\"assisted_collection\": \"no\", \"bin_location\": \"\"}");
    assertThat(CivicKitCommand.run("form", "validate", garden.toString(), "--page", "assisted-collection",
        "--answers", answers.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("answers").get("assisted_collection").booleanValue()).isFalse();
    assertThat(json.get("answers").has("bin_location")).isFalse();
  }

  @Test
  void validateOfAnUnknownPageNamesThePages() throws Exception {
    Path answers = file("a.json", "{}");
    assertThat(CivicKitCommand.run("form", "validate", garden.toString(), "--page", "nope", "--answers",
        answers.toString())).isEqualTo(2);
    assertThat(err()).contains("has no page 'nope'; its pages are lives-in-area, address");
  }

  @Test
  void renderPrintsThePageWithErrorsFromTheAnswers() throws Exception {
    assertThat(CivicKitCommand.run("form", "render", garden.toString(), "--page", "bins")).isZero();
    assertThat(out()).contains("How many garden waste bins do you need?").doesNotContain("Error:");
    out.reset();
    Path answers = file("a.json", "{\"number_of_bins\": \"<b>lots</b>\"}");
    assertThat(CivicKitCommand.run("form", "render", garden.toString(), "--page", "bins", "--answers",
        answers.toString(), "--lang", "cy")).isZero();
    assertThat(out()).contains("Faint o finiau gwastraff gardd").contains("Gwall:")
        .doesNotContain("<b>lots");
  }

  @Test
  void schemaIsPrinted() {
    assertThat(CivicKitCommand.run("form", "schema")).isZero();
    assertThat(out()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
  }
}
