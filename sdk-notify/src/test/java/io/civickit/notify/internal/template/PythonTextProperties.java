package io.civickit.notify.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Python's float text, as Notify writes a number: it always reads back as the same double, in Python's shape. */
class PythonTextProperties {

  @Property(tries = 2000)
  void anyFiniteDoubleReadsBackExactlyInPythonsShape(@ForAll double d) {
    String text = NotifyValues.text(d);
    if (Double.isFinite(d)) {
      assertThat(Double.parseDouble(text)).isEqualTo(d);
      double magnitude = Math.abs(d);
      if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16)) {
        assertThat(text).matches("-?\\d(\\.\\d+)?e[+-]\\d{2,3}");
      } else {
        assertThat(text).matches("-?\\d+\\.\\d+");
      }
    }
  }

  @Property
  void anyFloatIsWrittenWithItsOwnShortestDigits(@ForAll float f) {
    String text = NotifyValues.text(f);
    if (Float.isFinite(f)) {
      assertThat(Float.parseFloat(text)).isEqualTo(f);
    }
  }
}
