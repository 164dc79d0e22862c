package io.civickit.forms.html;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One task of a GOV.UK task list.
 *
 * @param title the task's name
 * @param href where the task's link goes; empty when the task cannot be started (it is then
 *     shown without a link)
 * @param status the task's status
 */
public record TaskListItem(String title, Optional<String> href, Status status) {

  /** Checks for nulls. */
  public TaskListItem {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(status, "status");
  }

  /**
   * The task with null meaning "no link".
   *
   * @param title the task's name
   * @param href where the task's link goes, or null for none
   * @param status the task's status
   * @deprecated pass an {@link Optional}: {@code Optional.ofNullable(href)}; removed in 0.2
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public TaskListItem(String title, @Nullable String href, Status status) {
    this(title, Optional.ofNullable(href), status);
  }

  /** The statuses of the GOV.UK task list pattern. */
  public enum Status {
    /** Nothing done yet ("Not yet started", a blue tag). */
    NOT_YET_STARTED,
    /** Started, not finished ("In progress", a light blue tag). */
    IN_PROGRESS,
    /** Finished ("Completed", plain text). */
    COMPLETED,
    /** Another task must be finished first ("Cannot start yet", grey text, no link). */
    CANNOT_START_YET
  }
}
