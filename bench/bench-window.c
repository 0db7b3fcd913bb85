/* bench-window.c: what the window's own work costs on a large dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens FILE in an Entente window with the list of all events showing,
 * waits for the load, then times on the main thread: picking an event
 * (the list follows the chart), hiding and showing a category (the list
 * is filtered again), and starting a search, with how long the search
 * takes to answer and the longest the main loop went unserved meanwhile.
 * It prints one line of milliseconds for entente-bench to read:
 *
 *   select MS filter MS search-start MS search-answer MS longest-stall MS
 *
 * A display is needed: entente-bench runs it only when there is one.
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "entente-application.h"
#include "entente-event-list.h"
#include "entente-window.h"

#define WAIT_MS  (10 * 60 * 1000)
#define WORDS    "treaty", "envoy", "Harbin", "xyzzy", "communiqué"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until done () or the deadline; the longest pause
 * between two turns of the loop, in ms, goes to stall. The loop sleeps
 * when it has nothing to do, as an application's does, so as to leave
 * the processors to the threads at work; a tick wakes it every
 * millisecond to look at done (). */
static gboolean
spin_until (gboolean (*done) (EntenteWindow *),
            EntenteWindow *window,
            double        *stall)
{
  double deadline = now_ms () + WAIT_MS, last = now_ms ();
  guint tick = g_timeout_add (1, tick_cb, NULL);
  gboolean finished = TRUE;

  while (!done (window))
    {
      double now;

      if (now_ms () > deadline)
        {
          finished = FALSE;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
      now = now_ms ();
      if (stall != NULL)
        *stall = MAX (*stall, now - last);
      last = now;
    }
  g_source_remove (tick);
  return finished;
}

static gboolean
loaded (EntenteWindow *window)
{
  return !entente_window_is_loading (window) && entente_window_get_dataset (window) != NULL &&
         gtk_widget_get_width (GTK_WIDGET (entente_window_get_view (window))) > 0;
}

static gboolean
searched (EntenteWindow *window)
{
  return !entente_window_is_searching (window);
}

/* Lets the window draw what the last step changed, so that the next one
 * is timed on its own. */
static void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int    argc,
      char **argv)
{
  static const char *const words[] = { WORDS };
  g_autoptr(EntenteApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  EntenteWindow *window;
  EntenteTimelineView *view;
  EntenteDataset *dataset;
  GtkWidget *list;
  double select_ms[8], filter_ms[8], start_ms[G_N_ELEMENTS (words)], answer_ms[G_N_ELEMENTS (words)];
  double stall = 0;
  guint n;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return 2;
    }
  /* Under Xvfb GTK's GL renderer runs in software and takes up to a
   * tenth of a second a frame, which is not Entente's doing; the tests
   * draw with cairo too. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gtk_init_check ())
    {
      g_printerr ("no display\n");
      return 77;
    }
  adw_init ();

  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;
  window = entente_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  gtk_window_present (GTK_WINDOW (window));
  /* The list of all events, in place of the sources. */
  list = GTK_WIDGET (entente_window_get_event_list (window));
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (list)), list);

  file = g_file_new_for_commandline_arg (argv[1]);
  entente_window_open_file (window, file);
  if (!spin_until (loaded, window, NULL) || entente_window_get_last_error (window) != NULL)
    {
      g_printerr ("%s did not load: %s\n", argv[1], entente_window_get_last_error (window));
      return 1;
    }
  settle ();
  view = entente_window_get_view (window);
  dataset = entente_window_get_dataset (window);
  n = entente_dataset_get_n_events (dataset);

  /* Events from the end of the list to its start: the list once looked
   * for a row from the top. */
  for (guint i = 0; i < G_N_ELEMENTS (select_ms); i++)
    {
      double t0 = now_ms ();

      entente_timeline_view_select_event (view, (int) (n - 1 - (guint64) n * i / G_N_ELEMENTS (select_ms)));
      select_ms[i] = now_ms () - t0;
      settle ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (filter_ms); i++)
    {
      double t0 = now_ms ();

      entente_timeline_view_set_category_hidden (view, 0, i % 2 == 0);
      filter_ms[i] = now_ms () - t0;
      settle ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      double t0 = now_ms (), t1;

      entente_window_search (window, words[i]);
      t1 = now_ms ();
      if (!spin_until (searched, window, &stall))
        return 1;
      start_ms[i] = t1 - t0;
      answer_ms[i] = now_ms () - t0;
      settle ();
    }
  entente_window_search (window, NULL);

  g_print ("select %.2f filter %.2f search-start %.2f search-answer %.1f longest-stall %.1f\n",
           median (select_ms, G_N_ELEMENTS (select_ms)), median (filter_ms, G_N_ELEMENTS (filter_ms)),
           median (start_ms, G_N_ELEMENTS (words)), median (answer_ms, G_N_ELEMENTS (words)), stall);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
