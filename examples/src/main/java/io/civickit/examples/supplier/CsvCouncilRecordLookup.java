package io.civickit.examples.supplier;

import io.civickit.identity.matching.CouncilRecord;
import io.civickit.identity.matching.CouncilRecordLookup;
import io.civickit.identity.matching.Normalise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's {@link CouncilRecordLookup} over a CSV extract from the council's system (for
 * example a nightly council tax export), held in memory and indexed by reference and postcode.
 *
 * <p>The first line names the columns, in any order: {@code reference} (required), and any of
 * {@code name}, {@code date_of_birth} and {@code postcode}. Fields follow RFC 4180 (quotes around
 * fields with commas, doubled quotes inside). Values are stored normalised with sdk-identity's
 * {@link Normalise}, as the matcher asks for them. A malformed line stops the load with its line
 * number, never with its content (it is personal data).
 *
 * <pre>{@code
 * CouncilRecordLookup councilTax = CsvCouncilRecordLookup.load(Path.of("/secure/extracts/council-tax.csv"));
 * RecordMatcher matcher = RecordMatcher.builder().lookup(councilTax).policy(MatchPolicy.referenceAndPostcode())...
 * }</pre>
 */
public final class CsvCouncilRecordLookup implements CouncilRecordLookup {
  private final Map<String, CouncilRecord> byReference;
  private final Map<String, List<CouncilRecord>> byPostcode;

  private CsvCouncilRecordLookup(Map<String, CouncilRecord> byReference, Map<String, List<CouncilRecord>> byPostcode) {
    this.byReference = Collections.unmodifiableMap(byReference);
    this.byPostcode = Collections.unmodifiableMap(byPostcode);
  }

  /** Reads an extract file (UTF-8). */
  public static CsvCouncilRecordLookup load(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the record extract " + file.getFileName(), e);
    }
  }

  /**
   * Reads an extract.
   *
   * @throws IllegalArgumentException for a missing {@code reference} column, a line with the wrong
   *     number of fields, an unreadable date or a reference given twice, naming the line
   */
  public static CsvCouncilRecordLookup read(Reader reader) throws IOException {
    List<List<String>> rows = parse(reader instanceof BufferedReader b ? b : new BufferedReader(reader));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the record extract is empty: it needs a header line");
    }
    List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int ref = header.indexOf("reference");
    if (ref < 0) {
      throw new IllegalArgumentException("the record extract has no \"reference\" column; columns: " + header);
    }
    int name = header.indexOf("name");
    int dob = header.indexOf("date_of_birth");
    int postcode = header.indexOf("postcode");
    Map<String, CouncilRecord> byReference = new HashMap<>();
    Map<String, List<CouncilRecord>> byPostcode = new HashMap<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      int line = i + 1;
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("line " + line + " has " + row.size() + " fields; the header has "
            + header.size());
      }
      String reference = Normalise.reference(row.get(ref));
      if (reference.isEmpty()) {
        throw new IllegalArgumentException("line " + line + " has no reference");
      }
      Optional<LocalDate> date = Optional.empty();
      if (dob >= 0 && !row.get(dob).isBlank()) {
        date = Normalise.date(row.get(dob));
        if (date.isEmpty()) {
          throw new IllegalArgumentException("line " + line + " has a date of birth that is not a date");
        }
      }
      Optional<String> pc = postcode >= 0 && !row.get(postcode).isBlank()
          ? Optional.of(Normalise.postcode(row.get(postcode))) : Optional.empty();
      CouncilRecord record = new CouncilRecord(reference,
          name >= 0 && !row.get(name).isBlank() ? Optional.of(row.get(name).strip()) : Optional.empty(), date, pc);
      if (byReference.putIfAbsent(reference, record) != null) {
        throw new IllegalArgumentException("line " + line + " repeats a reference given on an earlier line");
      }
      pc.ifPresent(p -> byPostcode.computeIfAbsent(p, k -> new ArrayList<>()).add(record));
    }
    byPostcode.replaceAll((k, v) -> List.copyOf(v));
    return new CsvCouncilRecordLookup(byReference, byPostcode);
  }

  @Override
  public Optional<CouncilRecord> findByReference(String reference) {
    return Optional.ofNullable(byReference.get(Normalise.reference(reference)));
  }

  @Override
  public List<CouncilRecord> findByPostcode(String postcode) {
    return byPostcode.getOrDefault(Normalise.postcode(postcode), List.of());
  }

  /** How many records were loaded. */
  public int size() {
    return byReference.size();
  }

  @Override
  public String toString() {
    return "CsvCouncilRecordLookup[" + byReference.size() + " records]";
  }

  /** RFC 4180: fields separated by commas, optionally quoted; quotes doubled inside quotes; CRLF or LF. */
  static List<List<String>> parse(Reader in) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = in.read()) != -1) {
      any = true;
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              in.reset();
            }
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(stripCr(field));
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append((char) c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("the record extract ends inside a quoted field (line " + (rows.size() + 1) + ")");
    }
    if (any && (field.length() > 0 || !row.isEmpty())) {
      row.add(stripCr(field));
      rows.add(row);
    }
    return rows;
  }

  private static String stripCr(StringBuilder field) {
    int n = field.length();
    return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
  }
}
