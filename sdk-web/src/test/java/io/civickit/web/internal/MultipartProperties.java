package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.web.WebRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The multipart reader over any fields and file bytes (with CR, LF, dashes and pieces of the
 * boundary in them): what a browser sent is what the runner reads, and no body is read past its
 * bound, declared or not.
 */
class MultipartProperties {
  private static final String BOUNDARY = "----WebKitFormBoundaryq7MA4YWxkTrZu0gW";

  record Field(String name, String value) {}

  @Provide
  Arbitrary<Field> fields() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
        Arbitraries.of("\r\n", "--", "\r\n--" + BOUNDARY.substring(0, 20), "--" + BOUNDARY + "--", "é ✓ 𝄞"))
        .list().ofMaxSize(6).map(l -> String.join("", l)).filter(v -> !v.contains("\r\n--" + BOUNDARY));
    return names.flatMap(n -> values.map(v -> new Field(n, v)));
  }

  @Provide
  Arbitrary<List<Field>> fieldLists() {
    return fields().list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<byte[]> contents() {
    Arbitrary<byte[]> pieces = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
        Arbitraries.of("--" + BOUNDARY, "\r\n--" + BOUNDARY.substring(0, 10), "\r\n\r\n", "--")
            .map(s -> s.getBytes(StandardCharsets.US_ASCII)));
    // a browser picks a boundary that its content does not hold: so does this
    byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
    return pieces.list().ofMaxSize(8).map(l -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      l.forEach(out::writeBytes);
      return out.toByteArray();
    }).filter(b -> !new String(b, StandardCharsets.ISO_8859_1).contains(new String(delimiter, StandardCharsets.ISO_8859_1)));
  }

  @Provide
  Arbitrary<byte[]> bigContents() {
    return Arbitraries.integers().between(0, 40_000).map(byte[]::new);
  }

  static byte[] body(List<Field> fields, String filename, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Field f : fields) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\"\r\n\r\n"
          + f.value() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static WebRequest request(InputStream body, long declared) {
    return new WebRequest() {
      @Override
      public String method() {
        return "POST";
      }

      @Override
      public String path() {
        return "/apply/x";
      }

      @Override
      public Optional<String> query() {
        return Optional.empty();
      }

      @Override
      public Optional<String> header(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("content-type")) {
          return Optional.of("multipart/form-data; boundary=" + BOUNDARY);
        }
        return n.equals("content-length") && declared >= 0 ? Optional.of(Long.toString(declared)) : Optional.empty();
      }

      @Override
      public InputStream body() {
        return body;
      }

      @Override
      public String remoteAddress() {
        return "192.0.2.1";
      }
    };
  }

  @Property(tries = 300)
  void whatWasSentIsWhatIsRead(@ForAll("fieldLists") List<Field> fields,
      @ForAll("contents") byte[] content, @ForAll boolean declareLength) throws Exception {
    byte[] body = body(fields, "photo.png", content);
    Multipart.Parts parts = Multipart.read(request(new ByteArrayInputStream(body), declareLength ? body.length : -1),
        body.length, 20);
    List<Field> readFields = new ArrayList<>();
    byte[] readFile = null;
    String filename = null;
    for (Optional<Multipart.Part> p = parts.next(); p.isPresent(); p = parts.next()) {
      if (p.get().isFile()) {
        filename = p.get().filename();
        try (InputStream in = p.get().stream()) {
          readFile = in.readAllBytes();
        }
      } else {
        readFields.add(new Field(p.get().name(), Multipart.value(p.get(), 100_000)));
      }
    }
    assertThat(readFields).isEqualTo(fields);
    assertThat(filename).isEqualTo("photo.png");
    assertThat(readFile).isEqualTo(content);
  }

  @Property(tries = 100)
  void noBodyIsReadPastItsBound(@ForAll("bigContents") byte[] content, @ForAll @IntRange(min = 200, max = 4000) int bound,
      @ForAll boolean declareLength) {
    byte[] body = body(List.of(new Field("csrf", "token")), "f.bin", content);
    AtomicLong read = new AtomicLong();
    InputStream counted = new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        int n = super.read(b, off, len);
        if (n > 0) {
          read.addAndGet(n);
        }
        return n;
      }

      @Override
      public synchronized int read() {
        int c = super.read();
        if (c >= 0) {
          read.incrementAndGet();
        }
        return c;
      }
    };
    WebRequest r = request(counted, declareLength ? body.length : -1);
    if (body.length <= bound) {
      return;
    }
    if (declareLength) {
      assertThatThrownBy(() -> Multipart.read(r, bound, 20)).isInstanceOf(Requests.TooLarge.class);
      assertThat(read.get()).isZero();
      return;
    }
    boolean refused = false;
    try {
      Multipart.Parts parts = Multipart.read(r, bound, 20);
      for (Optional<Multipart.Part> p = parts.next(); p.isPresent(); p = parts.next()) {
        try (InputStream in = p.get().stream()) {
          in.readAllBytes();
        }
      }
    } catch (Requests.TooLarge e) {
      refused = true;
    } catch (IOException | Requests.Malformed e) {
      assertThat(Multipart.isOverLimit(e)).as("failed for another reason than the bound: %s", e).isTrue();
      refused = true;
    }
    // the parser reads in buffers: at most one buffer past the bound, and a file longer than
    // that is refused rather than cut short
    assertThat(read.get()).isLessThanOrEqualTo(bound + 8192L);
    if (content.length > bound + 8192) {
      assertThat(refused).isTrue();
    }
  }

  @Property(tries = 50)
  void aBodyWithoutItsClosingBoundaryIsAnErrorNotATruncatedFile(@ForAll("contents") byte[] content) {
    byte[] whole = body(List.of(), "f.bin", content);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - BOUNDARY.length() - 6);
    assertThatThrownBy(() -> {
      Multipart.Parts parts = Multipart.read(request(new ByteArrayInputStream(cut), cut.length), cut.length, 20);
      for (Optional<Multipart.Part> p = parts.next(); p.isPresent(); p = parts.next()) {
        try (InputStream in = p.get().stream()) {
          in.readAllBytes();
        }
      }
    }).isInstanceOfAny(IOException.class, Requests.Malformed.class, Requests.TooLarge.class);
  }
}
