package io.civickit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ReferenceProperties {

  private static String compact(Reference r) {
    return r.value().replace("-", "");
  }

  @Property(tries = 2000)
  void everySingleCharacterErrorIsCaught(@ForAll long seed) {
    String ref = compact(Reference.random(new SplittableRandom(seed)));
    for (int i = 0; i < ref.length(); i++) {
      for (char c : Reference.ALPHABET.toCharArray()) {
        if (c == ref.charAt(i)) {
          continue;
        }
        String typo = ref.substring(0, i) + c + ref.substring(i + 1);
        assertThat(Reference.parse(typo)).as("%s -> %s", ref, typo).isEmpty();
      }
    }
  }

  @Property(tries = 2000)
  void everyAdjacentSwapIsCaught(@ForAll long seed) {
    String ref = compact(Reference.random(new SplittableRandom(seed)));
    for (int i = 0; i + 1 < ref.length(); i++) {
      if (ref.charAt(i) == ref.charAt(i + 1)) {
        continue;
      }
      String swapped = ref.substring(0, i) + ref.charAt(i + 1) + ref.charAt(i) + ref.substring(i + 2);
      assertThat(Reference.parse(swapped)).as("%s -> %s", ref, swapped).isEmpty();
    }
  }

  @Property(tries = 1000)
  void referencesReadBackHoweverTheyAreTyped(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int style) {
    Reference r = Reference.random(new SplittableRandom(seed));
    String typed = switch (style) {
      case 0 -> r.value().toLowerCase(Locale.ROOT);
      case 1 -> " " + compact(r) + " ";
      default -> r.value().replace("-", " ");
    };
    assertThat(Reference.parse(typed)).contains(r);
  }

  @Property(tries = 1000)
  void referencesHaveNoVowelsAndNoLookalikes(@ForAll long seed) {
    String ref = compact(Reference.random(new SplittableRandom(seed)));
    assertThat(ref).hasSize(9).doesNotContainPattern("[AEIOUY01OILZSGB]");
  }

  @Property(tries = 1000)
  void arbitraryTextNeverThrows(@ForAll String typed) {
    Reference.parse(typed);
  }
}
