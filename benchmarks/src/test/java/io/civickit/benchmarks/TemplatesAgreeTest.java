package io.civickit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.benchmarks.template.ReceiptRenderers;
import io.civickit.notify.RenderedMessage;
import org.junit.jupiter.api.Test;

/** The template benchmark is fair only if every renderer makes the very same email. */
class TemplatesAgreeTest {

  @Test
  void mustacheAndHandWrittenMakeExactlyTheEmailCivicKitMakes() {
    RenderedMessage.Email civic = new ReceiptRenderers.CivicKit().render();
    assertThat(civic.html()).contains("<ul><li>", "&amp;", "payment by card");
    assertThat(new ReceiptRenderers.MustacheJava().render()).isEqualTo(civic);
    assertThat(new ReceiptRenderers.HandWritten().render()).isEqualTo(civic);
  }
}
