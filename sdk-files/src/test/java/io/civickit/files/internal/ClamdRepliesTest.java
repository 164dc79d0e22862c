package io.civickit.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.files.ScanResult;
import org.junit.jupiter.api.Test;

/** How clamd's INSTREAM replies are read: anything but a clear OK or FOUND is never clean. */
class ClamdRepliesTest {

  @Test
  void okIsClean() {
    assertThat(ClamdScanner.interpret("stream: OK")).isEqualTo(new ScanResult.Clean());
  }

  @Test
  void foundNamesTheSignature() {
    assertThat(ClamdScanner.interpret("stream: Win.Test.EICAR_HDB-1 FOUND"))
        .isEqualTo(new ScanResult.Infected("Win.Test.EICAR_HDB-1"));
  }

  @Test
  void theSizeLimitIsUnavailableWithAHintToRaiseIt() {
    assertThat(ClamdScanner.interpret("INSTREAM size limit exceeded. ERROR"))
        .isInstanceOfSatisfying(ScanResult.ScannerUnavailable.class,
            u -> assertThat(u.reason()).contains("StreamMaxLength"));
  }

  @Test
  void errorsAndOddRepliesAreUnavailableNeverClean() {
    for (String reply : new String[] {"", "OK", "stream: ", "stream:  FOUND", "stream: OK extra",
        "Can't allocate memory ERROR", "stream: lstat() failed: No such file or directory. ERROR", "UNKNOWN COMMAND"}) {
      assertThat(ClamdScanner.interpret(reply)).as(reply).isInstanceOf(ScanResult.ScannerUnavailable.class);
    }
  }

  @Test
  void anOddReplyIsQuotedWithoutControlCharacters() {
    assertThat(ClamdScanner.interpret("bad\u0007reply\r")).isInstanceOfSatisfying(ScanResult.ScannerUnavailable.class,
        u -> assertThat(u.reason()).contains("bad?reply").doesNotContain("\u0007"));
  }
}
