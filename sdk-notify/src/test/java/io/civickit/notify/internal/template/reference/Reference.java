package io.civickit.notify.internal.template.reference;

import java.util.Set;

/** The reference implementation's internal steps, for comparison one by one. */
public final class Reference {
  private Reference() {}

  public static String key(String name) {
    return Placeholders.key(name);
  }

  public static Set<String> names(String text) {
    return Placeholders.names(text);
  }

  public static String escapeHtml(String text) {
    return TemplateRendering.escapeHtml(text);
  }

  public static String markdownHtml(String escapedMarkdown) {
    return NotifyMarkdown.html(escapedMarkdown);
  }

  public static String markdownPlain(String markdown) {
    return NotifyMarkdown.plain(markdown);
  }

  public static String removeSpaceBeforePunctuation(String s) {
    return Typography.removeSpaceBeforePunctuation(s);
  }

  public static String enDashes(String s) {
    return Typography.enDashes(s);
  }

  public static String straightenQuotesInEmailAddresses(String s) {
    return Typography.straightenQuotesInEmailAddresses(s);
  }

  public static String unlinkGovUk(String s) {
    return Typography.unlinkGovUk(s);
  }

  public static String typographyPlain(String s) {
    return Typography.plain(s);
  }

  public static String typographyHtml(String s) {
    return Typography.html(s);
  }
}
