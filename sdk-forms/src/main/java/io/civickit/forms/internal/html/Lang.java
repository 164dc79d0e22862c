package io.civickit.forms.internal.html;

import java.util.Locale;

/** The fixed words of the GOV.UK components and CivicKit's question pages, in English and Welsh. */
public enum Lang {
  EN,
  CY;

  final String problem;
  final String errorPrefix;
  final String titlePrefix;
  final String change;
  /** "Remove". */
  public final String remove;
  final String day;
  final String month;
  final String year;
  final String continueButton;
  final String characterLimit;
  final String wordLimit;
  final String completed;
  final String notStarted;
  final String inProgress;
  final String cannotStart;
  final String addAnother;
  final String yes;
  final String no;
  /** "Yes" and "No" as answers to a yes/no question. */
  public final String answerYes;
  /** "No" as an answer. */
  public final String answerNo;
  /** The button that adds an item to a repeating group. */
  public final String addAnotherButton;
  /** The legend of a repeating-group item, with %d for its number. */
  public final String item;
  /** The empty first option of a select. */
  public final String selectPlaceholder;
  /** Address line 1 label. */
  public final String addressLine1;
  /** Address line 2 label. */
  public final String addressLine2;
  /** Town or city label. */
  public final String town;
  /** First name label. */
  public final String firstName;
  /** Last name label. */
  public final String lastName;
  /** Postcode label. */
  public final String postcode;
  /** The divider between choices. */
  public final String or;
  /** The hidden word before warning text. */
  public final String warning;

  Lang() {
    boolean cy = ordinal() == 1;
    problem = cy ? "Mae problem wedi codi" : "There is a problem";
    errorPrefix = cy ? "Gwall:" : "Error:";
    titlePrefix = cy ? "Gwall: " : "Error: ";
    change = cy ? "Newid" : "Change";
    remove = cy ? "Dileu" : "Remove";
    day = cy ? "Diwrnod" : "Day";
    month = cy ? "Mis" : "Month";
    year = cy ? "Blwyddyn" : "Year";
    continueButton = cy ? "Parhau" : "Continue";
    characterLimit = cy ? "Gallwch roi hyd at %d o nodau" : "You can enter up to %d characters";
    wordLimit = cy ? "Gallwch roi hyd at %d gair" : "You can enter up to %d words";
    completed = cy ? "Wedi cwblhau" : "Completed";
    notStarted = cy ? "Heb ddechrau eto" : "Not yet started";
    inProgress = cy ? "Ar y gweill" : "In progress";
    cannotStart = cy ? "Methu dechrau eto" : "Cannot start yet";
    addAnother = cy ? "Oes angen i chi ychwanegu un arall?" : "Do you need to add another?";
    yes = cy ? "Oes" : "Yes";
    no = cy ? "Nac oes" : "No";
    answerYes = cy ? "Ie" : "Yes";
    answerNo = cy ? "Na" : "No";
    addAnotherButton = cy ? "Ychwanegu un arall" : "Add another";
    item = cy ? "Eitem %d" : "Item %d";
    selectPlaceholder = cy ? "Dewiswch opsiwn" : "Select an option";
    addressLine1 = cy ? "Llinell 1 y cyfeiriad" : "Address line 1";
    addressLine2 = cy ? "Llinell 2 y cyfeiriad (dewisol)" : "Address line 2 (optional)";
    town = cy ? "Tref neu ddinas" : "Town or city";
    postcode = cy ? "Cod post" : "Postcode";
    firstName = cy ? "Enw cyntaf" : "First name";
    lastName = cy ? "Cyfenw" : "Last name";
    or = cy ? "neu" : "or";
    warning = cy ? "Rhybudd" : "Warning";
  }

  /** The language for a tag such as {@code "cy"}; English for anything else. */
  public static Lang of(String tag) {
    return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("cy") ? CY : EN;
  }

  /** The language of a locale: Welsh for {@code cy}, English for anything else. */
  public static Lang of(Locale locale) {
    return locale != null && "cy".equals(locale.getLanguage()) ? CY : EN;
  }

  /** The ISO code used in the {@code lang} attribute. */
  public String code() {
    return this == CY ? "cy" : "en";
  }
}
