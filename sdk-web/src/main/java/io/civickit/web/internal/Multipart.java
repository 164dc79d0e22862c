package io.civickit.web.internal;

import io.civickit.web.WebRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * A {@code multipart/form-data} body read as a stream of parts, with Apache Commons FileUpload's
 * streaming parser: nothing is buffered whole, in memory or on disk. The whole body is bounded
 * (a declared length over the bound is refused before anything is read; an undeclared one stops
 * at the bound), and so are the number of parts and each ordinary field's size. A file part's
 * bytes are handed on as a stream for the caller to bound (sdk-files' {@code Uploads} stops
 * just past the question's limit).
 */
final class Multipart {
  /** One part: an ordinary field, or a file. */
  interface Part {
    /** @return the field's name */
    String name();

    /** @return whether the part is a file input's ({@code filename=} present, perhaps empty) */
    boolean isFile();

    /** @return the file name the browser sent (untrusted; empty when no file was chosen) */
    String filename();

    /** @return the type the browser claimed (untrusted), or empty */
    String contentType();

    /** @return the part's bytes; reading the next part skips what is left of this one */
    InputStream stream() throws IOException;
  }

  /** The parts, read one at a time. */
  interface Parts {
    /** @return the next part, or empty at the end */
    Optional<Part> next() throws IOException, Requests.TooLarge, Requests.Malformed;
  }

  private Multipart() {}

  /** Whether a request declares a multipart form body. */
  static boolean isMultipart(WebRequest request) {
    return request.header("Content-Type").map(t -> t.strip().toLowerCase(Locale.ROOT))
        .filter(t -> t.startsWith("multipart/form-data")).isPresent();
  }

  /**
   * The declared length.
   *
   * @return the {@code Content-Length}, empty when not sent
   * @throws Requests.Malformed if it is not a number
   */
  static Optional<Long> declaredLength(WebRequest request) throws Requests.Malformed {
    Optional<String> length = request.header("Content-Length");
    if (length.isEmpty()) {
      return Optional.empty();
    }
    try {
      long n = Long.parseLong(length.get().strip());
      if (n < 0) {
        throw new Requests.Malformed("negative length");
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw new Requests.Malformed("bad length");
    }
  }

  /**
   * Starts reading the parts.
   *
   * @param request the request (multipart, its declared length already checked against the bound)
   * @param maxBytes the most bytes the whole body may have
   * @param maxParts the most parts
   * @return the parts
   * @throws Requests.TooLarge if the declared length is over {@code maxBytes}
   * @throws Requests.Malformed if the body has no boundary
   * @throws IOException if the connection fails
   */
  static Parts read(WebRequest request, long maxBytes, int maxParts) throws Requests.TooLarge, Requests.Malformed,
      IOException {
    long declared = declaredLength(request).orElse(-1L);
    if (declared > maxBytes) {
      throw new Requests.TooLarge("declared length over " + maxBytes);
    }
    Reader upload = new Reader();
    upload.setSizeMax(maxBytes);
    upload.setFileCountMax(maxParts);
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    String type = request.header("Content-Type").orElse("");
    RequestContext ctx = new RequestContext() {
      @Override
      public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
      }

      @Override
      public long getContentLength() {
        return declared;
      }

      @Override
      public String getContentType() {
        return type;
      }

      @Override
      public InputStream getInputStream() throws IOException {
        return request.body();
      }

      @Override
      public boolean isMultipartRelated() {
        return false;
      }
    };
    FileItemInputIterator items;
    try {
      items = upload.getItemIterator(ctx);
    } catch (FileUploadSizeException e) {
      throw new Requests.TooLarge("body over " + maxBytes);
    } catch (FileUploadException e) {
      throw new Requests.Malformed("not a multipart body");
    }
    int[] count = {0};
    return () -> {
      try {
        if (!items.hasNext()) {
          return Optional.empty();
        }
        if (++count[0] > maxParts) {
          throw new Requests.TooLarge("more than " + maxParts + " parts");
        }
        FileItemInput item = items.next();
        return Optional.of(new Part() {
          @Override
          public String name() {
            return item.getFieldName() == null ? "" : item.getFieldName();
          }

          @Override
          public boolean isFile() {
            return !item.isFormField();
          }

          @Override
          public String filename() {
            return item.getName() == null ? "" : item.getName();
          }

          @Override
          public String contentType() {
            return item.getContentType() == null ? "" : item.getContentType();
          }

          @Override
          public InputStream stream() throws IOException {
            return item.getInputStream();
          }
        });
      } catch (FileUploadSizeException e) {
        throw new Requests.TooLarge("body over " + maxBytes);
      } catch (FileUploadException e) {
        throw new Requests.Malformed("malformed multipart body");
      }
    };
  }

  /**
   * An ordinary field's value, as UTF-8.
   *
   * @param part the part
   * @param maxBytes the most bytes it may have
   * @return its value
   * @throws Requests.TooLarge if it is longer
   */
  static String value(Part part, int maxBytes) throws IOException, Requests.TooLarge {
    try (InputStream in = part.stream()) {
      return new String(Requests.readBounded(in, maxBytes), StandardCharsets.UTF_8);
    }
  }

  /** Whether an exception from reading a part's stream means the body passed its bound. */
  static boolean isOverLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileUploadSizeException) {
        return true;
      }
    }
    return false;
  }

  /** FileUpload's parser, used only for its streaming iterator (never to store items). */
  private static final class Reader extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
    @Override
    public FileItemInputIterator getItemIterator(RequestContext request) throws FileUploadException, IOException {
      return super.getItemIterator(request);
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request) {
      throw new UnsupportedOperationException("parts are streamed, never stored");
    }

    @Override
    public List<DiskFileItem> parseRequest(RequestContext request) {
      throw new UnsupportedOperationException("parts are streamed, never stored");
    }
  }
}
