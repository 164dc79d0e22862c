package io.civickit.notify.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudhopper.commons.charset.GSMCharset;
import io.civickit.notify.template.SmsEncoding;
import io.civickit.notify.template.SmsInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Gsm} against an independent GSM 03.38 table: Cloudhopper's SMPP character set (its
 * basic and extension tables, and its encoder, which writes one byte per septet and an escape
 * before each extension character). Two differences are allowed, both as GOV.UK Notify has them:
 * the page break (form feed), which the 3GPP extension table holds and Notify leaves out, and
 * the escape code, which the table reserves and Notify counts as a character it can send.
 */
class GsmOracleProperties {
  private static final GSMCharset ORACLE = new GSMCharset();

  private static boolean inTable(char[] table, char c) {
    for (char t : table) {
      if (t == c && (t != 0 || c == '@')) {
        return true;
      }
    }
    return false;
  }

  @Example
  void everyBmpCharacterIsGsmExactlyWhenTheIndependentTableHoldsIt() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.isSurrogate(c) || c == '\f' || c == '\u001b') {
        continue;
      }
      boolean basic = inTable(GSMCharset.CHAR_TABLE, c);
      boolean extension = inTable(GSMCharset.EXT_CHAR_TABLE, c) && !basic;
      assertThat(Gsm.isGsm(c)).as("U+%04X is GSM", (int) c).isEqualTo(basic || extension);
      assertThat(Gsm.isExtension(c)).as("U+%04X is in the extension table", (int) c).isEqualTo(extension);
    }
    assertThat(Gsm.isGsm('\f')).as("the page break, left out as Notify does").isFalse();
    assertThat(Gsm.isGsm('\u001b')).as("the escape code, kept as Notify does").isTrue();
  }

  @Property
  void gsmTextIsCountedInSeptetsAsTheIndependentEncoderWritesThem(@ForAll("gsmText") String text) {
    SmsInfo info = Gsm.measure(text);
    int septets = ORACLE.encode(text).length;
    assertThat(info.encoding()).isEqualTo(SmsEncoding.GSM);
    assertThat(info.characters()).isEqualTo(septets);
    // 3GPP TS 23.040: 160 septets in one message; 153 in each part of a longer one (the
    // concatenation header takes 7).
    assertThat(info.fragments()).isEqualTo(septets <= 160 ? 1 : (septets + 152) / 153);
  }

  @Property
  void textWithOneCharacterOutsideTheTableIsUcs2(@ForAll("gsmText") String text, @ForAll("notGsm") char other) {
    String mixed = text + other;
    assertThat(GSMCharset.canRepresent(mixed)).isFalse();
    SmsInfo info = Gsm.measure(mixed);
    assertThat(info.encoding()).isEqualTo(SmsEncoding.UCS_2);
    int units = mixed.length();
    // UCS-2: 70 characters in one message, 67 in each part of a longer one.
    assertThat(info.fragments()).isEqualTo(units <= 70 ? 1 : (units + 66) / 67);
  }

  @Provide
  Arbitrary<String> gsmText() {
    StringBuilder all = new StringBuilder();
    for (char c : GSMCharset.CHAR_TABLE) {
      if (c != 0 || all.indexOf("@") < 0) {
        all.append(c == 0 ? '@' : c);
      }
    }
    for (char c : GSMCharset.EXT_CHAR_TABLE) {
      if (c != 0 && c != '\f') {
        all.append(c);
      }
    }
    char[] chars = all.toString().toCharArray();
    return Arbitraries.strings().withChars(chars).ofMinLength(0).ofMaxLength(400);
  }

  @Provide
  Arbitrary<Character> notGsm() {
    return Arbitraries.chars().range('\u0100', '\uD7FF').filter(c -> !GSMCharset.canRepresent(String.valueOf(c)));
  }
}
