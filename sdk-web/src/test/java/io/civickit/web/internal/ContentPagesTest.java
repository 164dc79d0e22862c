package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A content page served by the runner: its guidance, content shown only when its condition holds, Continue. */
class ContentPagesTest {
  @TempDir Path dir;
  private InProcess web;

  @BeforeEach
  void start() {
    web = new InProcess(dir, "/content-form.json", b -> { });
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private InProcess.Browser answered(String blocked) {
    InProcess.Browser b = web.browser();
    b.get("/");
    b.post("/start", Map.of());
    b.get("/apply/blocked");
    assertThat(b.post("/apply/blocked", Map.of("blocked", blocked)).header("Location"))
        .contains("/apply/before-you-go-on");
    return b;
  }

  @Test
  void aContentPageShowsItsGuidanceAndContentWhoseConditionHoldsThenMovesOn() {
    InProcess.Browser b = answered("yes");
    String page = b.get("/apply/before-you-go-on").bodyText();
    assertThat(page).contains("<h1 class=\"govuk-heading-l\">Before you go on</h1>")
        .contains("Keep <strong>away</strong> from the tree.")
        .contains("govuk-warning-text").contains("Call 999 if the road is dangerous.");
    assertThat(b.post("/apply/before-you-go-on", Map.of()).header("Location")).contains("/apply/contact");
  }

  @Test
  void contentWhoseConditionDoesNotHoldIsLeftOut() {
    InProcess.Browser b = answered("no");
    String page = b.get("/apply/before-you-go-on").bodyText();
    assertThat(page).contains("Keep <strong>away</strong> from the tree.").doesNotContain("Call 999")
        .doesNotContain("govuk-warning-text");
  }
}
