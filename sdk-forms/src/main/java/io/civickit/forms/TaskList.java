package io.civickit.forms;

import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.html.TaskListItem;
import io.civickit.forms.internal.journey.Route;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The GOV.UK task list of a form with {@link Section sections}: one task per section, with its
 * status worked out from the journey.
 *
 * <ul>
 *   <li>{@link Status#COMPLETED}: the person's route has passed through the section and every
 *       page of it on the route is answered;
 *   <li>{@link Status#IN_PROGRESS}: the route stops at a page of the section, and the person has
 *       answered something in it;
 *   <li>{@link Status#NOT_YET_STARTED}: the route stops at a page of the section, with nothing
 *       answered there yet (pre-filled answers not yet confirmed do not count);
 *   <li>{@link Status#CANNOT_START_YET}: the route has not reached the section: an earlier task
 *       must be finished first.
 * </ul>
 *
 * <p>A section none of whose pages is on the route (all skipped by routes or show-if) is left
 * out. Pages without a section are not in the task list.
 */
public final class TaskList {

  /** The status of a task, as the GOV.UK task list pattern names them. */
  public enum Status {
    /** Nothing answered yet, and the person can start. */
    NOT_YET_STARTED,
    /** Started, not finished. */
    IN_PROGRESS,
    /** Every page of the task is answered. */
    COMPLETED,
    /** Another task must be finished first. */
    CANNOT_START_YET
  }

  /**
   * One task.
   *
   * @param sectionId the section's id
   * @param title the task name
   * @param status its status
   * @param startPage the page the task links to: where to carry on for a task not finished,
   *     its first page for a completed one; empty when it cannot start yet
   */
  public record Task(String sectionId, LocalisedText title, Status status, Optional<String> startPage) {
    /** Checks for nulls. */
    public Task {
      Objects.requireNonNull(sectionId, "sectionId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startPage, "startPage");
    }
  }

  private TaskList() {}

  /**
   * The tasks ready for {@link FormRenderer#taskList(List, Locale)}.
   *
   * <pre>{@code
   * String html = FormRenderer.taskList(TaskList.items(form, journey, locale, clock, page -> "/apply/" + page), locale);
   * }</pre>
   *
   * @param form the form
   * @param journey the journey
   * @param locale the language of the task names
   * @param clock the journey engine's clock
   * @param href the link for a task, given the page it starts at
   * @return the items, in section order; tasks that cannot start yet have no link
   */
  public static List<TaskListItem> items(Form form, Journey journey, Locale locale, Clock clock,
      Function<String, String> href) {
    return items(form, journey, locale, href, clock);
  }

  /**
   * {@link #items(Form, Journey, Locale, Clock, Function)} with "today" taken from the system
   * clock in UK time.
   *
   * @param form the form
   * @param journey the journey
   * @param locale the language of the task names
   * @param href the link for a task, given the page it starts at
   * @return the items, in section order; tasks that cannot start yet have no link
   */
  public static List<TaskListItem> items(Form form, Journey journey, Locale locale, Function<String, String> href) {
    return items(form, journey, locale, href, FormJourney.defaultClock());
  }

  private static List<TaskListItem> items(Form form, Journey journey, Locale locale, Function<String, String> href,
      Clock clock) {
    Objects.requireNonNull(href, "href");
    List<TaskListItem> out = new ArrayList<>();
    for (Task t : of(form, journey, clock)) {
      out.add(new TaskListItem(t.title().in(locale), t.startPage().map(href),
          TaskListItem.Status.valueOf(t.status().name())));
    }
    return List.copyOf(out);
  }

  /**
   * The tasks, with "today" from the system clock in UK time.
   *
   * @param form the form
   * @param journey the journey
   * @return the tasks, in section order
   */
  public static List<Task> of(Form form, Journey journey) {
    return of(form, journey, FormJourney.defaultClock());
  }

  /**
   * The tasks.
   *
   * @param form the form
   * @param journey the journey
   * @param clock the journey engine's clock
   * @return the tasks, in section order
   */
  public static List<Task> of(Form form, Journey journey, Clock clock) {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(journey, "journey");
    Route route = Route.of(form, journey, clock);
    List<String> done = route.done();
    String stop = route.last();
    Optional<Page> stopPage = form.page(stop);
    List<Task> tasks = new ArrayList<>();
    for (Section s : form.sections()) {
      List<String> sectionPages = form.pages().stream()
          .filter(p -> p.section().filter(s.id()::equals).isPresent()).map(Page::id).toList();
      List<String> doneHere = done.stream().filter(sectionPages::contains).toList();
      boolean stopsHere = stopPage.isPresent() && sectionPages.contains(stop);
      if (stopsHere) {
        boolean started = !doneHere.isEmpty() || answeredByPerson(form, journey, sectionPages);
        tasks.add(new Task(s.id(), s.title(), started ? Status.IN_PROGRESS : Status.NOT_YET_STARTED,
            Optional.of(stop)));
      } else if (!doneHere.isEmpty()) {
        tasks.add(new Task(s.id(), s.title(), Status.COMPLETED, Optional.of(doneHere.get(0))));
      } else if (!route.complete() && !passed(form, done, sectionPages)) {
        tasks.add(new Task(s.id(), s.title(), Status.CANNOT_START_YET, Optional.empty()));
      }
    }
    return List.copyOf(tasks);
  }

  /** Whether the route has gone beyond every page of the section without landing on one. */
  private static boolean passed(Form form, List<String> done, List<String> sectionPages) {
    if (sectionPages.isEmpty() || done.isEmpty()) {
      return false;
    }
    int lastDone = indexOf(form, done.get(done.size() - 1));
    int lastInSection = indexOf(form, sectionPages.get(sectionPages.size() - 1));
    return lastDone > lastInSection;
  }

  private static int indexOf(Form form, String pageId) {
    for (int i = 0; i < form.pages().size(); i++) {
      if (form.pages().get(i).id().equals(pageId)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean answeredByPerson(Form form, Journey journey, List<String> pageIds) {
    for (String pid : pageIds) {
      Answer set = form.page(pid).orElseThrow().repeat().isPresent() ? journey.answers().get(pid) : null;
      if (set != null && !set.prefilled()) {
        return true;
      }
      for (Question q : form.page(pid).orElseThrow().questions()) {
        Answer a = journey.answers().get(q.id());
        if (a != null && !a.prefilled()) {
          return true;
        }
      }
    }
    return false;
  }
}
