package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormSchemaTest {

  static String resource(String name) throws IOException {
    try (InputStream in = FormSchemaTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  final Schema schema = registry.getSchema(Forms.schema(), InputFormat.JSON);

  @Test
  void schemaIsInTheJarAndIsAValidDraft202012Schema() {
    Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(Forms.schema(), InputFormat.JSON)).isEmpty();
    assertThat(Forms.schema()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
  }

  @Test
  void sampleFormsMatchTheSchema() throws IOException {
    assertThat(schema.validate(resource("/forms/garden-waste-permit.json"), InputFormat.JSON)).isEmpty();
    assertThat(schema.validate(resource("/forms/report-fly-tipping.json"), InputFormat.JSON)).isEmpty();
  }

  @Test
  void schemaRejectsWhatTheReaderRejects() throws IOException {
    String garden = resource("/forms/garden-waste-permit.json");
    List<Error> badType = schema.validate(garden.replace("\"whole-number\"", "\"integer\""), InputFormat.JSON);
    assertThat(badType).isNotEmpty();
    List<Error> noNoun = schema.validate(garden.replace("\"errorNoun\": { \"en\": \"your address\", \"cy\": \"eich cyfeiriad\" }",
        "\"hint2\": 1"), InputFormat.JSON);
    assertThat(noNoun).extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("errorNoun"));
    List<Error> french = schema.validate(garden.replace("\"version\": 1,", "\"version\": 1, \"languages\": [\"en\", \"fr\"],"),
        InputFormat.JSON);
    assertThat(french).extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("enumeration [[\"en\"], [\"en\",\"cy\"]]"));
    // Welsh missing from a form in Welsh passes the schema (which cannot tie it to "languages") but not the reader.
    String noWelsh = garden.replace(", \"cy\": \"Eich casgliad\"", "");
    assertThat(noWelsh).isNotEqualTo(garden);
    assertThat(io.civickit.forms.lint.FormLint.checkJson(noWelsh)).extracting(Object::toString)
        .anySatisfy(p -> assertThat(p).endsWith(".cy: missing Welsh text"));
  }
}
