package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.web.WebResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accessible autocomplete's files, served from its webjar beside the runner's script that applies it. */
class AutocompleteAssetsTest {
  @TempDir Path dir;
  private InProcess web;

  @BeforeEach
  void start() {
    web = new InProcess(dir, Map.of());
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void theLibraryItsStylesAndTheScriptThatAppliesItAreServedAsFiles() {
    InProcess.Browser b = web.browser();
    WebResponse js = b.get("/assets/accessible-autocomplete.min.js");
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.header("Content-Type")).contains("text/javascript; charset=utf-8");
    assertThat(js.bodyText()).contains("enhanceSelectElement");
    WebResponse css = b.get("/assets/accessible-autocomplete.min.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.bodyText()).contains(".autocomplete__input");
    String own = b.get("/assets/civickit-autocomplete.js").bodyText();
    assertThat(own).contains("select[data-module=\"civickit-autocomplete\"]", "Dim canlyniadau");
    assertThat(b.get("/assets/civickit-web.js").bodyText()).contains("import { enhanceAutocompletes } from './civickit-autocomplete.js'");
    // nothing else of the webjar (its examples, its tests) can be named
    assertThat(b.get("/assets/examples/index.html").status()).isEqualTo(404);
    assertThat(b.get("/assets/accessible-autocomplete.preact.min.js").status()).isEqualTo(404);
  }
}
