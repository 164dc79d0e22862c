package io.civickit.submit;

/**
 * A file the person uploaded, by reference: the bytes stay where the host application keeps
 * them (a bucket, a virus-scanned store); the submission says which file and how to find it.
 *
 * @param id the host's id for the stored file, enough to fetch it
 * @param name the file name the person gave
 * @param size its size in bytes, at least 1
 * @param contentType its media type, for example {@code application/pdf}
 */
public record Attachment(String id, String name, long size, String contentType) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a text component is null
   * @throws IllegalArgumentException if a text component is blank or the size is less than 1
   */
  public Attachment {
    SubmittedPayment.notBlank(id, "id");
    SubmittedPayment.notBlank(name, "name");
    SubmittedPayment.notBlank(contentType, "contentType");
    if (size < 1) {
      throw new IllegalArgumentException("an attachment's size must be at least 1 byte, but was " + size);
    }
  }
}
