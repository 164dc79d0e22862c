package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.InputFormat;
import io.civickit.forms.lint.FormLint;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FormsJsonProperties {

  static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(Forms.schema(), InputFormat.JSON);

  @Provide
  Arbitrary<Form> forms() {
    return FormArbitraries.forms();
  }

  @Property(tries = 100)
  void writingThenReadingGivesAnEqualForm(@ForAll("forms") Form form) {
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
  }

  @Property(tries = 100)
  void everyWrittenFormMatchesThePublishedSchema(@ForAll("forms") Form form) {
    assertThat(SCHEMA.validate(Forms.write(form), InputFormat.JSON)).isEmpty();
  }

  @Property(tries = 100)
  void lintNeverThrowsOnAnyForm(@ForAll("forms") Form form) {
    assertThat(FormLint.checkJson(Forms.write(form))).allSatisfy(p -> assertThat(p.path()).startsWith("$"));
  }

  @Property(tries = 500)
  void readingArbitraryTextEitherReadsOrSaysWhy(@ForAll String json) {
    try {
      Forms.read(json);
    } catch (FormFormatException e) {
      assertThat(e.path()).startsWith("$");
    }
    assertThat(FormLint.checkJson(json)).isNotEmpty();
  }
}
