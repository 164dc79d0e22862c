package io.civickit.forms.internal.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How answers and limits are written in English and Welsh: dates, money, numbers, file sizes and types. */
public final class Formats {
  private Formats() {}

  private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] MONTHS_CY = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
      "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"};

  /**
   * @param locale a locale
   * @return whether it is Welsh
   */
  public static boolean welsh(Locale locale) {
    return "cy".equals(locale.getLanguage());
  }

  /**
   * A month and year as GOV.UK writes it: "April 2026", "Ebrill 2026".
   *
   * @param date a date in the month
   * @param locale the language
   * @return the text
   */
  public static String monthYear(LocalDate date, Locale locale) {
    String[] months = welsh(locale) ? MONTHS_CY : MONTHS_EN;
    return months[date.getMonthValue() - 1] + " " + date.getYear();
  }

  /**
   * A date as GOV.UK writes it: "5 January 2026", "5 Ionawr 2026".
   *
   * @param date the date
   * @param locale the language
   * @return the text
   */
  public static String date(LocalDate date, Locale locale) {
    String[] months = welsh(locale) ? MONTHS_CY : MONTHS_EN;
    return date.getDayOfMonth() + " " + months[date.getMonthValue() - 1] + " " + date.getYear();
  }

  /**
   * The month number for a month name, in English or Welsh, whole or abbreviated
   * ("jan", "January", "sept", "Ionawr"), any case, with or without a full stop.
   *
   * @param name the typed name
   * @return 1 to 12, or -1 when not a month
   */
  public static int monthNamed(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() < 3) {
      return -1;
    }
    if (s.equals("sept")) {
      return 9;
    }
    for (int i = 0; i < 12; i++) {
      String en = MONTHS_EN[i].toLowerCase(Locale.ROOT);
      if (s.equals(en) || s.equals(en.substring(0, 3))) {
        return i + 1;
      }
      if (s.equals(MONTHS_CY[i].toLowerCase(Locale.ROOT))) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Money as GOV.UK writes it: "£1,234.50", and "£75" (not "£75.00") for whole pounds.
   *
   * @param amount the amount
   * @return the text
   */
  public static String money(BigDecimal amount) {
    BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
    boolean whole = a.remainder(BigDecimal.ONE).signum() == 0;
    DecimalFormat f = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
    String s = f.format(a.abs());
    return (a.signum() < 0 ? "-£" : "£") + s;
  }

  /**
   * A number with thousands separators and no needless zeros: "1,234.5".
   *
   * @param n the number
   * @return the text
   */
  public static String number(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
      return grouped(s.longValueExact());
    }
    int scale = Math.max(0, s.scale());
    StringBuilder pattern = new StringBuilder("#,##0");
    if (scale > 0) {
      pattern.append('.').append("0".repeat(Math.min(scale, 40)));
    }
    DecimalFormat f = new DecimalFormat(pattern.toString(), DecimalFormatSymbols.getInstance(Locale.UK));
    f.setRoundingMode(RoundingMode.UNNECESSARY);
    f.setMaximumFractionDigits(Math.min(scale, 340));
    return f.format(s);
  }

  /**
   * A whole number as {@code new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK))}
   * writes it, without making a formatter: "-1,234,567".
   */
  static String grouped(long n) {
    String digits = Long.toString(n);
    int start = n < 0 ? 1 : 0;
    int length = digits.length() - start;
    if (length <= 3) {
      return digits;
    }
    StringBuilder b = new StringBuilder(digits.length() + length / 3).append(digits, 0, start);
    int first = length % 3 == 0 ? 3 : length % 3;
    b.append(digits, start, start + first);
    for (int i = start + first; i < digits.length(); i += 3) {
      b.append(',').append(digits, i, i + 3);
    }
    return b.toString();
  }

  /**
   * A file size as GOV.UK writes it: "2MB", "1.5MB", "500KB" (1KB is 1,024 bytes).
   *
   * @param bytes the size
   * @return the text
   */
  public static String size(long bytes) {
    long mb = 1024L * 1024;
    if (bytes >= mb) {
      return trim(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(mb), 1, RoundingMode.DOWN)) + "MB";
    }
    if (bytes >= 1024) {
      return trim(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 0, RoundingMode.DOWN)) + "KB";
    }
    return bytes + (bytes == 1 ? " byte" : " bytes");
  }

  private static String trim(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  /**
   * The short name people know a file type by: "PDF", "JPG", "DOCX".
   *
   * @param mediaType a media type such as {@code application/pdf}, or an extension such as {@code .pdf}
   * @return the name
   */
  public static String fileTypeName(String mediaType) {
    String t = mediaType.toLowerCase(Locale.ROOT).strip();
    if (t.startsWith(".")) {
      return t.substring(1).toUpperCase(Locale.ROOT);
    }
    switch (t) {
      case "application/pdf":
        return "PDF";
      case "image/jpeg":
      case "image/jpg":
        return "JPG";
      case "text/plain":
        return "TXT";
      case "application/msword":
        return "DOC";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        return "DOCX";
      case "application/vnd.ms-excel":
        return "XLS";
      case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        return "XLSX";
      case "application/vnd.oasis.opendocument.text":
        return "ODT";
      case "application/vnd.oasis.opendocument.spreadsheet":
        return "ODS";
      case "image/*":
        return "image";
      default:
        break;
    }
    int slash = t.indexOf('/');
    String sub = slash < 0 ? t : t.substring(slash + 1);
    int plus = sub.indexOf('+');
    if (plus > 0) {
      sub = sub.substring(0, plus);
    }
    return sub.toUpperCase(Locale.ROOT);
  }

  /**
   * The accepted file types as a list for a message: English "a PDF, JPG or PNG" (with its
   * article), Welsh "PDF, JPG neu PNG".
   *
   * @param mediaTypes the accepted types
   * @param locale the language
   * @return the text
   */
  public static String fileTypes(List<String> mediaTypes, Locale locale) {
    List<String> names = new ArrayList<>();
    for (String m : mediaTypes) {
      String n = fileTypeName(m);
      if (!names.contains(n)) {
        names.add(n);
      }
    }
    if (names.isEmpty()) {
      return "";
    }
    String joined = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + (welsh(locale) ? " neu " : " or ")
            + names.get(names.size() - 1);
    if (welsh(locale)) {
      return joined;
    }
    String first = names.get(0);
    boolean an = first.equals("image") || (first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT))
        && "AEFHILMNORSX".indexOf(first.charAt(0)) >= 0);
    return (an ? "an " : "a ") + joined;
  }
}
