package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Only same-site paths pass as a "return to" address, whatever a browser would make of them. */
class RequestsProperties {
  @Property(tries = 3000)
  void everyAcceptedReturnAddressStaysOnTheSite(@ForAll("addresses") String s) {
    if (Requests.isLocalPath(s)) {
      URI resolved = URI.create("https://service.example.gov.uk/apply/x").resolve(s);
      assertThat(resolved.getHost()).isEqualTo("service.example.gov.uk");
      assertThat(s).doesNotContain("//", "\\", "%", ":", "@");
    }
  }

  @Provide
  Arbitrary<String> addresses() {
    return Arbitraries.strings().withChars("/\\%:@.aZ09-_?#\t ").ofMaxLength(20)
        .injectDuplicates(0.1).edgeCases(e -> e.add("//x").add("/\\x"));
  }

  @Example
  void theKnownTricksAreRefused() {
    for (String s : List.of("//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "/%5Cevil.example",
        "//2130706433", "//0x7f.0.0.1", "///evil", "https://evil.example", "http:evil", "/\tevil", "",
        "evil.example", "/a//b")) {
      assertThat(Requests.isLocalPath(s)).as(s).isFalse();
    }
    assertThat(Requests.isLocalPath("/apply/bins")).isTrue();
    assertThat(Requests.isLocalPath("/")).isTrue();
  }
}
