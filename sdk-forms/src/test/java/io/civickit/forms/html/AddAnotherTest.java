package io.civickit.forms.html;

import static io.civickit.forms.validation.Fixtures.CHILDREN;
import static io.civickit.forms.validation.Fixtures.in;
import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddAnotherTest {

  private static final Page PAGE = Page.builder("children").question(CHILDREN).build();

  @Test
  void continueIsNoAction() {
    assertThat(AddAnother.action(PAGE, in("children[0].name", "Sam"))).isEmpty();
    assertThat(AddAnother.action(PAGE, in("children-action", "remove-abc"))).isEmpty();
    assertThat(AddAnother.action(PAGE, in("children-action", "remove-99999"))).isEmpty();
  }

  @Test
  void addShowsOneMoreEmptyItemUpToTheMaximum() {
    Map<String, List<String>> in = in("children[0].name", "Sam", "children-action", "add");
    AddAnother.Action a = AddAnother.action(PAGE, in).orElseThrow();
    assertThat(a).isEqualTo(new AddAnother.Action("children", true, -1));
    Map<String, List<String>> out = AddAnother.apply(PAGE, in, a);
    assertThat(out).containsEntry("children-items", List.of("2")).containsEntry("children[0].name", List.of("Sam"))
        .doesNotContainKey("children-action");
    assertThat(AddAnother.apply(PAGE, in("children-items", "3", "children-action", "add"), a))
        .containsEntry("children-items", List.of("3"));
  }

  @Test
  void removeDropsTheItemAndMovesLaterOnesUp() {
    Map<String, List<String>> in = in("children-items", "3", "children[0].name", "A", "children[1].name", "B",
        "children[1].dob-day", "4", "children[2].name", "C", "children-action", "remove-1");
    AddAnother.Action a = AddAnother.action(PAGE, in).orElseThrow();
    assertThat(a).isEqualTo(new AddAnother.Action("children", false, 1));
    Map<String, List<String>> out = AddAnother.apply(PAGE, in, a);
    assertThat(out).containsEntry("children[0].name", List.of("A")).containsEntry("children[1].name", List.of("C"))
        .doesNotContainKey("children[2].name").doesNotContainKey("children[1].dob-day")
        .containsEntry("children-items", List.of("2"));
    Map<String, List<String>> last = AddAnother.apply(PAGE, in("children[0].name", "A", "children-action", "remove-0"),
        new AddAnother.Action("children", false, 0));
    assertThat(last).containsEntry("children-items", List.of("1")).doesNotContainKey("children[0].name");
  }
}
