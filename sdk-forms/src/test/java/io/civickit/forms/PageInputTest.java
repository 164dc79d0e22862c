package io.civickit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.forms.validation.Fixtures;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Saved answers go back into the inputs they came from, so "Change" shows what was answered. */
class PageInputTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  private static Answer answer(Question q, Map<String, List<String>> input) {
    ValidationResult r = Validation.validate(q, input, Locale.UK, TODAY);
    assertThat(r).as("the input is valid").isInstanceOf(ValidationResult.Valid.class);
    ValidationResult.Valid v = (ValidationResult.Valid) r;
    return Answer.of(v.value().orElseThrow(), v.display(), Actor.citizen());
  }

  @Test
  void aRepeatingGroupComesBackItemByItem() {
    Map<String, List<String>> typed = Fixtures.in(
        "children-items", "2",
        "children[0].name", "Ana", "children[0].dob-day", "3", "children[0].dob-month", "jan",
        "children[0].dob-year", "2015",
        "children[1].name", "Bryn", "children[1].dob-day", "14", "children[1].dob-month", "7",
        "children[1].dob-year", "2019");
    Map<String, List<String>> restored = PageInput.fields(Fixtures.CHILDREN, answer(Fixtures.CHILDREN, typed));
    assertThat(restored).containsEntry("children-items", List.of("2"))
        .containsEntry("children[0].name", List.of("Ana"))
        .containsEntry("children[0].dob-month", List.of("1"))
        .containsEntry("children[1].dob-day", List.of("14"))
        .containsEntry("children[1].dob-year", List.of("2019"));
  }

  @Property(tries = 200)
  void aRepeatingGroupReadsBackToTheSameAnswer(
      @ForAll @Size(min = 1, max = 3) List<@AlphaChars @StringLength(min = 1, max = 15) String> names,
      @ForAll @IntRange(min = 1, max = 9000) int daysBack) {
    Map<String, List<String>> typed = new LinkedHashMap<>();
    typed.put("children-items", List.of(Integer.toString(names.size())));
    for (int i = 0; i < names.size(); i++) {
      LocalDate dob = TODAY.minusDays(daysBack + i);
      typed.put("children[" + i + "].name", List.of(names.get(i)));
      typed.put("children[" + i + "].dob-day", List.of(Integer.toString(dob.getDayOfMonth())));
      typed.put("children[" + i + "].dob-month", List.of(Integer.toString(dob.getMonthValue())));
      typed.put("children[" + i + "].dob-year", List.of(Integer.toString(dob.getYear())));
    }
    Answer first = answer(Fixtures.CHILDREN, typed);
    Answer again = answer(Fixtures.CHILDREN, PageInput.fields(Fixtures.CHILDREN, first));
    assertThat(again.value()).isEqualTo(first.value());
  }

  @Test
  void simpleQuestionsStillComeBackAsBefore() {
    Answer dob = answer(Fixtures.DOB, Fixtures.in("dob-day", "1", "dob-month", "February", "dob-year", "1980"));
    assertThat(PageInput.fields(Fixtures.DOB, dob)).containsEntry("dob-day", List.of("1"))
        .containsEntry("dob-month", List.of("2")).containsEntry("dob-year", List.of("1980"));
    Answer phone = answer(Fixtures.PHONE, Fixtures.in("phone", "01632 960 001"));
    assertThat(PageInput.fields(Fixtures.PHONE, phone)).containsEntry("phone", List.of("01632 960 001"));
  }
}
