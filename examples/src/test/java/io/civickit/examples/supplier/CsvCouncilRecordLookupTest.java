package io.civickit.examples.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.matching.Claim;
import io.civickit.identity.matching.CouncilRecord;
import io.civickit.identity.matching.MatchPolicy;
import io.civickit.identity.matching.RecordMatcher;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV record lookup, alone and behind sdk-identity's record matcher. */
class CsvCouncilRecordLookupTest {
  static final String EXTRACT = """
      reference,name,date_of_birth,postcode
      CT-1234-5678,"O'Donnell, Zoë",1970-01-31,sw1a 1aa
      CT12349999,"Jane ""JD"" Doe",31/01/1980,SW1A1AA
      CT 5555 0000,,,
      """;

  @Test
  void readsAQuotedExtractAndFindsRecordsInAnySpelling() throws IOException {
    CsvCouncilRecordLookup lookup = CsvCouncilRecordLookup.read(new StringReader(EXTRACT));
    assertThat(lookup.size()).isEqualTo(3);
    CouncilRecord zoe = lookup.findByReference("ct 1234-5678").orElseThrow();
    assertThat(zoe.name()).contains("O'Donnell, Zoë");
    assertThat(zoe.dateOfBirth()).contains(LocalDate.of(1970, 1, 31));
    assertThat(zoe.postcode()).contains("SW1A 1AA");
    assertThat(lookup.findByReference("CT12349999").orElseThrow().name()).contains("Jane \"JD\" Doe");
    assertThat(lookup.findByReference("CT55550000").orElseThrow().postcode()).isEmpty();
    assertThat(lookup.findByPostcode("SW1A 1AA")).hasSize(2);
    assertThat(lookup.findByReference("CT00000000")).isEmpty();
    assertThat(zoe.toString()).doesNotContain("Zo", "SW1A");
  }

  @Test
  void loadsAFileWithWindowsLineEndings(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("council-tax.csv");
    Files.writeString(file, EXTRACT.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    CsvCouncilRecordLookup lookup = CsvCouncilRecordLookup.load(file);
    assertThat(lookup.findByReference("CT12345678").orElseThrow().postcode()).contains("SW1A 1AA");
  }

  @Test
  void aBadExtractIsRefusedWithTheLineNumberButNotItsContent() {
    assertThatThrownBy(() -> CsvCouncilRecordLookup.read(new StringReader("name,postcode\nSam,SW1A 1AA\n")))
        .hasMessageContaining("no \"reference\" column");
    assertThatThrownBy(() -> CsvCouncilRecordLookup.read(new StringReader("reference,name\nCT1,Sam Secret,extra\n")))
        .hasMessageContaining("line 2").hasMessageNotContaining("Sam Secret");
    assertThatThrownBy(() -> CsvCouncilRecordLookup.read(new StringReader(
        "reference,date_of_birth\nCT1,31st of Smarch\n"))).hasMessageContaining("line 2").hasMessageNotContaining("Smarch");
    assertThatThrownBy(() -> CsvCouncilRecordLookup.read(new StringReader("reference\nCT1\nct-1\n")))
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> CsvCouncilRecordLookup.read(new StringReader("reference,name\nCT1,\"unclosed\n")))
        .hasMessageContaining("quoted field");
  }

  @Test
  void behindTheRecordMatcherTheRightDetailsMatchAndWrongOnesDoNot() throws IOException {
    RecordMatcher matcher = RecordMatcher.builder()
        .lookup(CsvCouncilRecordLookup.read(new StringReader(EXTRACT)))
        .policy(MatchPolicy.referenceAndPostcode())
        .serverKey(new byte[32])
        .store(IdentityStore.inMemory())
        .build();
    CheckResult ok = matcher.check(Claim.builder().reference("CT 1234 5678").postcode("SW1A1AA").build());
    assertThat(ok).isInstanceOfSatisfying(CheckResult.Verified.class,
        v -> assertThat(v.level()).isEqualTo(AssuranceLevel.LOW));
    assertThat(matcher.check(Claim.builder().reference("CT 1234 5678").postcode("E1 6AN").build()))
        .isInstanceOf(CheckResult.Failed.class);
    assertThat(matcher.check(Claim.builder().reference("CT 0000 0000").postcode("SW1A 1AA").build()))
        .isInstanceOf(CheckResult.Failed.class);
  }

  /** Any field text survives a round trip through RFC 4180 quoting. */
  @Property(tries = 200)
  void anyQuotedFieldReadsBackAsWritten(@ForAll @StringLength(max = 40) String value) throws IOException {
    String quoted = "\"" + value.replace("\"", "\"\"") + "\"";
    var rows = CsvCouncilRecordLookup.parse(new java.io.BufferedReader(new StringReader("a,b\n" + quoted + ",x\n")));
    assertThat(rows.get(1)).containsExactly(value, "x");
  }
}
