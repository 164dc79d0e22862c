package io.civickit.forms.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.civickit.forms.FormFormatException;
import io.civickit.forms.lint.LintProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The one JSON mapper for form files: strict, bounded, exact with decimals. */
public final class Json {

  /** Largest form file accepted, in bytes. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 32;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxStringLength(MAX_BYTES)
              .maxNumberLength(64)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private Json() {}

  /** @return the shared mapper (thread-safe) */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads at most {@link #MAX_BYTES} bytes of UTF-8 JSON.
   *
   * @param in the stream, not closed
   * @return the text
   * @throws FormFormatException if it is larger
   */
  public static String readLimited(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw tooLarge();
      }
      return decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the form", e);
    }
  }

  /**
   * Decodes UTF-8 strictly.
   *
   * @param bytes the bytes
   * @return the text
   * @throws FormFormatException if the bytes are not UTF-8
   */
  public static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new FormFormatException(List.of(new LintProblem("$", "the file is not UTF-8 text")));
    }
  }

  private static FormFormatException tooLarge() {
    return new FormFormatException(List.of(new LintProblem("$",
        "the form is larger than " + MAX_BYTES + " bytes")));
  }

  /**
   * Parses JSON text into a tree.
   *
   * @param json the text
   * @return the tree
   * @throws FormFormatException naming the line and column when it is not JSON
   */
  public static JsonNode parse(String json) {
    if (json.length() > MAX_BYTES) {
      throw tooLarge();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new FormFormatException(List.of(new LintProblem("$", "the file is empty")));
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new FormFormatException(List.of(new LintProblem("$", "not JSON" + where + ": "
          + e.getOriginalMessage())));
    }
  }

  /**
   * Prints a tree with two-space indents and a final new line.
   *
   * @param node the tree
   * @return the text
   */
  public static String print(JsonNode node) {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      return MAPPER.writer(pp).without(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be printed", e);
    }
  }
}
