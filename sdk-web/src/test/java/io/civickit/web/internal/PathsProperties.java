package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.ConfigurationException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The base path: what goes out is under it, what comes in is taken off it, and nothing else is the runner's. */
class PathsProperties {
  @Property(tries = 2000)
  void aRunnerPathGoesUnderTheBasePathAndComesBackTheSame(@ForAll("bases") String base, @ForAll("paths") String path) {
    Paths paths = Paths.of(base);
    String out = paths.to(path);
    assertThat(out).startsWith(base.equals("/") ? "/" : base + "/");
    assertThat(paths.within(out)).contains(path);
    assertThat(paths.basePath()).isEqualTo(base);
  }

  @Property(tries = 2000)
  void aPathNotUnderTheBasePathIsNotTheRunners(@ForAll("bases") String base, @ForAll("anyPaths") String path) {
    Assume.that(!base.equals("/"));
    Optional<String> in = Paths.of(base).within(path);
    boolean under = path.equals(base) || path.startsWith(base + "/");
    assertThat(in.isPresent()).as(path).isEqualTo(under);
    if (under) {
      assertThat(path.equals(base) ? in.get().equals("/") : Paths.of(base).to(in.get()).equals(path)).isTrue();
    }
  }

  @Example
  void theBasePathItselfWithOrWithoutItsSlashIsTheStartPage() {
    Paths p = Paths.of("/report-a-missed-bin");
    assertThat(p.within("/report-a-missed-bin")).contains("/");
    assertThat(p.within("/report-a-missed-bin/")).contains("/");
    assertThat(p.within("/report-a-missed-binx")).isEmpty();
    assertThat(p.to("/")).isEqualTo("/report-a-missed-bin/");
    assertThat(Paths.of("/").to("/apply/x")).isEqualTo("/apply/x");
  }

  @Example
  void aBasePathThatIsNotAPlainPathIsRefusedSayingWhatIsWrong() {
    for (String bad : List.of("", "bins", "/bins/", "//bins", "/bins/../x", "/bins/./x", "/bins?x=1", "/bin s",
        "/bins#x", "/bins%2Fx", "/bins\\x", "/bíns", "/" + "a".repeat(200))) {
      assertThatThrownBy(() -> Paths.of(bad)).as(bad).isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("basePath must be / or a path like /report-a-missed-bin (a leading /, no trailing /, "
              + "only letters, digits, - and _ between slashes, at most 200 characters), but was \"")
          .hasMessageEndingWith("\": set it to the path the service is mounted at, like /report-a-missed-bin");
    }
  }

  @Provide
  Arbitrary<String> bases() {
    Arbitrary<String> segment = Arbitraries.strings().withChars("abz09-_AZ").ofMinLength(1).ofMaxLength(8);
    return segment.list().ofMinSize(0).ofMaxSize(3).map(l -> l.isEmpty() ? "/" : "/" + String.join("/", l));
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment = Arbitraries.strings().withChars("abz09-_.").ofMaxLength(8);
    return segment.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l));
  }

  @Provide
  Arbitrary<String> anyPaths() {
    return Arbitraries.strings().withChars("/abz09-_.").ofMaxLength(24).map(s -> "/" + s)
        .edgeCases(e -> e.add("/a").add("/a/").add("/ab"));
  }
}
