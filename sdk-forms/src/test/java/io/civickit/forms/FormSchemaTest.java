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
  }

  @Test
  void schemaRejectsWhatTheReaderRejects() throws IOException {
    String garden = resource("/forms/garden-waste-permit.json");
    List<Error> badType = schema.validate(garden.replace("\"whole-number\"", "\"integer\""), InputFormat.JSON);
    assertThat(badType).isNotEmpty();
    List<Error> noNoun = schema.validate(garden.replace("\"errorNoun\": { \"en\": \"your address\", \"cy\": \"eich cyfeiriad\" }",
        "\"hint2\": 1"), InputFormat.JSON);
    assertThat(noNoun).extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("errorNoun"));
    List<Error> noWelsh = schema.validate(garden.replace(", \"cy\": \"Eich casgliad\"", ""), InputFormat.JSON);
    assertThat(noWelsh).extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("cy"));
  }
}
