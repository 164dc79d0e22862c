package io.civickit.forms.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GOV.UK content rules for custom error messages and question text: words and phrases the
 * GOV.UK Design System tells services not to use in error messages.
 */
public final class ContentRules {

  private record Rule(Pattern pattern, String advice) {}

  private static final List<Rule> RULES = List.of(
      rule("please", "do not say 'please' in an error message"),
      rule("sorry", "do not apologise in an error message"),
      rule("valid", "say what is wrong instead of 'valid'"),
      rule("invalid", "say what is wrong instead of 'invalid'"),
      rule("field is required", "say what to enter instead of 'field is required'"),
      rule("is required", "say what to enter instead of 'is required'"),
      rule("oops", "do not use 'oops'"),
      rule("error occurred", "say what went wrong instead of 'error occurred'"),
      rule("forbidden", "do not use technical words like 'forbidden'"),
      rule("illegal", "do not use technical words like 'illegal'"),
      rule("you forgot", "do not blame the user"),
      rule("you have failed", "do not blame the user"));

  private static Rule rule(String phrase, String advice) {
    return new Rule(Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), advice);
  }

  private ContentRules() {}

  /**
   * The advice for every rule an English error message breaks, in rule order; empty when the
   * message follows the rules. An exclamation mark or text in capitals is also reported.
   */
  public static List<String> checkErrorMessage(String message) {
    List<String> out = new ArrayList<>();
    for (Rule r : RULES) {
      if (r.pattern().matcher(message).find()) {
        out.add(r.advice());
      }
    }
    if (message.contains("!")) {
      out.add("do not use exclamation marks");
    }
    String letters = message.replaceAll("[^\\p{L}]", "");
    if (letters.length() >= 4 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
      out.add("do not write in capital letters");
    }
    return out;
  }
}
