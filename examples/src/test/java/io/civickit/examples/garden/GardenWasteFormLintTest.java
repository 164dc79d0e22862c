package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.lint.FormLint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The service's own form file, as shipped, passes form lint: what `civickit form lint` checks in CI. */
class GardenWasteFormLintTest {
  @Test
  void theShippedFormLintsClean() {
    assertThat(FormLint.checkFile(Path.of("src/main/resources/forms/garden-waste-permit.json"))).isEmpty();
    assertThat(FormLint.check(GardenWasteForm.form())).isEmpty();
  }
}
