package io.civickit.examples.missedbin;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.Form;
import io.civickit.forms.Forms;
import io.civickit.forms.lint.FormLint;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class MissedBinFormLintTest {
  @Test
  void theShippedFormHasNoLintProblems() throws Exception {
    Form form;
    try (InputStream in = getClass().getResourceAsStream("/forms/missed-bin.json")) {
      form = Forms.read(in);
    }
    assertThat(FormLint.check(form)).isEmpty();
    assertThat(form.pages()).hasSize(7);
  }
}
