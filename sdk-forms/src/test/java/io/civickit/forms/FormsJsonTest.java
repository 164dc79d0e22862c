package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Outcome;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormsJsonTest {

  static String minimal(String question) {
    return """
        {"id": "bins", "version": 1, "title": {"en": "Bins", "cy": "Biniau"},
         "pages": [{"id": "first", "questions": [%s]}],
         "ends": [{"id": "done", "outcome": "success", "title": {"en": "Done", "cy": "Wedi gorffen"},
                   "body": {"en": "Thanks", "cy": "Diolch"}}]}
        """.formatted(question);
  }

  static final String AGE = """
      {"id": "age", "type": "whole-number", "label": {"en": "Your age", "cy": "Eich oedran"},
       "errorNoun": {"en": "your age", "cy": "eich oedran"}, "min": 18, "max": 120.5}""";

  private static FormFormatException bad(String json) {
    try {
      Forms.read(json);
    } catch (FormFormatException e) {
      return e;
    }
    throw new AssertionError("expected a FormFormatException");
  }

  @Test
  void jsonAndBuilderMakeTheSameForm() {
    Form built = Form.builder("bins", 1).title("Bins", "Biniau")
        .page(Page.builder("first").question(Question.builder("age", QuestionType.WHOLE_NUMBER)
            .label("Your age", "Eich oedran").errorNoun("your age", "eich oedran")
            .min(new BigDecimal("18")).max(new BigDecimal("120.5")).build()).build())
        .end(new FormEnd("done", LocalisedText.of("Done", "Wedi gorffen"), LocalisedText.of("Thanks", "Diolch"),
            Outcome.SUCCESS))
        .build();
    assertThat(Forms.read(minimal(AGE))).isEqualTo(built);
    assertThat(Forms.read(Forms.write(built))).isEqualTo(built);
  }

  @Test
  void unknownQuestionTypeNamesTheTypesThatExist() {
    FormFormatException e = bad(minimal(AGE.replace("whole-number", "integer")));
    assertThat(e.path()).isEqualTo("$.pages[0].questions[0].type");
    assertThat(e.problem()).startsWith("unknown question type 'integer'; expected one of text, textarea");
    assertThat(e.getMessage()).startsWith("bad form: $.pages[0].questions[0].type: unknown question type");
  }

  @Test
  void missingIdIsReportedAtItsPath() {
    FormFormatException e = bad(minimal(AGE.replace("\"id\": \"age\",", "")));
    assertThat(e.path()).isEqualTo("$.pages[0].questions[0].id");
    assertThat(e.problem()).isEqualTo("missing id");
  }

  @Test
  void conditionThatDoesNotParseIsReportedAtItsPath() {
    FormFormatException e = bad(minimal(AGE.replace("\"min\"", "\"showIf\": \"age >=\", \"min\"")));
    assertThat(e.path()).isEqualTo("$.pages[0].questions[0].showIf");
    assertThat(e.problem()).startsWith("condition does not parse:");
  }

  @Test
  void missingWelshAndErrorNounAreAllListed() {
    String q = AGE.replace(", \"cy\": \"Eich oedran\"", "")
        .replace("\"errorNoun\": {\"en\": \"your age\", \"cy\": \"eich oedran\"},", "");
    FormFormatException e = bad(minimal(q));
    assertThat(e.problems()).extracting(Object::toString).containsExactly(
        "$.pages[0].questions[0].label.cy: missing Welsh text",
        "$.pages[0].questions[0].errorNoun: missing error noun (the words used in error messages, such as "
            + "\"your date of birth\")");
  }

  @Test
  void unknownFieldsAndWrongTypesAreErrors() {
    FormFormatException e = bad(minimal(AGE.replace("\"min\": 18", "\"minimum\": 18, \"required\": \"yes\"")));
    assertThat(e.problems()).extracting(Object::toString).containsExactly(
        "$.pages[0].questions[0].minimum: unknown field 'minimum'; expected one of accessibleAutocomplete, autocomplete, dateRule, "
            + "earliestDate, errorNoun, errorSubject, fileTypes, hint, id, items, label, latestDate, max, maxFileBytes, "
            + "maxItems, maxLength, maxWords, messages, min, minItems, minLength, optionList, options, pattern, prefix, "
            + "required, showIf, suffix, type",
        "$.pages[0].questions[0].required: expected true or false but found text");
  }

  @Test
  void notJsonSaysWhere() {
    FormFormatException e = bad("{\"id\": \"bins\",\n \"version\": }");
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.problem()).startsWith("not JSON at line 2, column");
  }

  @Test
  void duplicateKeysAreRejected() {
    FormFormatException e = bad(minimal(AGE.replace("\"min\": 18", "\"min\": 18, \"min\": 19")));
    assertThat(e.problem()).contains("Duplicate field 'min'");
  }

  @Test
  void duplicateIdsAndUnknownReferencesHavePaths() {
    String json = minimal(AGE + ", " + AGE.replace("whole-number", "text").replace(", \"min\": 18, \"max\": 120.5", ""))
        .replace("\"ends\"", "\"routes\": [{\"from\": \"first\", \"condition\": \"age > 1\", \"to\": \"nowhere\"}], \"ends\"");
    FormFormatException e = bad(json);
    assertThat(e.problems()).extracting(Object::toString).containsExactly(
        "$.pages[0].questions[1].id: question id 'age' is already used on page 'first'",
        "$.routes[0].to: no page or end has id 'nowhere'");
  }

  @Test
  void tooLargeAFileIsRefusedBeforeParsing() {
    byte[] big = new byte[Forms.MAX_JSON_BYTES + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThatThrownBy(() -> Forms.read(new ByteArrayInputStream(big))).isInstanceOf(FormFormatException.class)
        .hasMessageContaining("larger than 1048576 bytes");
  }

  @Test
  void tooManyOptionsIsRefused() {
    StringBuilder opts = new StringBuilder();
    for (int i = 0; i <= Form.MAX_OPTIONS; i++) {
      opts.append(i == 0 ? "" : ",").append("{\"value\": \"v").append(i)
          .append("\", \"label\": {\"en\": \"V\", \"cy\": \"V\"}}");
    }
    String q = "{\"id\": \"pick\", \"type\": \"select\", \"label\": {\"en\": \"Pick\", \"cy\": \"Dewis\"},"
        + " \"errorNoun\": {\"en\": \"a choice\", \"cy\": \"dewis\"}, \"options\": [" + opts + "]}";
    FormFormatException e = bad(minimal(q));
    assertThat(e.path()).isEqualTo("$.pages[0].questions[0].options");
    assertThat(e.problem()).isEqualTo("has 501 entries; at most 500");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(100) + "]".repeat(100);
    FormFormatException e = bad(minimal(AGE.replace("\"min\": 18", "\"min\": " + deep)));
    assertThat(e.problem()).startsWith("not JSON");
  }

  @Test
  void writtenJsonIsReadableAndTidy() {
    String json = Forms.write(SampleFormsTest.gardenWaste());
    assertThat(json).startsWith("{\n  \"id\": \"garden-waste-permit\",\n  \"version\": 1,");
    assertThat(json).doesNotContain("\"required\": true").contains("\"required\": false");
    assertThat(Forms.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(SampleFormsTest.gardenWaste());
  }

  @Test
  void bytesThatAreNotUtf8AreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    byte[] latin1 = minimal(AGE.replace("Eich oedran", "Eich oedran \u00e2")).getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = latin1;
    assertThatThrownBy(() -> Forms.read(new ByteArrayInputStream(bytes))).isInstanceOf(FormFormatException.class)
        .hasMessage("bad form: $: the file is not UTF-8 text");
    java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("latin1.json"), bytes);
    assertThat(io.civickit.forms.lint.FormLint.checkFile(file)).extracting(Object::toString)
        .containsExactly("$: the file is not UTF-8 text");
  }
}
