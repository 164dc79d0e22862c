package io.civickit.files.internal;

import io.civickit.forms.LocalisedText;
import io.civickit.forms.validation.AnswerFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GOV.UK Design System's file upload error messages, in English and Welsh. Welsh follows the
 * wording sdk-forms uses for the same messages.
 */
public final class Messages {
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("image/jpeg", "JPG"), Map.entry("image/png", "PNG"), Map.entry("application/pdf", "PDF"),
      Map.entry("image/gif", "GIF"), Map.entry("image/tiff", "TIF"), Map.entry("image/bmp", "BMP"),
      Map.entry("image/heic", "HEIC"), Map.entry("image/webp", "WEBP"), Map.entry("text/csv", "CSV"),
      Map.entry("text/plain", "TXT"), Map.entry("application/msword", "DOC"),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
      Map.entry("application/vnd.ms-excel", "XLS"),
      Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
      Map.entry("application/vnd.oasis.opendocument.text", "ODT"),
      Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ODS"), Map.entry("application/rtf", "RTF"),
      Map.entry("image/*", "image"));

  private Messages() {}

  public static LocalisedText selectFile() {
    return LocalisedText.of("Select a file", "Dewiswch ffeil");
  }

  public static LocalisedText selectAtLeast(int n) {
    return n <= 1 ? selectFile() : LocalisedText.of("Select at least " + n + " files", "Dewiswch o leiaf " + n + " ffeil");
  }

  public static LocalisedText empty() {
    return LocalisedText.of("The selected file is empty", "Mae’r ffeil a ddewiswyd yn wag");
  }

  public static LocalisedText tooBig(long maxBytes) {
    String size = size(maxBytes);
    return LocalisedText.of("The selected file must be smaller than " + size,
        "Rhaid i’r ffeil a ddewiswyd fod yn llai na " + size);
  }

  public static LocalisedText wrongType(List<String> types) {
    return LocalisedText.of("The selected file must be " + typeList(types, false),
        "Rhaid i’r ffeil a ddewiswyd fod yn " + typeList(types, true));
  }

  public static LocalisedText passwordProtected() {
    return LocalisedText.of("The selected file is password protected",
        "Mae’r ffeil a ddewiswyd wedi’i diogelu gan gyfrinair");
  }

  public static LocalisedText virus() {
    return LocalisedText.of("The selected file contains a virus", "Mae’r ffeil a ddewiswyd yn cynnwys feirws");
  }

  public static LocalisedText failed() {
    return LocalisedText.of("The selected file could not be uploaded – try again",
        "Nid oedd modd uwchlwytho’r ffeil a ddewiswyd – rhowch gynnig arall arni");
  }

  public static LocalisedText scannerDown() {
    return LocalisedText.of("The selected file could not be checked for viruses – try again later",
        "Nid oedd modd gwirio’r ffeil a ddewiswyd am feirysau – rhowch gynnig arall arni yn nes ymlaen");
  }

  public static LocalisedText tooMany(int max) {
    return LocalisedText.of("You can only upload up to " + max + (max == 1 ? " file" : " files"),
        "Dim ond hyd at " + max + " ffeil y gallwch eu huwchlwytho");
  }

  public static LocalisedText imageTooSmall(int width, int height) {
    return LocalisedText.of("The selected image must be at least " + width + " pixels wide and " + height
        + " pixels high", "Rhaid i’r ddelwedd a ddewiswyd fod o leiaf " + width + " picsel o led a " + height
        + " picsel o uchder");
  }

  public static LocalisedText imageTooLarge(int width, int height) {
    return LocalisedText.of("The selected image must be no more than " + width + " pixels wide and " + height
        + " pixels high", "Rhaid i’r ddelwedd a ddewiswyd fod dim mwy na " + width + " picsel o led a " + height
        + " picsel o uchder");
  }

  /** The short name people know a type by: JPG, PDF, DOCX. */
  public static String typeName(String mediaType) {
    String known = NAMES.get(mediaType);
    if (known != null) {
      return known;
    }
    return Checks.extensionOf(mediaType).map(e -> e.substring(1).toUpperCase(Locale.ROOT))
        .orElse(mediaType.substring(mediaType.indexOf('/') + 1).toUpperCase(Locale.ROOT));
  }

  /** "a JPG, PNG or PDF" (Welsh: "JPG, PNG neu PDF", no article). */
  static String typeList(List<String> types, boolean welsh) {
    List<String> names = new ArrayList<>();
    for (String t : types) {
      String n = welsh && t.equals("image/*") ? "delwedd" : typeName(t);
      if (!names.contains(n)) {
        names.add(n);
      }
    }
    String joined = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + (welsh ? " neu " : " or ") + names.get(names.size() - 1);
    if (welsh) {
      return joined;
    }
    String first = names.get(0);
    boolean an = first.equals("image") || (first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT))
        && "AEFHILMNORSX".indexOf(first.charAt(0)) >= 0);
    return (an ? "an " : "a ") + joined;
  }

  /** "10MB", "500KB": sizes as GOV.UK writes them ({@link AnswerFormat#fileSize}). */
  public static String size(long bytes) {
    return AnswerFormat.fileSize(bytes);
  }
}
