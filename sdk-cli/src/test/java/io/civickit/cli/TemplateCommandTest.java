package io.civickit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private int run(String... args) {
    return CivicKitCommand.run(args);
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void rendersAnEmailWithSubjectPlainTextAndHtmlOnly() throws Exception {
    Path body = file("email.txt", "Dear ((name)),\n\n* one\n* two");
    Path p = file("p.json", "{\"Name\": \"<Al>\", \"unused\": 1}");

    int status = run("template", "render", body.toString(), "--type", "email",
        "--personalisation", p.toString(), "--subject", "Hello ((name))");

    assertThat(status).isZero();
    JsonNode json = json();
    assertThat(fieldNames(json)).containsExactly("subject", "body", "html");
    assertThat(json.get("subject").asText()).isEqualTo("Hello <Al>");
    assertThat(json.get("body").asText()).isEqualTo("Dear <Al>,\n\n• one\n• two\n");
    assertThat(json.get("html").asText())
        .isEqualTo("<p>Dear &lt;Al&gt;,</p><ul><li>one</li><li>two</li></ul>");
  }

  @Test
  void rendersAnSmsWithEncodingFragmentsAndCharacters() throws Exception {
    Path body = file("sms.txt", "Your code is ((code)) {ok}");
    Path p = file("p.json", "{\"code\": 1234}");

    int status = run("template", "render", body.toString(), "--type", "sms", "--personalisation", p.toString());

    assertThat(status).isZero();
    JsonNode json = json();
    assertThat(fieldNames(json)).containsExactly("body", "encoding", "fragments", "characters");
    assertThat(json.get("body").asText()).isEqualTo("Your code is 1234 {ok}");
    assertThat(json.get("encoding").asText()).isEqualTo("GSM");
    assertThat(json.get("fragments").asInt()).isEqualTo(1);
    assertThat(json.get("characters").asInt()).isEqualTo(24);
  }

  @Test
  void smsPolicyOptionKeepsEveryCharacterAndReportsUcs2() throws Exception {
    Path body = file("sms.txt", "Diolch ç");

    int downgraded = run("template", "render", body.toString(), "--type", "sms");
    JsonNode gsm = json();
    out.reset();
    int kept = run("template", "render", body.toString(), "--type", "sms", "--sms-policy", "ALL_CHARACTERS");

    assertThat(downgraded).isZero();
    assertThat(kept).isZero();
    assertThat(gsm.get("body").asText()).isEqualTo("Diolch c");
    assertThat(gsm.get("encoding").asText()).isEqualTo("GSM");
    assertThat(json().get("body").asText()).isEqualTo("Diolch ç");
    assertThat(json().get("encoding").asText()).isEqualTo("UCS-2");
  }

  @Test
  void rendersALetterWithSubjectAndBodyOnly() throws Exception {
    Path body = file("letter.txt", "# Council tax\n\nYou owe ((amount)).");
    Path p = file("p.json", "{\"amount\": \"£10\"}");

    int status = run("template", "render", body.toString(), "--type", "letter",
        "--personalisation", p.toString(), "--subject", "Bill - ((amount))");

    assertThat(status).isZero();
    JsonNode json = json();
    assertThat(fieldNames(json)).containsExactly("subject", "body");
    assertThat(json.get("subject").asText()).isEqualTo("Bill \u2013 £10");
    assertThat(json.get("body").asText())
        .isEqualTo("Council tax\n" + "-".repeat(65) + "\n\nYou owe £10.\n");
  }

  @Test
  void missingPersonalisationExitsOneAndNamesEveryMissingField() throws Exception {
    Path body = file("sms.txt", "((first name)) ((reference)) ((date??on a date))");
    Path p = file("p.json", "{\"reference\": \"X\"}");

    int status = run("template", "render", body.toString(), "--type", "sms", "--personalisation", p.toString());

    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("Missing personalisation: first name, date");
  }

  @Test
  void aTextMessageOverNotifysLimitExitsOne() throws Exception {
    Path body = file("sms.txt", "a".repeat(919));

    int status = run("template", "render", body.toString(), "--type", "sms");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("a text message cannot be longer than 918 characters, but this one is 919");
  }

  @Test
  void emailWithoutASubjectIsAUsageError() throws Exception {
    Path body = file("email.txt", "Hello");

    int status = run("template", "render", body.toString(), "--type", "email");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--subject is required");
  }
}
