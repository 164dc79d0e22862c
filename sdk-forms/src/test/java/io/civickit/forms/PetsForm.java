package io.civickit.forms;

import io.civickit.core.Outcome;

/** A small form with a page shown only to pet owners. */
final class PetsForm {
  private PetsForm() {}

  static Form form() {
    return Form.builder("pets", 1).title("Register a pet", "Cofrestru anifail anwes")
        .page(Page.builder("has-pet").question(Question.builder("has_pet", QuestionType.YES_NO)
            .label("Do you have a pet?", "Oes gennych chi anifail anwes?")
            .errorNoun("whether you have a pet", "a oes gennych chi anifail anwes").build()).build())
        .page(Page.builder("pet").showIf("has_pet = true").question(Question.builder("pet_name", QuestionType.TEXT)
            .label("What is your pet's name?", "Beth yw enw eich anifail anwes?")
            .errorNoun("your pet's name", "enw eich anifail anwes").build()).build())
        .page(Page.builder("name").question(Question.builder("full_name", QuestionType.TEXT)
            .label("Full name", "Enw llawn").errorNoun("your full name", "eich enw llawn").build()).build())
        .end(new FormEnd("done", LocalisedText.of("Registered", "Wedi cofrestru"),
            LocalisedText.of("We have your details", "Mae eich manylion gennym"), Outcome.SUCCESS))
        .build();
  }

  /** The garden form as version 2, with fewer bins allowed. */
  static Form withMaxBins(Form garden, int max) {
    String json = Forms.write(garden);
    String changed = json.replace("\"max\": 3", "\"max\": " + max).replace("\"version\": 1,", "\"version\": 2,");
    if (changed.equals(json)) {
      throw new IllegalStateException("the garden form has changed: no \"max\": 3");
    }
    return Forms.read(changed);
  }
}
