package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Outcome;
import io.civickit.forms.lint.FormLint;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class SampleFormsTest {

  static Form gardenWaste() {
    try (InputStream in = SampleFormsTest.class.getResourceAsStream("/forms/garden-waste-permit.json")) {
      return Forms.read(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void gardenWastePermitLoadsAndLintsClean() {
    Form form = gardenWaste();
    assertThat(form.id()).isEqualTo("garden-waste-permit");
    assertThat(form.title().cy()).isEqualTo("Gwneud cais am drwydded casglu gwastraff gardd");
    assertThat(form.pages()).extracting(Page::id).containsExactly("lives-in-area", "address", "bins",
        "assisted-collection", "start-date", "contact");
    assertThat(form.ends()).extracting(FormEnd::outcome).containsExactly(Outcome.INELIGIBLE, Outcome.SUCCESS);
    assertThat(FormLint.check(form)).isEmpty();
  }

  @Test
  void gardenWastePermitRoundTripsThroughJson() {
    Form form = gardenWaste();
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
  }
}
