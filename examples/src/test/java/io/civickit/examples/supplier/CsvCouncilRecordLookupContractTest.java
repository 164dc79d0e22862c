package io.civickit.examples.supplier;

import io.civickit.identity.matching.CouncilRecord;
import io.civickit.identity.matching.CouncilRecordLookup;
import io.civickit.test.identity.CouncilRecordLookupContract;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The CSV record lookup through sdk-test's contract, reading an extract written from the records. */
class CsvCouncilRecordLookupContractTest extends CouncilRecordLookupContract {

  @Override
  protected CouncilRecordLookup lookupHolding(List<CouncilRecord> records) {
    StringBuilder csv = new StringBuilder("reference,name,date_of_birth,postcode\r\n");
    for (CouncilRecord r : records) {
      csv.append(quoted(r.reference())).append(',')
          .append(quoted(r.name().orElse(""))).append(',')
          .append(r.dateOfBirth().map(LocalDate::toString).orElse("")).append(',')
          .append(quoted(r.postcode().orElse(""))).append("\r\n");
    }
    try {
      return CsvCouncilRecordLookup.read(new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String field) {
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }
}
