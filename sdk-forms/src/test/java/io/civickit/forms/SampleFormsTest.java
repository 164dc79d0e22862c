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

  static Form flyTipping() {
    try (InputStream in = SampleFormsTest.class.getResourceAsStream("/forms/report-fly-tipping.json")) {
      return Forms.read(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void reportFlyTippingUsesTheNewPartsAndLintsClean() throws java.io.IOException {
    Form form = flyTipping();
    assertThat(form.languages()).containsExactly("en");
    Question kinds = form.question("waste_types").orElseThrow();
    assertThat(kinds.options()).filteredOn(Option::exclusive).extracting(Option::value).containsExactly("unsure");
    assertThat(kinds.options().get(0).hint()).isPresent();
    assertThat(form.question("size").orElseThrow().options()).hasSize(4);
    assertThat(form.question("bag_count").orElseThrow().errorSubject()).isPresent();
    assertThat(FormLint.check(form)).isEmpty();
    try (InputStream in = SampleFormsTest.class.getResourceAsStream("/forms/report-fly-tipping.json")) {
      assertThat(FormLint.checkJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
    }
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
  }

  @Test
  void reportFlyTippingSpeaksAsTheDesignSystemDoes() {
    Form form = flyTipping();
    java.time.LocalDate today = java.time.LocalDate.of(2026, 3, 1);
    java.util.function.BiFunction<String, java.util.Map<String, java.util.List<String>>, String> error = (id, in) ->
        ((io.civickit.forms.validation.ValidationResult.Invalid) io.civickit.forms.validation.Validation.validate(
            form.question(id).orElseThrow(), in, java.util.Locale.UK, today)).errors().get(0).message();
    assertThat(error.apply("waste_types", java.util.Map.of("waste_types", java.util.List.of("garden", "unsure"))))
        .isEqualTo("Select what has been dumped, or select ‘I do not know’");
    assertThat(error.apply("bag_count", java.util.Map.of("bag_count", java.util.List.of("some"))))
        .isEqualTo("Number of bags must be a number, like 30");
    assertThat(error.apply("bag_count", java.util.Map.of("bag_count", java.util.List.of("51"))))
        .isEqualTo("Number of bags must be between 1 and 50 – if there are more, go back and choose a larger amount");
    assertThat(error.apply("seen_on", java.util.Map.of("seen_on-day", java.util.List.of("1"),
        "seen_on-month", java.util.List.of("13"), "seen_on-year", java.util.List.of("2026"))))
        .isEqualTo("The date you saw it must be a real date");
    assertThat(error.apply("size", java.util.Map.of())).isEqualTo("Select how much has been dumped");
  }

  @Test
  void gardenWastePermitRoundTripsThroughJson() {
    Form form = gardenWaste();
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
  }
}
