package io.civickit.forms.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Outcome;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormLintTest {

  private static Question age() {
    return Question.builder("age", QuestionType.WHOLE_NUMBER).label("Your age", "Eich oedran")
        .errorNoun("your age", "eich oedran").build();
  }

  private static Form.Builder form(Page second) {
    return Form.builder("bins", 1).title("Bins", "Biniau")
        .page(Page.builder("first").question(age()).build())
        .page(second)
        .end(new FormEnd("done", LocalisedText.of("Done", "Wedi gorffen"),
            LocalisedText.of("Thanks", "Diolch"), Outcome.values()[0]));
  }

  private static Page second(String showIf) {
    return Page.builder("second").showIf(showIf)
        .question(Question.builder("name", QuestionType.TEXT).label("Name", "Enw")
            .errorNoun("your name", "eich enw").build()).build();
  }

  private static List<String> lint(Form f) {
    return FormLint.check(f).stream().map(LintProblem::toString).toList();
  }

  @Test
  void cleanFormHasNoProblems() {
    assertThat(FormLint.check(form(second("age >= 18")).build())).isEmpty();
  }

  @Test
  void conditionThatDoesNotParseIsReportedAtItsPath() {
    assertThat(lint(form(second("age >=")).build())).singleElement().asString()
        .startsWith("$.pages[1].showIf: condition does not parse");
  }

  @Test
  void unknownQuestionInConditionIsReported() {
    assertThat(lint(form(second("agee >= 18")).build()))
        .containsExactly("$.pages[1].showIf: condition refers to unknown question 'agee'");
  }

  @Test
  void comparingNumberWithTextIsReported() {
    assertThat(lint(form(second("age = 'old'")).build())).singleElement().asString()
        .startsWith("$.pages[1].showIf: ").contains("compares number with text");
  }

  @Test
  void routeBackToAnEarlierPageIsALoop() {
    assertThat(lint(form(second("age >= 18")).route("second", "age > 1", "first").build()))
        .containsExactly("$.routes[0].to: route from 'second' goes back to 'first' and makes a loop");
  }

  @Test
  void welshCopiedFromEnglishIsReportedAtTheCyPath() {
    Page p = Page.builder("second").question(Question.builder("name", QuestionType.TEXT)
        .label("Name", "Name").errorNoun("your name", "eich enw").build()).build();
    assertThat(lint(form(p).build()))
        .containsExactly("$.pages[1].questions[0].label.cy: Welsh text is a copy of the English: 'Name'");
  }
}
