/* test-window.c: the window, as a user drives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "entente-application.h"
#include "entente-date.h"
#include "entente-event-model.h"
#include "entente-overview.h"
#include "entente-export.h"
#include "entente-export-dialog.h"
#include "entente-marker.h"
#include "entente-print.h"
#include "entente-layout.h"
#include "entente-search.h"
#include "entente-source-panel.h"
#include "entente-sources-window.h"
#include "entente-timeline-view.h"
#include "entente-window.h"
#include "test-data.h"

/* One application per process: a second one could not own the bus name. */
static EntenteApplication *app;
/* Where the stand-in for the system's applications lives (see
 * set_up_stand_in ()). */
static char *stand_in_home;

static void
spin_until (gboolean (*done) (gpointer),
            gpointer    data,
            guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

/* Runs the main loop for a while: long enough for frames to be laid
 * out and drawn. */
static void
run_frames (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
view_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (entente_window_get_view (data))) > 0;
}

static gboolean
not_loading (gpointer data)
{
  return !entente_window_is_loading (data);
}

static gboolean
not_searching (gpointer data)
{
  return !entente_window_is_searching (data);
}

/* Searches run on a thread: this waits for the result. */
static void
search_and_wait (EntenteWindow *window,
                 const char    *text)
{
  entente_window_search (window, text);
  spin_until (not_searching, window, 10000);
}

/* The first widget in widget's tree, widget included, that match
 * accepts. */
static GtkWidget *
find_widget_matching (GtkWidget  *widget,
                      gboolean  (*match) (GtkWidget *, gconstpointer),
                      gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  return find_widget_matching (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The Find on Chart button of a source's row. */
static gboolean
is_find_button_for (GtkWidget     *widget,
                    gconstpointer  source)
{
  GVariant *target;

  if (!is_button_for_action (widget, "sources.find-on-chart"))
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_get_uint32 (target) == GPOINTER_TO_UINT (source);
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static EntenteWindow *
new_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.entente.Entente");
  const char *remembered[] = { "export-format", "export-width", "export-height", "export-scale", "export-folder" };
  EntenteWindow *window;

  /* Each test starts from the export dialog's first choices. */
  for (guint i = 0; i < G_N_ELEMENTS (remembered); i++)
    g_settings_reset (settings, remembered[i]);
  window = entente_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (view_allocated, window, 5000);
  return window;
}

typedef struct {
  EntenteWindow *window;
  const char    *title;
} TitleWait;

static gboolean
title_is (gpointer data)
{
  TitleWait *wait = data;
  EntenteDataset *dataset = entente_window_get_dataset (wait->window);

  return dataset != NULL && g_strcmp0 (entente_dataset_get_title (dataset), wait->title) == 0;
}

/* A file holding text, in a directory of its own that remove_file ()
 * takes away with it. */
static GFile *
write_file (const char *name,
            const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return g_file_new_for_path (path);
}

static void
remove_file (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_true (g_file_delete (dir, NULL, NULL));
}

/* Appends every widget of type under widget, itself included, to found. */
static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* Appends the text of every label under widget to texts. */
static void
collect_label_texts (GtkWidget *widget,
                     GPtrArray *texts)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (labels->pdata[i])));
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

/* The first open window of type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* The switch of a dialog's row of that title. */
static GtkSwitch *
row_switch (GtkWindow  *dialog,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return GTK_SWITCH (find_widget (rows->pdata[i], GTK_TYPE_SWITCH));
  g_assert_not_reached ();
}

/* Opens the export dialog from the window, as Ctrl+E does. */
static GtkWindow *
open_export_dialog (EntenteWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_toplevel (ENTENTE_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
error_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Entente's own icon is found, installed or not, for the About window
 * and the window list: the application's resources hold it. */
static void
test_app_icon_found (void)
{
  EntenteWindow *window = new_window ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.entente.Entente"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.entente.Entente-symbolic"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_opens_bundled (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  double from, to, whole_from, whole_to;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, entente_dataset_get_title (dataset));
  g_assert_cmpuint (entente_dataset_get_n_events (dataset), >=, 60);

  /* The view starts on the whole range. */
  entente_timeline_view_get_range (view, &from, &to);
  entente_layout_default_range (dataset, &whole_from, &whole_to);
  g_assert_cmpfloat_with_epsilon (from, whole_from, 0.5);
  g_assert_cmpfloat_with_epsilon (to, whole_to, 0.5);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The view's controller of type, there being one. */
static GtkEventController *
view_controller (EntenteTimelineView *view,
                 GType                type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        {
          g_assert_null (found);
          found = GTK_EVENT_CONTROLLER (controller);
        }
    }
  g_assert_nonnull (found);
  return found;
}

static gboolean
range_settles (gpointer data)
{
  EntenteTimelineView *view = data;
  double from, to, later_from, later_to;

  entente_timeline_view_get_range (view, &from, &to);
  run_frames (100);
  entente_timeline_view_get_range (view, &later_from, &later_to);
  return from == later_from && to == later_to;
}

/* A touchpad swipe or a drag let go while moving pans on the way it
 * went, slowing down until it stops; a press stops it at once. */
static void
test_kinetic_panning (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  GtkEventController *scroll = view_controller (view, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  GtkEventController *drag = view_controller (view, GTK_TYPE_GESTURE_DRAG);
  GtkEventController *swipe = view_controller (view, GTK_TYPE_GESTURE_SWIPE);
  double from, to, span, moved_from, moved_to, settled_from, settled_to;
  double width = gtk_widget_get_width (GTK_WIDGET (view));
  EntenteRect plot;

  entente_timeline_view_set_range (view, 700000, 705000, FALSE);
  entente_timeline_view_get_range (view, &from, &to);
  span = to - from;

  /* A swipe towards later times, 100 scroll units a second. */
  g_signal_emit_by_name (scroll, "decelerate", 100.0, 0.0);
  run_frames (100);
  entente_timeline_view_get_range (view, &moved_from, &moved_to);
  g_assert_cmpfloat (moved_from, >, from);
  g_assert_cmpfloat_with_epsilon (moved_to - moved_from, span, 1e-6);
  spin_until (range_settles, view, 5000);
  entente_timeline_view_get_range (view, &settled_from, &settled_to);
  /* It slowed down: never further than the whole speed would carry it
   * in a quarter of a second, the friction's time, however long the
   * frames took. */
  g_assert_cmpfloat (settled_from, >, moved_from);
  g_assert_cmpfloat (settled_from - from, <=, 100.0 * 20 / width * span / 4.0 + 1e-6);

  /* A drag to the left, let go at 1 500 pixels a second: later again. */
  entente_timeline_view_get_range (view, &from, &to);
  g_signal_emit_by_name (drag, "drag-begin", 600.0, 300.0);
  g_signal_emit_by_name (drag, "drag-update", -60.0, 0.0);
  entente_timeline_view_get_range (view, &moved_from, &moved_to);
  entente_layout_get_plot_rect (entente_timeline_view_get_layout (view), &plot);
  g_assert_cmpfloat_with_epsilon (moved_from - from, 60 / plot.width * span, span / plot.width);
  g_signal_emit_by_name (swipe, "swipe", -1500.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", -60.0, 0.0);
  run_frames (100);
  entente_timeline_view_get_range (view, &settled_from, &settled_to);
  g_assert_cmpfloat (settled_from, >, moved_from);

  /* A press stops it where it is. */
  g_signal_emit_by_name (drag, "drag-begin", 600.0, 300.0);
  entente_timeline_view_get_range (view, &moved_from, &moved_to);
  run_frames (150);
  entente_timeline_view_get_range (view, &settled_from, &settled_to);
  g_assert_cmpfloat (settled_from, ==, moved_from);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);

  /* A click is no fling. */
  g_signal_emit_by_name (drag, "drag-begin", 600.0, 300.0);
  g_signal_emit_by_name (swipe, "swipe", -1500.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  run_frames (100);
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat (from, ==, settled_from);

  /* At the end of the timeline it stops. */
  entente_timeline_view_zoom_to_fit (view);
  run_frames (50);
  entente_timeline_view_get_range (view, &from, &to);
  g_signal_emit_by_name (scroll, "decelerate", 500.0, 0.0);
  spin_until (range_settles, view, 5000);
  entente_timeline_view_get_range (view, &settled_from, &settled_to);
  g_assert_cmpfloat (settled_from, ==, from);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Right and Ctrl+Left step through the periods in date order, from
 * the first in view, passing over hidden kinds, and bring one out of view
 * into it; the panel shows each. */
static void
test_next_period (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  EntenteSourcePanel *panel = entente_window_get_panel (window);
  guint n = entente_dataset_get_n_periods (dataset);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  const EntentePeriod *period;
  double from, to, end;
  guint hidden_kind;

  g_assert_cmpuint (n, >=, 3);
  /* From nothing, the first period. */
  while (entente_timeline_view_select_next_period (view, 1))
    {
      int selected = entente_timeline_view_get_selected_period (view);

      g_array_append_val (order, selected);
      g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, -1);
      g_assert_cmpstr (entente_source_panel_get_title (panel), ==,
                       entente_dataset_get_period (dataset, selected)->label);
    }
  g_assert_cmpuint (order->len, ==, n);
  for (guint i = 1; i < n; i++)
    {
      const EntentePeriod *a = entente_dataset_get_period (dataset, g_array_index (order, int, i - 1));
      const EntentePeriod *b = entente_dataset_get_period (dataset, g_array_index (order, int, i));

      g_assert_cmpint (entente_date_start_day (&a->start), <=, entente_date_start_day (&b->start));
    }
  /* Back again, as Ctrl+Left does. */
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.previous-period", NULL);
  g_assert_cmpint (entente_timeline_view_get_selected_period (view), ==, g_array_index (order, int, n - 2));

  /* From a period, Right and Left go on from where it begins: its first
   * event, and the last before it. */
  {
    int selected = g_array_index (order, int, n - 2);
    gint64 begins = entente_date_start_day (&entente_dataset_get_period (dataset, selected)->start);
    int first, before;

    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.next", NULL);
    first = entente_timeline_view_get_selected_event (view);
    g_assert_cmpint (first, >, 0);
    g_assert_cmpint (entente_dataset_get_event (dataset, first)->start_day, >=, begins);
    g_assert_cmpint (entente_dataset_get_event (dataset, first - 1)->start_day, <, begins);
    entente_timeline_view_select_period (view, selected);
    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.previous", NULL);
    before = entente_timeline_view_get_selected_event (view);
    g_assert_cmpint (before, ==, first - 1);
    entente_timeline_view_select_period (view, selected);
  }

  /* A kind hidden is passed over. */
  hidden_kind = entente_dataset_get_period (dataset, g_array_index (order, int, 1))->kind;
  entente_timeline_view_set_kind_hidden (view, hidden_kind, TRUE);
  entente_timeline_view_select_period (view, -1);
  entente_timeline_view_zoom_to_fit (view);
  run_frames (50);
  while (entente_timeline_view_select_next_period (view, 1))
    g_assert_cmpuint (entente_dataset_get_period (dataset, entente_timeline_view_get_selected_period (view))->kind,
                      !=, hidden_kind);
  entente_timeline_view_set_kind_hidden (view, hidden_kind, FALSE);

  /* From a view of the last years, the first period reaching into them;
   * the period before is out of view, and is brought into it. */
  entente_timeline_view_select_period (view, -1);
  period = entente_dataset_get_period (dataset, g_array_index (order, int, n - 1));
  end = entente_date_end_day (&period->end);
  entente_timeline_view_set_range (view, end - 400, end, FALSE);
  g_assert_true (entente_timeline_view_select_next_period (view, 1));
  g_assert_cmpint (entente_timeline_view_get_selected_period (view), ==, g_array_index (order, int, n - 1));
  g_assert_true (entente_timeline_view_select_next_period (view, -1));
  run_frames (50);
  period = entente_dataset_get_period (dataset, entente_timeline_view_get_selected_period (view));
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat (entente_date_start_day (&period->start), <, to);
  g_assert_cmpfloat (entente_date_end_day (&period->end), >, from);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Page Up and Page Down move the view by most of its width, and no
 * further than the timeline goes. */
static void
test_keyboard_pans (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  double whole_from, whole_to, from, to, span;

  entente_layout_default_range (dataset, &whole_from, &whole_to);
  span = (whole_to - whole_from) / 10;
  entente_timeline_view_set_range (view, whole_from + 4 * span, whole_from + 5 * span, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.pan", "i", 1));
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, whole_from + 4.75 * span, 1e-6 * span);
  g_assert_cmpfloat_with_epsilon (to - from, span, 1e-6 * span);

  /* Twice back: earlier than where it began. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.pan", "i", -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.pan", "i", -1));
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, whole_from + 3.25 * span, 1e-6 * span);

  /* At the start of the timeline it stays there. */
  for (guint i = 0; i < 8; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.pan", "i", -1));
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat (from, <=, whole_from);
  g_assert_cmpfloat_with_epsilon (to - from, span, 1e-6 * span);
  {
    double before = from;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.pan", "i", -1));
    entente_timeline_view_get_range (view, &from, &to);
    g_assert_cmpfloat (from, ==, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dragged a few pixels at a time through a crowded year, the chart
 * keeps its labels in their lanes: each layout follows the one shown
 * before it, where layouts made alone would move many. */
static void
test_drag_keeps_lanes (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Crowded\", "
                                          "\"parties\": [\"Aland\", \"Borduria\"], \"events\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(EntenteLayout) shown = NULL;
  g_autoptr(EntenteLayout) alone = NULL;
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  double from = entente_days_from_civil (1950, 1, 1), span = 365;
  guint changed_shown = 0, changed_alone = 0, compared_shown = 0, compared_alone = 0;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"19%d-%02d-%02d\", "
                            "\"title\": \"Event %u%s\", \"actor\": \"%s\"}",
                            i > 0 ? ", " : "", i, g_rand_int_range (rand, 49, 52),
                            g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), i,
                            i % 3 ? " of the talks on the frontier" : "", i % 4 ? "Borduria" : "Aland");
  g_string_append (json, "]}");
  dataset = entente_test_load_json (json->str, "crowded.json");
  entente_timeline_view_set_dataset (view, dataset);

  for (guint step = 0; step < 12; step++)
    {
      EntenteLayout *layout;
      g_autoptr(EntenteLayout) fresh = NULL;
      const EntenteViewport *viewport;

      /* Four pixels or so a step. */
      entente_timeline_view_set_range (view, from + step * 1.5, from + step * 1.5 + span, FALSE);
      layout = entente_timeline_view_get_layout (view);
      viewport = entente_layout_get_viewport (layout);
      fresh = entente_layout_new (dataset, viewport, entente_timeline_view_get_style (view), NULL);
      if (shown != NULL)
        {
          changed_shown += entente_test_lanes_changed (shown, layout, 0, &compared_shown);
          changed_alone += entente_test_lanes_changed (alone, fresh, 0, &compared_alone);
        }
      g_set_object (&shown, layout);
      g_set_object (&alone, fresh);
    }

  g_test_message ("lanes changed: %u of %u labels in the window, %u of %u made alone",
                  changed_shown, compared_shown, changed_alone, compared_alone);
  /* Alone, one label in five or more moves a step; in the window, hardly
   * one in twenty-five, most of them where events come into view. */
  g_assert_cmpuint (compared_alone, >, 300);
  g_assert_cmpuint (changed_alone * 5, >, compared_alone);
  g_assert_cmpuint (changed_shown * 25, <, compared_shown);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What must hold after anything a user does: the panel shows the
 * selected event, the list selects it where it lists it, and where the
 * chart shows it in view, it is drawn on its own. TRUE when an event
 * was selected and in view. */
static gboolean
check_window_agrees (EntenteWindow *window,
                     const char    *what)
{
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  EntenteEventList *list = entente_window_get_event_list (window);
  EntenteLayout *layout = entente_timeline_view_get_layout (view);
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  int selected = entente_timeline_view_get_selected_event (view);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  const EntenteEvent *event;
  guint index;

  entente_timeline_view_collect_shown (view, shown);
  if (entente_event_list_get_n_rows (list) != shown->len)
    g_error ("%s: the list has %u rows for %u events shown", what,
             entente_event_list_get_n_rows (list), shown->len);
  if (selected < 0)
    {
      g_assert_cmpint (entente_event_list_get_selected_event (list), ==, -1);
      return FALSE;
    }
  event = entente_dataset_get_event (dataset, selected);
  g_assert_cmpstr (entente_source_panel_get_title (entente_window_get_panel (window)), ==, event->title);
  if (!entente_timeline_view_is_shown (view, selected))
    {
      g_assert_cmpint (entente_event_list_get_selected_event (list), ==, -1);
      return FALSE;
    }
  g_assert_cmpint (entente_event_list_get_selected_event (list), ==, selected);
  if (event->start_day >= viewport->to_day || event->end_day <= viewport->from_day)
    return FALSE;
  if (entente_layout_find_event (layout, selected, &index) != ENTENTE_PLACED_ITEM)
    g_error ("%s: the selected event %d is in view but not drawn on its own", what, selected);
  return TRUE;
}

/* A user let loose: drags, zooms, clicks on badges and bars, steps
 * through events, picks rows in the list, searches and hides
 * categories, in random order. After every step the window agrees with
 * itself. */
static void
test_random_use (void)
{
  static const char *words[] = { "treaty", "Mao", "border", "Soviet", "visit", "zzz", NULL };
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  EntenteEventList *list = entente_window_get_event_list (window);
  guint n_events = entente_dataset_get_n_events (dataset);
  guint n_categories = entente_dataset_get_n_categories (dataset);
  guint n_kinds = entente_dataset_get_n_period_kinds (dataset);
  g_autoptr(GRand) rand = g_rand_new_with_seed (29);
  g_autofree gboolean *hidden = g_new0 (gboolean, n_categories);
  g_autofree gboolean *hidden_kind = g_new0 (gboolean, MAX (n_kinds, 1));
  guint n_steps = g_test_thorough () ? 3000 : 300, n_in_view = 0;

  for (guint step = 0; step < n_steps; step++)
    {
      EntenteLayout *layout = entente_timeline_view_get_layout (view);
      guint choice = g_rand_int_range (rand, 0, 17), n, max;
      g_autofree char *what = NULL;
      double from, to;

      entente_timeline_view_get_range (view, &from, &to);
      switch (choice)
        {
        case 0: /* a drag */
          {
            double shift = (to - from) * g_rand_double_range (rand, -0.3, 0.3);

            entente_timeline_view_set_range (view, from + shift, to + shift, FALSE);
          }
          break;
        case 1:
          entente_timeline_view_zoom (view, g_rand_double_range (rand, 0.3, 3),
                                      g_rand_double_range (rand, 0, 1000));
          break;
        case 2:
          entente_timeline_view_select_event (view, g_rand_int_range (rand, -1, n_events));
          break;
        case 3:
        case 4:
          entente_timeline_view_select_next (view, g_rand_boolean (rand) ? 1 : -1);
          break;
        case 5:
          if (g_rand_boolean (rand))
            entente_timeline_view_select_first (view);
          else
            entente_timeline_view_select_last (view);
          break;
        case 6:
          search_and_wait (window, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          break;
        case 7:
          {
            guint category = g_rand_int_range (rand, 0, n_categories);

            hidden[category] = !hidden[category];
            entente_timeline_view_set_category_hidden (view, category, hidden[category]);
          }
          break;
        case 8:
          if (n_kinds > 0)
            {
              guint kind = g_rand_int_range (rand, 0, n_kinds);

              hidden_kind[kind] = !hidden_kind[kind];
              entente_timeline_view_set_kind_hidden (view, kind, hidden_kind[kind]);
            }
          break;
        case 9:
          entente_layout_get_clusters (layout, &n);
          if (n > 0)
            entente_timeline_view_open_cluster (view, g_rand_int_range (rand, 0, n));
          break;
        case 10:
          entente_layout_get_volume (layout, &n, &max);
          if (n > 0)
            entente_timeline_view_open_volume (view, g_rand_int_range (rand, 0, n));
          break;
        case 11:
          n = entente_event_list_get_n_rows (list);
          if (n > 0)
            entente_event_list_select_row (list, g_rand_int_range (rand, 0, n));
          break;
        case 12:
          entente_timeline_view_select_period (view, g_rand_int_range (rand, -1, entente_dataset_get_n_periods (dataset)));
          break;
        case 13:
          entente_timeline_view_zoom_to_fit (view);
          break;
        case 14: /* an event counted in a badge, picked from the list */
          {
            const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n);

            if (n > 0)
              {
                const EntenteCluster *cluster = &clusters[g_rand_int_range (rand, 0, n)];

                entente_timeline_view_select_event (view, g_rand_int_range (rand, cluster->first_event,
                                                                            cluster->last_event + 1));
              }
          }
          break;
        case 15: /* from the selection's context menu */
          {
            int selected = entente_timeline_view_get_selected_event (view);
            int category = selected >= 0 ? entente_dataset_get_event (dataset, selected)->category
                                         : ENTENTE_NO_CATEGORY;

            guint entry = g_rand_int_range (rand, 0, 4);

            if (entry == 0 || (entry == 1 && category == ENTENTE_NO_CATEGORY))
              gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-to-selection", NULL);
            else if (entry == 1)
              {
                hidden[category] = TRUE;
                gtk_widget_activate_action (GTK_WIDGET (view), "timeline.hide-category", NULL);
              }
            else if (entry == 2)
              {
                int only = g_rand_int_range (rand, 0, n_categories);

                for (guint c = 0; c < n_categories; c++)
                  hidden[c] = (int) c != only;
                gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-only-category", "i", only);
              }
            else
              {
                memset (hidden, 0, n_categories * sizeof *hidden);
                gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-all-categories", NULL);
              }
          }
          break;
        default:
          {
            g_autofree char *tip = entente_timeline_view_get_tooltip_text_at (view, g_rand_double_range (rand, 0, 1200),
                                                                             g_rand_double_range (rand, 0, 760));

            g_assert_true (tip == NULL || g_utf8_validate (tip, -1, NULL));
          }
          break;
        }
      /* Let animations and idle work run, as between a user's clicks. */
      for (guint i = 0; i < 3; i++)
        g_main_context_iteration (NULL, FALSE);
      what = g_strdup_printf ("step %u (action %u)", step, choice);
      n_in_view += check_window_agrees (window, what);
    }
  g_test_message ("%u of %u steps ended with the selected event in view", n_in_view, n_steps);
  g_assert_cmpuint (n_in_view * 4, >, n_steps);
  search_and_wait (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_next_and_previous (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteSourcePanel *panel = entente_window_get_panel (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  const EntenteEvent *first = entente_dataset_get_event (dataset, 0);
  const EntenteExcerpt *excerpt = entente_dataset_get_excerpt (dataset, first->first_excerpt);
  const EntenteSource *source = entente_dataset_get_source (dataset, excerpt->source);
  double from, to, now_from, now_to;

  entente_timeline_view_get_range (view, &from, &to);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 0);
  /* The first event, labelled near the start of the whole timeline, is
   * selected where it is: no view shows it further from that edge. */
  entente_timeline_view_get_range (view, &now_from, &now_to);
  g_assert_nonnull (entente_layout_find_labelled (entente_timeline_view_get_layout (view), 0));
  g_assert_cmpfloat (now_from, ==, from);
  g_assert_cmpfloat (now_to, ==, to);

  /* The panel shows the first excerpt word for word, with its citation. */
  g_assert_cmpstr (entente_source_panel_get_title (panel), ==, first->title);
  g_assert_cmpuint (entente_source_panel_get_n_excerpts (panel), ==, first->n_excerpts);
  g_assert_cmpstr (entente_source_panel_get_quote (panel, 0), ==, excerpt->quote);
  g_assert_nonnull (strstr (entente_source_panel_get_citation (panel, 0), source->title));
  g_assert_nonnull (strstr (entente_source_panel_get_citation (panel, 0), excerpt->locator));

  /* Walking in date order. */
  for (int i = 1; i < 5; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
      g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, i);
      g_assert_cmpint (entente_dataset_get_event (dataset, i - 1)->start_day, <=,
                       entente_dataset_get_event (dataset, i)->start_day);
      g_assert_cmpstr (entente_source_panel_get_title (panel), ==, entente_dataset_get_event (dataset, i)->title);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-event", NULL));
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 3);

  /* The last event, and no further. */
  entente_timeline_view_select_last (view);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==,
                   (int) entente_dataset_get_n_events (dataset) - 1);
  g_assert_false (entente_timeline_view_select_next (view, 1));

  /* A period shows in the panel the same way. */
  entente_timeline_view_select_period (view, 0);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, -1);
  g_assert_cmpstr (entente_source_panel_get_title (panel), ==, entente_dataset_get_period (dataset, 0)->label);
  g_assert_cmpuint (entente_source_panel_get_n_excerpts (panel), >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With nothing selected, Right and Left start where the reader is
 * looking, not centuries away; Home and End still go to the ends, and a
 * search whose matches all lie behind the view still finds the first. */
static void
test_next_from_view (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  guint n = entente_dataset_get_n_events (dataset);
  gint64 middle = entente_dataset_get_event (dataset, n / 2)->start_day;
  g_autoptr(GBytes) matches = NULL;
  gboolean *flags;
  double from, to;
  int selected;

  entente_timeline_view_set_range (view, middle - 300.5, middle + 800.5, FALSE);
  entente_timeline_view_get_range (view, &from, &to);

  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.next", NULL);
  selected = entente_timeline_view_get_selected_event (view);
  g_assert_cmpint (selected, >, 0);
  g_assert_cmpfloat (entente_dataset_get_event (dataset, selected)->start_day, >=, from);
  g_assert_cmpfloat (entente_dataset_get_event (dataset, selected - 1)->start_day, <, from);

  entente_timeline_view_select_event (view, -1);
  entente_timeline_view_set_range (view, middle - 300.5, middle + 800.5, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.previous", NULL);
  selected = entente_timeline_view_get_selected_event (view);
  g_assert_cmpint (selected, <, (int) n - 1);
  g_assert_cmpfloat (entente_dataset_get_event (dataset, selected)->start_day, <, to);
  g_assert_cmpfloat (entente_dataset_get_event (dataset, selected + 1)->start_day, >=, to);

  entente_timeline_view_select_event (view, -1);
  entente_timeline_view_set_range (view, middle - 300.5, middle + 800.5, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.first", NULL);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.last", NULL);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, (int) n - 1);

  /* Only the first two events match: both lie before the view. */
  flags = g_new0 (gboolean, n);
  flags[0] = flags[1] = TRUE;
  matches = g_bytes_new_take (flags, n * sizeof (gboolean));
  entente_timeline_view_set_matches (view, matches);
  entente_timeline_view_select_event (view, -1);
  entente_timeline_view_set_range (view, middle - 300.5, middle + 800.5, FALSE);
  g_assert_true (entente_timeline_view_select_next (view, 1));
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 0);
  entente_timeline_view_select_event (view, -1);
  entente_timeline_view_set_range (view, middle - 300.5, middle + 800.5, FALSE);
  g_assert_true (entente_timeline_view_select_next (view, -1));
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Selecting a span out of view shows it whole, however narrow the view
 * was; one already filling the view keeps the zoom. */
static void
test_reveal_span (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  guint n = entente_dataset_get_n_events (dataset);
  const EntenteEvent *longest = NULL;
  int index = -1;
  double from, to, middle;

  for (guint i = 0; i < n; i++)
    {
      const EntenteEvent *e = entente_dataset_get_event (dataset, i);

      if (e->is_span && (longest == NULL || e->end_day - e->start_day > longest->end_day - longest->start_day))
        {
          longest = e;
          index = i;
        }
    }
  g_assert_nonnull (longest);
  g_assert_cmpint (longest->end_day - longest->start_day, >, 3 * 366);

  /* Three years, far from it. */
  entente_timeline_view_set_range (view, longest->end_day + 20000, longest->end_day + 21096, FALSE);
  entente_timeline_view_select_event (view, index);
  run_frames (50);
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat (from, <=, longest->start_day);
  g_assert_cmpfloat (to, >=, longest->end_day);
  g_assert_cmpfloat (to - from, <=, (longest->end_day - longest->start_day) * 1.3);

  /* Three years in its middle: the bar fills the view and stays. */
  middle = (longest->start_day + longest->end_day) / 2.0;
  entente_timeline_view_select_event (view, -1);
  entente_timeline_view_set_range (view, middle - 548, middle + 548, FALSE);
  entente_timeline_view_select_event (view, index);
  run_frames (50);
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, middle - 548, 1e-6);
  g_assert_cmpfloat_with_epsilon (to, middle + 548, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the stand-in for the system's applications (see set_up_stand_in ())
 * opens: the help, and the web for the sources. */
static const char * const stand_in_types[] = {
  "x-scheme-handler/help", "x-scheme-handler/https", "x-scheme-handler/http", NULL,
};

/* The system's own applications for type (yelp or a web browser, where
 * installed), as desktop file ids separated by semicolons. Found by
 * reading the desktop files, since GIO must not look for applications
 * before the test's directories are in place. */
static char *
system_handlers (const char *type)
{
  GString *ids = g_string_new (NULL);
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *applications = g_build_filename (dirs[i], "applications", NULL);
      g_autoptr(GDir) dir = g_dir_open (applications, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autoptr(GKeyFile) entry = g_key_file_new ();
          g_autofree char *path = g_build_filename (applications, name, NULL);
          g_auto(GStrv) types = NULL;

          if (!g_str_has_suffix (name, ".desktop") ||
              !g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL))
            continue;
          types = g_key_file_get_string_list (entry, "Desktop Entry", "MimeType", NULL, NULL);
          if (types != NULL && g_strv_contains ((const char * const *) types, type))
            g_string_append_printf (ids, "%s;", name);
        }
    }
  return g_string_free (ids, FALSE);
}

/* Writes the stand-in program, and returns where it is. */
static char *
write_stand_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_build_filename (stand_in_home, "stand-in", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s/launched'\n",
                                             stand_in_home);

  g_file_set_contents (program, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (program, 0755), ==, 0);
  return g_steal_pointer (&program);
}

/* A stand-in for the help viewer and the web browser: a program
 * registered for their addresses in this process's own data and
 * configuration directories, in their place, which writes down each
 * address it is started with. It must be in place before GIO first looks
 * for applications. */
static void
set_up_stand_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *program = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *path = NULL;
  g_autofree char *types = NULL;
  g_autoptr(GString) mimeapps = NULL;

  stand_in_home = g_dir_make_tmp ("entente-window-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (stand_in_home, "data", NULL);
  config = g_build_filename (stand_in_home, "config", NULL);
  applications = g_build_filename (data, "applications", NULL);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  program = write_stand_in ();

  types = g_strjoinv (";", (char **) stand_in_types);
  entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Stand-in\n"
                           "Exec=%s %%u\nMimeType=%s;\nNoDisplay=true\n", program, types);
  path = g_build_filename (applications, "entente-test-stand-in.desktop", NULL);
  g_file_set_contents (path, entry, -1, &error);
  g_assert_no_error (error);
  g_free (path);
  path = g_build_filename (config, "mimeapps.list", NULL);
  mimeapps = g_string_new ("[Default Applications]\n");
  for (guint i = 0; stand_in_types[i] != NULL; i++)
    g_string_append_printf (mimeapps, "%s=entente-test-stand-in.desktop\n", stand_in_types[i]);
  g_string_append (mimeapps, "[Removed Associations]\n");
  for (guint i = 0; stand_in_types[i] != NULL; i++)
    {
      g_autofree char *others = system_handlers (stand_in_types[i]);

      g_string_append_printf (mimeapps, "%s=%s\n", stand_in_types[i], others);
    }
  g_file_set_contents (path, mimeapps->str, -1, &error);
  g_assert_no_error (error);
}

static void
remove_stand_in (void)
{
  const char *paths[] = {
    "data/applications/entente-test-stand-in.desktop", "data/applications", "data",
    "config/mimeapps.list", "config", "stand-in", "launched", "",
  };

  /* GTK may have left files of its own under data or config: those
   * directories then stay. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *path = g_build_filename (stand_in_home, paths[i], NULL);

      g_remove (path);
    }
  g_free (stand_in_home);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static char *
launched_path (void)
{
  return g_build_filename (stand_in_home, "launched", NULL);
}

/* Forgets the addresses the stand-in was started with. */
static void
forget_launched (void)
{
  g_autofree char *path = launched_path ();

  g_remove (path);
}

/* Waits for the stand-in to be started, checks that address is all it was
 * given, and forgets it. */
static void
assert_launched (const char *address)
{
  g_autofree char *path = launched_path ();
  g_autofree char *expected = g_strconcat (address, "\n", NULL);
  g_autofree char *addresses = NULL;

  spin_until (file_exists, path, 10000);
  /* It writes its line and ends. */
  run_frames (200);
  g_assert_true (g_file_get_contents (path, &addresses, NULL, NULL));
  g_assert_cmpstr (addresses, ==, expected);
  g_remove (path);
}

/* F1 and the main menu's Help open the user's help in the help viewer;
 * without a viewer to start, a dialog says so. */
static void
test_help (void)
{
  EntenteWindow *window = new_window ();
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_autofree char *launched = launched_path ();
  g_autofree char *program = g_build_filename (stand_in_home, "stand-in", NULL);

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  /* The format's button belongs to the page of a file that failed. */
  g_assert_false (gtk_widget_is_visible (find_widget_matching (GTK_WIDGET (window), is_button_for_action, "win.format-help")));

  forget_launched ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  assert_launched ("help:entente");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* A page of it, as the dialogs that point to one ask. */
  entente_show_help (GTK_WINDOW (window), "check");
  assert_launched ("help:entente/check");

  /* No viewer that can start: the system's are set aside from the
   * start, and the stand-in is no longer a program. */
  g_assert_cmpint (g_chmod (program, 0644), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  spin_until (error_shown, NULL, 10000);
  {
    AdwMessageDialog *failure = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (failure), ==, "Help Unavailable");
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (failure)) == GTK_WINDOW (window));
    gtk_window_destroy (GTK_WINDOW (failure));
  }
  g_assert_false (g_file_test (launched, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (program, 0755), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A quotation's web browser button opens its source's address; without
 * a browser that can start, a dialog says so. */
static void
test_open_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EntenteWindow *window = new_window ();
  EntenteDataset *dataset;
  g_autofree char *program = g_build_filename (stand_in_home, "stand-in", NULL);
  const EntenteSource *source = NULL;
  GtkWidget *button;

  /* The bundled dataset's sources have no web address: this one's do. */
  entente_window_open_file (window, file);
  spin_until (not_loading, window, 10000);
  dataset = entente_window_get_dataset (window);
  for (guint i = 0; i < entente_dataset_get_n_events (dataset) && source == NULL; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      if (event->n_excerpts == 0)
        continue;
      source = entente_dataset_get_source (dataset,
                                           entente_dataset_get_excerpt (dataset, event->first_excerpt)->source);
      if (source->url == NULL || !g_str_has_prefix (source->url, "https://"))
        source = NULL;
      else
        entente_timeline_view_select_event (entente_window_get_view (window), i);
    }
  g_assert_nonnull (source);
  run_frames (100);
  button = find_widget_matching (GTK_WIDGET (entente_window_get_panel (window)), is_button_with_tooltip, source->url);
  g_assert_nonnull (button);

  forget_launched ();
  g_signal_emit_by_name (button, "clicked");
  assert_launched (source->url);

  g_assert_cmpint (g_chmod (program, 0644), ==, 0);
  g_signal_emit_by_name (button, "clicked");
  spin_until (error_shown, NULL, 10000);
  {
    AdwMessageDialog *failure = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (failure), ==, "The Source Could Not Be Opened");
    gtk_window_destroy (GTK_WINDOW (failure));
  }
  g_assert_cmpint (g_chmod (program, 0755), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+G and Ctrl+Shift+G step through a search's matches wherever the
 * focus is; with no search they do nothing. */
static void
test_match_keys (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  int first, second;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-match", NULL);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, -1);

  search_and_wait (window, "Gorbachev");
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-match", NULL);
  first = entente_timeline_view_get_selected_event (view);
  g_assert_cmpint (first, >=, 0);
  g_assert_true (entente_timeline_view_is_shown (view, first));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-match", NULL);
  second = entente_timeline_view_get_selected_event (view);
  g_assert_cmpint (second, >, first);
  g_assert_true (entente_timeline_view_is_shown (view, second));
  for (int i = first + 1; i < second; i++)
    g_assert_false (entente_timeline_view_is_shown (view, i));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-match", NULL);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, first);

  search_and_wait (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  guint n = entente_dataset_get_n_events (dataset);
  guint shown = 0;
  int selected;

  search_and_wait (window, "Gorbachev");
  for (guint i = 0; i < n; i++)
    shown += entente_timeline_view_is_shown (view, i);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, n / 4);

  /* Stepping visits only matches. */
  g_assert_true (entente_timeline_view_select_next (view, 1));
  selected = entente_timeline_view_get_selected_event (view);
  g_assert_true (entente_timeline_view_is_shown (view, selected));

  /* A narrower search highlights fewer. */
  search_and_wait (window, "Gorbachev in Beijing");
  {
    guint narrower = 0;

    for (guint i = 0; i < n; i++)
      narrower += entente_timeline_view_is_shown (view, i);
    g_assert_cmpuint (narrower, >, 0);
    g_assert_cmpuint (narrower, <, shown);
  }

  /* A badge says how many of its events match. */
  search_and_wait (window, "Stalin");
  {
    guint n_clusters, with_match = 0;
    const EntenteCluster *clusters;

    entente_timeline_view_zoom_to_fit (view);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    clusters = entente_layout_get_clusters (entente_timeline_view_get_layout (view), &n_clusters);
    for (guint i = 0; i < n_clusters; i++)
      {
        const EntenteRect *r = &clusters[i].rect;
        /* "match" or "matches" */
        g_autofree char *expected = g_strdup_printf ("\n%u of them match", clusters[i].matched);
        g_autofree char *tooltip = entente_timeline_view_get_tooltip_text_at (view, r->x + r->width / 2,
                                                                             r->y + r->height / 2);

        g_assert_nonnull (tooltip);
        g_assert_nonnull (strstr (tooltip, expected));
        with_match += clusters[i].matched > 0;
      }
    g_assert_cmpuint (with_match, >, 0);
    g_assert_cmpuint (with_match, <, n_clusters);
  }

  search_and_wait (window, NULL);
  for (guint i = 0; i < n; i++)
    g_assert_true (entente_timeline_view_is_shown (view, i));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing goes on while a search runs: each new text gives up the search
 * before it, and Enter waits for the matches of what was typed. */
static void
test_search_while_typing (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  GtkWidget *entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  guint n = entente_dataset_get_n_events (dataset), n_mao = 0, n_khrushchev = 0;
  g_autofree gboolean *mao = entente_search_events (dataset, "Mao", NULL, NULL, &n_mao);
  g_autofree gboolean *khrushchev = entente_search_events (dataset, "Khrushchev", NULL, NULL, &n_khrushchev);
  int selected;

  g_assert_nonnull (entry);
  g_assert_cmpuint (n_mao, >, 0);
  g_assert_cmpuint (n_khrushchev, >, 0);

  entente_window_search (window, "Gorbachev");
  entente_window_search (window, "Mao");
  g_assert_true (entente_window_is_searching (window));
  spin_until (not_searching, window, 10000);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (entente_timeline_view_is_shown (view, i), ==, mao[i]);

  /* Enter before the matches are known goes to one of them once they
   * are, not to one of the search before. */
  entente_timeline_view_select_event (view, -1);
  entente_window_search (window, "Khrushchev");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, -1);
  spin_until (not_searching, window, 10000);
  selected = entente_timeline_view_get_selected_event (view);
  g_assert_cmpint (selected, >=, 0);
  g_assert_true (khrushchev[selected]);

  /* Giving up a load leaves a search running. */
  entente_window_search (window, "Mao");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL);
  spin_until (not_searching, window, 10000);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (entente_timeline_view_is_shown (view, i), ==, mao[i]);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing on searches within the matches of the text before; any other
 * change of the text searches every event again. Each answer is what a
 * search of every event finds. */
static void
test_search_narrows_as_typed (void)
{
  static const char *texts[] = { "Ma", "Mao", "Mao ", "Ma", "Khru", "Khrushchev", "treaty", "Treaty of", "Mao" };
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  guint n = entente_dataset_get_n_events (dataset);

  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      g_autofree gboolean *expected = entente_search_events (dataset, texts[k], NULL, NULL, NULL);

      entente_window_search (window, texts[k]);
      spin_until (not_searching, window, 10000);
      for (guint i = 0; i < n; i++)
        if (entente_timeline_view_is_shown (view, i) != expected[i])
          g_error ("\"%s\" after \"%s\": event %u shown %d", texts[k], k > 0 ? texts[k - 1] : "",
                   i, entente_timeline_view_is_shown (view, i));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_invalid_keeps_dataset (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "invalid", "wrong-format.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  EntenteWindow *window = new_window ();
  EntenteDataset *before = entente_window_get_dataset (window);

  entente_window_open_file (window, file);
  spin_until (not_loading, window, 10000);

  g_assert_true (entente_window_get_dataset (window) == before);
  g_assert_nonnull (entente_window_get_last_error (window));
  {
    g_autofree char *path = g_file_get_path (file);

    g_assert_true (g_str_has_prefix (entente_window_get_last_error (window), path));
  }
  g_assert_nonnull (strstr (entente_window_get_last_error (window), "entente/2"));

  /* The one problem, as the dialog's message, without the path that
   * the heading's name stands for. */
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_autofree char *path = g_file_get_path (file);

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“wrong-format.json” Could Not Be Opened");
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     entente_window_get_last_error (window) + strlen (path) + 2);
    g_assert_null (adw_message_dialog_get_extra_child (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Its Dataset Format opens that page of the help. */
  {
    AdwMessageDialog *dialog;

    forget_launched ();
    entente_window_open_file (window, file);
    spin_until (not_loading, window, 10000);
    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "format");
    assert_launched ("help:entente/format");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file with hundreds of problems: counted, and listed in a box that
 * scrolls, the first two hundred, so that the dialog, or the page when
 * there is no dataset to go back to, fits on the screen with its
 * button. */
static void
test_problems_listed (void)
{
  GString *json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Bad\", \"events\": [");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  EntenteWindow *window = new_window ();
  AdwMessageDialog *dialog;
  GtkWidget *list;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"date\": \"19x0\", \"title\": \"T\" }", i ? ", " : "", i);
  g_string_append (json, "] }");
  file = write_file ("three hundred.json", json->str);
  g_string_free (json, TRUE);

  entente_window_open_file (window, file);
  spin_until (error_shown, NULL, 10000);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“three hundred.json” Could Not Be Opened");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "300 problems were found in it.");
  list = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (list);
  collect_widgets (list, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 201);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (labels->pdata[0]), "events[0].date: expected an EDTF date"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (labels->pdata[199]), "events[199].date:"));
  g_assert_cmpstr (gtk_label_get_text (labels->pdata[200]), ==, "And 100 more: entente --check lists them all.");

  {
    int minimum, natural;

    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("dialog height %d to %d", minimum, natural);
    g_assert_cmpint (natural, <, 600);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Launched with it, with no dataset to go back to: on the page, with
   * the button to open another still in view. */
  window = entente_window_new (app);
  entente_window_open_file (window, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (not_loading, window, 10000);
  {
    AdwStatusPage *page = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
    GtkWidget *button = NULL;
    int minimum, natural;

    g_assert_cmpstr (adw_status_page_get_title (page), ==, "“three hundred.json” Could Not Be Opened");
    g_assert_cmpstr (adw_status_page_get_description (page), ==, "300 problems were found in it.");
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    collect_label_texts (GTK_WIDGET (page), texts);
    g_assert_true (has_text (texts, "And 100 more: entente --check lists them all."));
    button = find_widget (adw_status_page_get_child (page), GTK_TYPE_BUTTON);
    g_assert_nonnull (button);
    gtk_widget_measure (adw_status_page_get_child (page), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("page's child height %d to %d", minimum, natural);
    g_assert_cmpint (natural, <, 500);

    /* Under Open, the help's page on the format. */
    {
      GtkWidget *format = find_widget_matching (GTK_WIDGET (page), is_button_for_action, "win.format-help");

      g_assert_nonnull (format);
      g_assert_true (gtk_widget_is_visible (format));
      forget_launched ();
      gtk_widget_activate (format);
      assert_launched ("help:entente/format");
    }
  }
  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
  g_clear_object (&file);

  /* One problem, quoting what the file holds, as the page's words:
   * never taken for markup. */
  file = write_file ("one.json", "{ \"format\": \"entente/1\", \"title\": \"One\","
                                 " \"events\": [ { \"id\": \"e\", \"date\": \"<b>&\", \"title\": \"E\" } ] }");
  window = entente_window_new (app);
  entente_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (not_loading, window, 10000);
  {
    AdwStatusPage *page = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));

    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    collect_label_texts (GTK_WIDGET (page), texts);
    g_assert_true (has_text (texts, "events[0].date: expected an EDTF date such as 1950, 1950-02 or 1950-02-14, found “<b>&”"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}




/* A toast in the window says data, as written. */
static gboolean
toast_shown (gpointer data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window = find_toplevel (ENTENTE_TYPE_WINDOW);

  collect_label_texts (GTK_WIDGET (window), texts);
  return has_text (texts, data);
}

static gboolean
has_error (gpointer data)
{
  return entente_window_get_last_error (data) != NULL;
}

static void
test_reload_on_change (void)
{
  const char *first = "{ \"format\": \"entente/1\", \"title\": \"First draft\","
                      "  \"events\": [ { \"id\": \"a\", \"date\": \"1950\", \"title\": \"A\" },"
                      "                { \"id\": \"b\", \"date\": \"1960\", \"title\": \"B\" } ] }";
  const char *second = "{ \"format\": \"entente/1\", \"title\": \"Second draft\","
                       "  \"events\": [ { \"id\": \"a\", \"date\": \"1950\", \"title\": \"A\" },"
                       "                { \"id\": \"b\", \"date\": \"1960\", \"title\": \"B, edited\" } ] }";
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  TitleWait wait = { window, "First draft" };
  /* A name the toast below must not take for markup. */
  g_autoptr(GFile) file = write_file ("draft <1> & notes.json", first);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_line = NULL;

  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 10000);

  entente_timeline_view_select_event (view, 1);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), second, -1, &error));
  wait.title = "Second draft";
  spin_until (title_is, &wait, 10000);

  /* The selection stays on the same event, by id. */
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 1);
  g_assert_cmpstr (entente_source_panel_get_title (entente_window_get_panel (window)), ==, "B, edited");

  /* Saved mid-edit: the chart stays, and a toast says what is wrong,
   * where, as written. */
  g_assert_true (g_file_set_contents (g_file_peek_path (file), "{ \"format\": \"entente/1\", \"title\": ", -1, &error));
  spin_until (has_error, window, 10000);
  first_line = g_strndup (entente_window_get_last_error (window), strcspn (entente_window_get_last_error (window), "\n"));
  g_test_message ("toast: %s", first_line);
  g_assert_nonnull (strstr (first_line, "draft <1> & notes.json"));
  spin_until (toast_shown, first_line, 10000);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Second draft");

  /* The toast's Details: every problem, in the dialog a failed open
   * shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“draft <1> & notes.json” Could Not Be Opened");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "invalid JSON"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* What the window draws is what an export of the same view writes. */
static void
check_pixels_equal_export (EntenteWindow *window)
{
  EntenteTimelineView *view = entente_window_get_view (window);
  GtkWidget *widget = GTK_WIDGET (view);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "view.png", NULL);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  EntenteExportOptions options;
  GtkSnapshot *snapshot;
  cairo_surface_t *exported;
  guint differing = 0, off_by_little = 0;

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  gsk_renderer_unrealize (renderer);

  /* As the export dialog has them from the view. */
  entente_export_options_init (&options);
  entente_timeline_view_get_export_options (view, &options);
  g_assert_cmpint (options.from_day, ==, 700000);
  g_assert_cmpint (options.to_day, ==, 730000);
  options.width = width;
  options.height = height;
  g_assert_true (entente_export_to_file (entente_window_get_dataset (window), &options, png, &error));
  g_assert_no_error (error);

  exported = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (exported), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (exported), ==, height);
  cairo_surface_flush (exported);

  for (int y = 0; y < height; y++)
    {
      const guchar *a = pixels + y * width * 4;
      const guchar *b = cairo_image_surface_get_data (exported) + y * cairo_image_surface_get_stride (exported);

      for (int x = 0; x < width * 4; x++)
        {
          /* GSK replays the drawing onto its own surface, where a few
           * antialiased edges (gradient steps, text halos over hairlines)
           * can round differently than on a plain image surface. Allow
           * that noise, and nothing that could be a missing element. */
          off_by_little += a[x] != b[x];
          if (ABS ((int) a[x] - (int) b[x]) <= 8)
            continue;
          if (differing < 5)
            g_test_message ("pixel (%d, %d) channel %d: %u on screen, %u exported",
                            x / 4, y, x % 4, a[x], b[x]);
          differing++;
        }
    }
  if (differing > 0 && g_getenv ("ENTENTE_KEEP_PIXELS"))
    {
      cairo_surface_t *screen = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32,
                                                                      width, height, width * 4);

      cairo_surface_write_to_png (screen, "window-view.out.png");
      cairo_surface_write_to_png (exported, "window-view.export.png");
      cairo_surface_destroy (screen);
    }
  cairo_surface_destroy (exported);
  g_unlink (png);
  g_rmdir (dir);

  g_assert_cmpuint (differing, <, (guint) (width * height) / 2000);
  g_assert_cmpuint (off_by_little, <, (guint) (width * height * 4) / 500);
}

/* Searches for text, with the category of the first event whose title
 * has it hidden, so that some of the matches are hidden too; returns
 * that category. */
static guint
hide_and_search (EntenteWindow *window,
                 const char    *text)
{
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  guint n = entente_dataset_get_n_events (dataset), shown = 0;
  int category = -1;

  for (guint i = 0; i < n && category < 0; i++)
    if (strstr (entente_dataset_get_event (dataset, i)->title, text) != NULL)
      category = entente_dataset_get_event (dataset, i)->category;
  g_assert_cmpint (category, >=, 0);
  entente_timeline_view_set_category_hidden (view, category, TRUE);
  search_and_wait (window, text);
  for (guint i = 0; i < n; i++)
    shown += entente_timeline_view_is_shown (view, i);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, n);
  return category;
}

/* The chart exported from the window looks as the window shows it: with
 * nothing hidden, and with a category hidden and a search active. */
static void
test_widget_pixels_equal_export (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);

  /* Whole days, as exports take them. */
  entente_timeline_view_set_range (view, 700000, 730000, FALSE);
  check_pixels_equal_export (window);

  hide_and_search (window, "Soviet");
  check_pixels_equal_export (window);

  /* A period selected is marked in both: one that ends in view. */
  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      gint64 end = entente_date_end_day (&entente_dataset_get_period (dataset, i)->end);

      if (end > 700000 + 1000 && end < 730000 - 1000)
        {
          entente_timeline_view_select_period (view, (int) i);
          break;
        }
    }
  g_assert_cmpint (entente_timeline_view_get_selected_period (view), >=, 0);
  check_pixels_equal_export (window);

  gtk_window_destroy (GTK_WINDOW (window));
}


/* Exports from the dialog to file, and waits for it to be written. */
static void
export_and_wait (EntenteExportDialog *dialog,
                 GFile               *file)
{
  entente_export_dialog_export_to (dialog, file);
  spin_until (file_exists, (gpointer) g_file_peek_path (file), 10000);
}

/* Closes the failure shown, after checking what it says. */
static void
check_failure (const char *says)
{
  AdwMessageDialog *failure = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (failure);
  g_assert_cmpstr (adw_message_dialog_get_heading (failure), ==, "Export Failed");
  g_test_message ("failure: %s", adw_message_dialog_get_body (failure));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (failure), says));
  gtk_window_destroy (GTK_WINDOW (failure));
}

/* Two PNG files hold the same pixels. */
static void
assert_same_png (const char *a_path,
                 const char *b_path)
{
  cairo_surface_t *a = cairo_image_surface_create_from_png (a_path);
  cairo_surface_t *b = cairo_image_surface_create_from_png (b_path);
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint differing = 0;

  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    differing += memcmp (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a),
                         cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b),
                         width * 4) != 0;
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  g_assert_cmpuint (differing, ==, 0);
}

/* Export from the window's dialog, as a user does: the chart written is
 * the view the dialog opened on, with its hidden category and its
 * search, whatever the window does while the dialog is open, and a place
 * that cannot be written leaves the dialog open with all it had. */
static void
test_export_dialog (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
  g_autofree char *expected = g_build_filename (dir, "expected.png", NULL);
  /* Named as a file may be, and as toasts would take for markup. */
  g_autofree char *written = g_build_filename (dir, "Sino-Soviet <split> & after.png", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.org/chart.png");
  g_autoptr(GFile) unwritable_file = g_file_new_for_path (unwritable);
  g_autoptr(GFile) written_file = g_file_new_for_path (written);
  g_autoptr(GError) error = NULL;
  EntenteExportOptions options;
  EntenteExportDialog *dialog;
  guint category;

  entente_timeline_view_set_range (view, 700000, 730000, FALSE);
  category = hide_and_search (window, "Soviet");
  entente_timeline_view_select_event (view, 3);

  /* What the dialog is to write, at its first size. */
  entente_export_options_init (&options);
  entente_timeline_view_get_export_options (view, &options);
  options.width = 1600;
  options.height = 900;
  g_assert_true (entente_export_to_file (dataset, &options, expected, &error));
  g_assert_no_error (error);

  dialog = ENTENTE_EXPORT_DIALOG (open_export_dialog (window));

  /* The window moves on while the dialog is open. */
  search_and_wait (window, "Mao");
  entente_timeline_view_set_category_hidden (view, category, FALSE);
  entente_timeline_view_select_event (view, 7);
  entente_timeline_view_set_range (view, 690000, 740000, FALSE);

  /* Not a local file: said so, and the dialog stays as it was. */
  entente_export_dialog_export_to (dialog, remote);
  g_assert_true (find_toplevel (ENTENTE_TYPE_EXPORT_DIALOG) == GTK_WINDOW (dialog));
  check_failure ("local files");

  entente_export_dialog_export_to (dialog, written_file);
  g_assert_null (find_toplevel (ENTENTE_TYPE_EXPORT_DIALOG));
  spin_until (file_exists, written, 10000);
  assert_same_png (expected, written);
  spin_until (toast_shown, (gpointer) "Exported “Sino-Soviet <split> & after.png”", 10000);

  /* A folder that is not there: the export fails on its thread, and
   * says where. */
  dialog = ENTENTE_EXPORT_DIALOG (open_export_dialog (window));
  entente_export_dialog_export_to (dialog, unwritable_file);
  spin_until (error_shown, NULL, 10000);
  check_failure (unwritable);
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));

  g_unlink (expected);
  g_unlink (written);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With something selected, the export dialog offers to mark it, naming
 * it, on as in the window; off, the chart is drawn as if nothing were
 * selected. With nothing selected it offers nothing. */
static void
test_export_dialog_selection (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
  g_autofree char *marked = g_build_filename (dir, "marked.png", NULL);
  g_autofree char *unmarked = g_build_filename (dir, "unmarked.png", NULL);
  g_autofree char *expected = g_build_filename (dir, "expected.png", NULL);
  g_autoptr(GFile) marked_file = g_file_new_for_path (marked);
  g_autoptr(GFile) unmarked_file = g_file_new_for_path (unmarked);
  g_autoptr(GError) error = NULL;
  EntenteExportOptions options;
  EntenteExportDialog *dialog;
  AdwActionRow *row;
  GtkSwitch *mark;

  /* Nothing selected: nothing offered. */
  dialog = ENTENTE_EXPORT_DIALOG (open_export_dialog (window));
  mark = row_switch (GTK_WINDOW (dialog), "_Mark the Selection");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (mark), ADW_TYPE_ACTION_ROW)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  entente_timeline_view_set_range (view, 700000, 730000, FALSE);
  entente_timeline_view_select_event (view, 40);
  run_frames (50);
  dialog = ENTENTE_EXPORT_DIALOG (open_export_dialog (window));
  mark = row_switch (GTK_WINDOW (dialog), "_Mark the Selection");
  row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (mark), ADW_TYPE_ACTION_ROW));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, entente_dataset_get_event (dataset, 40)->title);
  g_assert_true (gtk_switch_get_active (mark));
  gtk_switch_set_active (mark, FALSE);
  export_and_wait (dialog, unmarked_file);

  /* As the view would export with nothing selected. */
  entente_export_options_init (&options);
  entente_timeline_view_get_export_options (view, &options);
  options.width = 1600;
  options.height = 900;
  options.selected_event = -1;
  g_assert_true (entente_export_to_file (dataset, &options, expected, &error));
  g_assert_no_error (error);
  assert_same_png (expected, unmarked);

  /* On, as the window shows it. */
  run_frames (50);
  dialog = ENTENTE_EXPORT_DIALOG (open_export_dialog (window));
  export_and_wait (dialog, marked_file);
  options.selected_event = 40;
  g_assert_true (entente_export_to_file (dataset, &options, expected, &error));
  assert_same_png (expected, marked);

  g_unlink (expected);
  g_unlink (marked);
  g_unlink (unmarked);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The main menu lists the files opened last by name, as they are
 * named: an underscore in a name is shown, not taken for a mnemonic.
 * Files of the same name say which folder they are in. One that is gone
 * when chosen says so, and is no longer listed. */
static void
test_recent_files_menu (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.entente.Entente");
  g_autofree char *at_home = g_build_filename (g_get_home_dir (), "talks", "notes.json", NULL);
  const char *recent[] = {
    "/data/talks/china_russia_1950s.json",
    "/data/talks/Sino-Soviet.json",
    at_home,
    "/data/notes.json",
    NULL,
  };
  EntenteWindow *window;
  GtkMenuButton *button;
  GtkPopover *popover;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_settings_set_strv (settings, "recent-files", recent);
  window = new_window ();
  button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  collect_label_texts (GTK_WIDGET (popover), texts);
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("menu: %s", (const char *) texts->pdata[i]);

  g_assert_true (has_text (texts, "Open Recent"));
  g_assert_true (has_text (texts, "china_russia_1950s.json"));
  g_assert_true (has_text (texts, "Sino-Soviet.json"));
  g_assert_true (has_text (texts, "notes.json — ~/talks"));
  g_assert_true (has_text (texts, "notes.json — /data"));
  g_assert_false (has_text (texts, "No Recent Datasets"));

  gtk_menu_button_popdown (button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", recent[1]));
  spin_until (error_shown, NULL, 10000);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                   ==, "“Sino-Soviet.json” Could Not Be Opened");
  gtk_window_destroy (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_auto(GStrv) now = g_settings_get_strv (settings, "recent-files");
    const char *expected[] = { recent[0], recent[2], recent[3], NULL };

    g_assert_cmpstrv (now, expected);
  }
  g_ptr_array_set_size (texts, 0);
  collect_label_texts (GTK_WIDGET (popover), texts);
  g_assert_true (has_text (texts, "china_russia_1950s.json"));
  g_assert_false (has_text (texts, "Sino-Soviet.json"));

  /* None: said, dimmed, rather than an empty page. */
  g_settings_reset (settings, "recent-files");
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    collect_widgets (GTK_WIDGET (popover), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_equal (gtk_label_get_text (labels->pdata[i]), "No Recent Datasets"))
        {
          found = TRUE;
          g_assert_false (gtk_widget_is_sensitive (labels->pdata[i]));
        }
    g_assert_true (found);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_folder (gpointer data)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (data);

  return current != NULL;
}

static gboolean
has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* The file chooser win.open shows, after checking the folder it starts
 * in (NULL: wherever GTK starts). */
static GtkFileChooser *
check_open_starts_in (EntenteWindow *window,
                      const char    *folder)
{
  GtkWindow *dialog;
  g_autoptr(GFile) current = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_nonnull (dialog);
  /* The chooser takes its folder once it has read it. */
  if (folder != NULL)
    spin_until (has_folder, dialog, 5000);
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
  g_test_message ("starts in %s", current != NULL ? g_file_peek_path (current) : "(default)");
  if (folder != NULL)
    {
      g_assert_nonnull (current);
      g_assert_cmpstr (g_file_peek_path (current), ==, folder);
    }
  else if (current != NULL)
    g_assert_true (g_file_query_exists (current, NULL));
  return GTK_FILE_CHOOSER (dialog);
}

static void
respond (GtkFileChooser *chooser,
         int             response)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), response);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Open starts beside the dataset shown, or else beside the one opened
 * last, and opens the file chosen. */
static void
test_open_starts_beside (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.entente.Entente");
  const char *json = "{ \"format\": \"entente/1\", \"title\": \"Chosen\","
                     "  \"events\": [ { \"id\": \"a\", \"date\": \"1950\", \"title\": \"A\" } ] }";
  g_autoptr(GFile) earlier = write_file ("earlier.json", json);
  g_autoptr(GFile) chosen = write_file ("chosen.json", json);
  g_autoptr(GFile) earlier_folder = g_file_get_parent (earlier);
  g_autoptr(GFile) chosen_folder = g_file_get_parent (chosen);
  g_autofree char *gone = g_build_filename (g_get_tmp_dir (), "entente-gone-XXXXXX", "gone.json", NULL);
  EntenteWindow *window;
  GtkFileChooser *chooser;
  TitleWait wait;

  /* The bundled dataset, after a file opened in an earlier run. */
  g_settings_set_string (settings, "last-file", g_file_peek_path (earlier));
  window = new_window ();
  g_assert_null (entente_window_get_file (window));
  chooser = check_open_starts_in (window, g_file_peek_path (earlier_folder));

  /* Choosing a file opens it. */
  g_assert_true (gtk_file_chooser_set_file (chooser, chosen, NULL));
  spin_until (has_file, chooser, 5000);
  respond (chooser, GTK_RESPONSE_ACCEPT);
  wait = (TitleWait) { window, "Chosen" };
  spin_until (title_is, &wait, 10000);
  g_assert_true (g_file_equal (entente_window_get_file (window), chosen));

  /* Beside the file shown, whatever was opened last. */
  g_settings_set_string (settings, "last-file", g_file_peek_path (earlier));
  chooser = check_open_starts_in (window, g_file_peek_path (chosen_folder));
  respond (chooser, GTK_RESPONSE_CANCEL);
  g_assert_true (g_file_equal (entente_window_get_file (window), chosen));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Not in a folder that is gone. */
  g_settings_set_string (settings, "last-file", gone);
  window = new_window ();
  chooser = check_open_starts_in (window, NULL);
  respond (chooser, GTK_RESPONSE_CANCEL);

  g_settings_reset (settings, "last-file");
  g_settings_reset (settings, "recent-files");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (earlier);
  remove_file (chosen);
}


static gboolean
chooser_shown (gpointer data)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The file chooser an export dialog opens, once it is there. */
static GtkFileChooser *
export_chooser (void)
{
  GtkWindow *chooser;

  spin_until (chooser_shown, NULL, 5000);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return GTK_FILE_CHOOSER (chooser);
}

/* Cancels a chooser given the time to read its folder, as a person
 * takes: closed while still reading, GTK's chooser says so in a dialog
 * of its own. */
static void
cancel_chooser (GtkFileChooser *chooser)
{
  spin_until (has_folder, chooser, 5000);
  run_frames (300);
  respond (chooser, GTK_RESPONSE_CANCEL);
}

/* Save a Copy writes the file of the dataset shown, or the bundled
 * dataset, where the reader chooses, under its own name unless changed;
 * a place it cannot write says so. */
static void
test_save_copy (void)
{
  const char *json = "{ \"format\": \"entente/1\", \"title\": \"Mine\","
                     "  \"events\": [ { \"id\": \"a\", \"date\": \"1950\", \"title\": \"A\" } ] }";
  g_autoptr(GFile) mine = write_file ("mine.json", json);
  g_autoptr(GFile) folder = g_file_get_parent (mine);
  g_autoptr(GFile) copy = g_file_get_child (folder, "template.json");
  g_autoptr(GFile) second = g_file_get_child (folder, "second.json");
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-entente-folder/copy.json");
  g_autoptr(GBytes) bundled = entente_dataset_get_bundled_bytes (NULL);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  EntenteWindow *window = new_window ();
  TitleWait wait = { window, "Mine" };
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  /* The bundled dataset, as a template. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy", NULL));
  chooser = export_chooser ();
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "china-russia.json");
  cancel_chooser (chooser);
  /* What the chooser's Save does with the place chosen. */
  entente_window_save_copy_to (window, copy);
  spin_until (toast_shown, (gpointer) "Saved “template.json”", 5000);
  written = g_file_load_bytes (copy, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, bundled));

  /* The file shown. */
  entente_window_open_file (window, mine);
  spin_until (title_is, &wait, 10000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy", NULL));
  chooser = export_chooser ();
  g_clear_pointer (&name, g_free);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "mine.json");
  cancel_chooser (chooser);
  /* Its toast waits for the one before to go: the file says enough. */
  entente_window_save_copy_to (window, second);
  g_clear_pointer (&written, g_bytes_unref);
  written = g_file_load_bytes (second, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), json, strlen (json));

  /* Nowhere to write it. */
  entente_window_save_copy_to (window, nowhere);
  spin_until (error_shown, NULL, 5000);
  {
    AdwMessageDialog *failure = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (failure), ==, "Saving Failed");
    gtk_window_destroy (GTK_WINDOW (failure));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (g_file_delete (copy, NULL, NULL));
  g_assert_true (g_file_delete (second, NULL, NULL));
  remove_file (mine);
}

/* Enter in the export dialog's width takes the width typed and asks
 * where to export, with a name made from the dataset's title;
 * cancelling that leaves the dialog. */
static void
test_export_dialog_enter (void)
{
  EntenteWindow *window = new_window ();
  GtkWindow *dialog;
  GtkWidget *spin;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  dialog = open_export_dialog (window);
  spin = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  /* Typed into, as a user does before pressing Enter. */
  spin_until (widget_mapped, dialog, 5000);
  g_assert_true (gtk_widget_grab_focus (spin));
  gtk_editable_set_text (GTK_EDITABLE (spin), "1200");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");

  /* The button takes a moment to show itself pressed. */
  chooser = export_chooser ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 1200);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "China and Russia, 1689–2023.png");
  cancel_chooser (chooser);
  g_assert_true (find_toplevel (ENTENTE_TYPE_EXPORT_DIALOG) == dialog);
  g_assert_false (chooser_shown (NULL));
  g_assert_null (find_toplevel (GTK_TYPE_MESSAGE_DIALOG));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The export dialog offers the format, size and scale chosen last, and
 * its file chooser starts where the last chart went. */
static void
test_export_dialog_remembers (void)
{
  EntenteWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "figure.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  GtkWindow *dialog;
  AdwComboRow *format;
  GtkFileChooser *chooser;
  g_autoptr(GFile) folder = NULL;

  dialog = open_export_dialog (window);
  format = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (format), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[0]), ==, 1600);
  /* Text of the usual size: nothing to offer about it. */
  {
    g_autoptr(GPtrArray) switches = g_ptr_array_new ();

    collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, switches);
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (switches->pdata[1], ADW_TYPE_ACTION_ROW)));
  }

  adw_combo_row_set_selected (format, 2);
  gtk_spin_button_set_value (spins->pdata[0], 1200);
  gtk_spin_button_set_value (spins->pdata[1], 700);
  export_and_wait (ENTENTE_EXPORT_DIALOG (dialog), pdf_file);

  /* Next time. */
  g_ptr_array_set_size (spins, 0);
  dialog = open_export_dialog (window);
  format = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (adw_combo_row_get_selected (format), ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[0]), ==, 1200);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[1]), ==, 700);

  /* Export… */
  g_signal_emit_by_name (gtk_window_get_default_widget (dialog), "clicked");
  chooser = export_chooser ();
  spin_until (has_folder, chooser, 5000);
  folder = gtk_file_chooser_get_current_folder (chooser);
  g_assert_cmpstr (g_file_peek_path (folder), ==, dir);
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (chooser), ".pdf"));
  cancel_chooser (chooser);

  gtk_window_destroy (dialog);
  g_unlink (pdf);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The export dialog can take a range of dates, typed as on the command
 * line; what is not a range is marked, and not exported. */
static void
test_export_dialog_dates (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
  g_autofree char *expected = g_build_filename (dir, "expected.png", NULL);
  g_autofree char *written = g_build_filename (dir, "written.png", NULL);
  g_autofree char *refused = g_build_filename (dir, "refused.png", NULL);
  g_autoptr(GFile) written_file = g_file_new_for_path (written);
  g_autoptr(GFile) refused_file = g_file_new_for_path (refused);
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  EntenteExportOptions options;
  GtkWindow *dialog;
  AdwComboRow *range;
  AdwEntryRow *from, *to;
  EntenteDate date;

  entente_timeline_view_set_range (view, 700000, 730000, FALSE);
  dialog = open_export_dialog (window);
  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  range = combos->pdata[1];
  from = entries->pdata[0];
  to = entries->pdata[1];
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (from)));

  /* They start as the view's first and last days. */
  adw_combo_row_set_selected (range, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (from)));
  g_assert_true (entente_date_parse (gtk_editable_get_text (GTK_EDITABLE (from)), &date, NULL));
  g_assert_cmpint (entente_date_start_day (&date), ==, 700000);
  g_assert_true (entente_date_parse (gtk_editable_get_text (GTK_EDITABLE (to)), &date, NULL));
  g_assert_cmpint (entente_date_end_day (&date), ==, 730000);

  /* Not a range: marked, and Export not offered. */
  gtk_editable_set_text (GTK_EDITABLE (from), "1945");
  gtk_editable_set_text (GTK_EDITABLE (to), "1940");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (from), "19x5");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  entente_export_dialog_export_to (ENTENTE_EXPORT_DIALOG (dialog), refused_file);
  run_frames (100);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  g_assert_true (find_toplevel (ENTENTE_TYPE_EXPORT_DIALOG) == dialog);

  /* 1945 to the end of 1991, as --from 1945 --to 1991 draws it. */
  gtk_editable_set_text (GTK_EDITABLE (from), "1945");
  gtk_editable_set_text (GTK_EDITABLE (to), "1991");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_true (gtk_widget_get_sensitive (gtk_window_get_default_widget (dialog)));
  entente_export_options_init (&options);
  entente_timeline_view_get_export_options (view, &options);
  options.width = 1600;
  options.height = 900;
  options.from_day = entente_days_from_civil (1945, 1, 1);
  options.to_day = entente_days_from_civil (1992, 1, 1);
  g_assert_true (entente_export_to_file (entente_window_get_dataset (window), &options, expected, &error));
  g_assert_no_error (error);
  export_and_wait (ENTENTE_EXPORT_DIALOG (dialog), written_file);
  assert_same_png (expected, written);

  g_unlink (expected);
  g_unlink (written);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static EntenteWindow *
new_window_as_saved (void)
{
  EntenteWindow *window = entente_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  spin_until (view_allocated, window, 5000);
  return window;
}

/* The window opens as it was closed: its size, and the sources panel
 * shown or hidden. */
static void
test_window_state_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.entente.Entente");
  EntenteWindow *window;
  int width, height;

  window = new_window_as_saved ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1150, 700);
  spin_until (view_allocated, window, 5000);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entente_window_get_panel (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (entente_window_get_panel (window))));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1150);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "panel-visible"));

  window = new_window_as_saved ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1150);
  g_assert_cmpint (height, ==, 700);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (entente_window_get_panel (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entente_window_get_panel (window))));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_settings_get_boolean (settings, "panel-visible"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "panel-visible");
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* Where the centre of the view is in the overview strip. */
static double
view_center_x (EntenteWindow *window,
               int            width)
{
  double from, to, whole_from, whole_to;

  entente_timeline_view_get_range (entente_window_get_view (window), &from, &to);
  entente_layout_default_range (entente_window_get_dataset (window), &whole_from, &whole_to);
  return ((from + to) / 2 - whole_from) / (whole_to - whole_from) * width;
}

/* The strip under the chart: a click beside the view's box moves the
 * view there, a click on it leaves it, and the box dragged follows the
 * pointer from where it was grabbed, without first jumping to it. */
static void
test_overview_strip (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  GtkWidget *strip = find_widget (GTK_WIDGET (window), ENTENTE_TYPE_OVERVIEW);
  GtkEventController *click, *drag;
  double whole_from, whole_to, center, from, to;
  int width;

  g_assert_nonnull (strip);
  width = gtk_widget_get_width (strip);
  g_assert_cmpint (width, >, 200);
  click = find_controller (strip, GTK_TYPE_GESTURE_CLICK);
  drag = find_controller (strip, GTK_TYPE_GESTURE_DRAG);
  g_assert_nonnull (click);
  g_assert_nonnull (drag);

  /* Thirty years in the middle of the whole range. */
  entente_layout_default_range (entente_window_get_dataset (window), &whole_from, &whole_to);
  center = (whole_from + whole_to) / 2;
  entente_timeline_view_set_range (view, center - 15 * 365.25, center + 15 * 365.25, FALSE);
  center = view_center_x (window, width);

  /* On the box, a little right of its centre: nothing moves. */
  g_signal_emit_by_name (click, "pressed", 1, center + 3, 10.0);
  g_assert_cmpfloat_with_epsilon (view_center_x (window, width), center, 0.01);

  /* Grabbed there and dragged 40 px: the view follows by 40 px. */
  g_signal_emit_by_name (drag, "drag-begin", center + 3, 10.0);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 0.0);
  g_assert_cmpfloat_with_epsilon (view_center_x (window, width), center + 40, 0.01);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 0.0);

  /* Beside the box, a quarter of the way along: the view is centred
   * there, at the same zoom. */
  entente_timeline_view_get_range (view, &from, &to);
  g_signal_emit_by_name (click, "pressed", 1, width / 4.0, 10.0);
  g_assert_cmpfloat_with_epsilon (view_center_x (window, width), width / 4.0, 0.01);
  {
    double now_from, now_to;

    entente_timeline_view_get_range (view, &now_from, &now_to);
    g_assert_cmpfloat_with_epsilon (now_to - now_from, to - from, 0.01);
  }

  /* Dragged from beside the box: centred under the pointer, then
   * following it. */
  g_signal_emit_by_name (drag, "drag-begin", width * 0.75, 10.0);
  g_signal_emit_by_name (drag, "drag-update", -20.0, 0.0);
  g_assert_cmpfloat_with_epsilon (view_center_x (window, width), width * 0.75 - 20, 0.01);
  g_signal_emit_by_name (drag, "drag-end", -20.0, 0.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chart is drawn in the system's style, dark or light, with high
 * contrast or without, and exports of it and the export dialog start
 * from the same. (The suite runs this with and without high contrast.) */
static void
test_follows_system_style (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const EntenteStyle *style = entente_timeline_view_get_style (view);
  EntenteExportOptions options;
  GtkWindow *dialog;
  GtkWidget *high_contrast;

  g_test_message ("dark %d, high contrast %d",
                  adw_style_manager_get_dark (manager), adw_style_manager_get_high_contrast (manager));
  g_assert_cmpint (style->dark, ==, adw_style_manager_get_dark (manager));
  g_assert_cmpint (style->high_contrast, ==, adw_style_manager_get_high_contrast (manager));

  entente_export_options_init (&options);
  entente_timeline_view_get_export_options (view, &options);
  g_assert_cmpint (options.dark, ==, style->dark);
  g_assert_cmpint (options.high_contrast, ==, style->high_contrast);

  dialog = open_export_dialog (window);
  high_contrast = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH);
  g_assert_nonnull (high_contrast);
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (high_contrast)), ==, style->high_contrast);

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}



/* With the system's large text, the chart's text is as much larger, it
 * is laid out again, and an export of the view still matches it. */
static void
test_follows_large_text (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  g_autoptr(EntenteStyle) usual = entente_style_new (FALSE);
  EntenteLayout *before;
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  entente_timeline_view_set_range (view, 700000, 730000, FALSE);
  before = g_object_ref (entente_timeline_view_get_layout (view));
  g_assert_cmpfloat (entente_timeline_view_get_style (view)->font_size[ENTENTE_FONT_LABEL], ==,
                     usual->font_size[ENTENTE_FONT_LABEL] * (dpi > 0 ? dpi / (96.0 * 1024) : 1));

  /* GNOME's Large Text: a quarter larger. */
  g_object_set (settings, "gtk-xft-dpi", 120 * 1024, NULL);
  for (guint i = 0; i < ENTENTE_N_FONTS; i++)
    g_assert_cmpfloat_with_epsilon (entente_timeline_view_get_style (view)->font_size[i],
                                    usual->font_size[i] * 1.25, 1e-9);
  g_assert_true (entente_timeline_view_get_layout (view) != before);
  check_pixels_equal_export (window);

  /* So too from the export dialog, at its own size. */
  {
    g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
    g_autofree char *expected = g_build_filename (dir, "expected.png", NULL);
    g_autofree char *written = g_build_filename (dir, "written.png", NULL);
    g_autoptr(GFile) written_file = g_file_new_for_path (written);
    g_autoptr(GError) error = NULL;
    EntenteExportOptions options;

    entente_export_options_init (&options);
    entente_timeline_view_get_export_options (view, &options);
    g_assert_cmpfloat (options.text_scale, ==, 1.25);
    g_assert_true (entente_export_to_file (entente_window_get_dataset (window), &options, expected, &error));
    g_assert_no_error (error);
    export_and_wait (ENTENTE_EXPORT_DIALOG (open_export_dialog (window)), written_file);
    assert_same_png (expected, written);
    g_unlink (expected);
    g_unlink (written);

    /* Or in the usual size, for a figure: the dialog's Large Text,
     * shown only now, on until switched off. */
    {
      GtkWindow *dialog;
      GtkSwitch *large;

      options.text_scale = 1;
      g_assert_true (entente_export_to_file (entente_window_get_dataset (window), &options, expected, &error));
      dialog = open_export_dialog (window);
      large = row_switch (dialog, "_Large Text");
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (large), ADW_TYPE_ACTION_ROW)));
      g_assert_true (gtk_switch_get_active (large));
      gtk_switch_set_active (large, FALSE);
      export_and_wait (ENTENTE_EXPORT_DIALOG (dialog), written_file);
      assert_same_png (expected, written);
      g_unlink (expected);
      g_unlink (written);
    }
    g_rmdir (dir);
  }

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  g_assert_cmpfloat (entente_timeline_view_get_style (view)->font_size[ENTENTE_FONT_LABEL], ==,
                     usual->font_size[ENTENTE_FONT_LABEL] * (dpi > 0 ? dpi / (96.0 * 1024) : 1));
  g_object_unref (before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK's print dialog, known by name: its header is not in GTK's own. */
static GtkWindow *
find_print_dialog (void)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 ? find_toplevel (type) : NULL;
}

static gboolean
no_print_dialog (gpointer data)
{
  return find_print_dialog () == NULL;
}

/* The action the window's key binding for trigger (as
 * gtk_shortcut_trigger_to_string () writes it) names, or NULL. */
static const char *
bound_action (GtkWidget  *widget,
              const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* Ctrl+plus and Ctrl+minus zoom the chart about its middle wherever the
 * focus is, as in other GNOME applications; the chart's own plus and
 * minus need it focused. */
static void
test_zoom_from_anywhere (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  double from, to, in_from, in_to, out_from, out_to;

  g_assert_cmpstr (bound_action (GTK_WIDGET (window), "<Control>plus"), ==, "win.zoom-in");
  g_assert_cmpstr (bound_action (GTK_WIDGET (window), "<Control>equal"), ==, "win.zoom-in");
  g_assert_cmpstr (bound_action (GTK_WIDGET (window), "<Control>minus"), ==, "win.zoom-out");

  entente_timeline_view_set_range (view, 700000, 720000, FALSE);
  entente_window_search (window, "");
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  entente_timeline_view_get_range (view, &in_from, &in_to);
  g_assert_cmpfloat (in_to - in_from, <, (to - from) * 0.9);
  g_assert_cmpfloat_with_epsilon ((in_from + in_to) / 2, (from + to) / 2, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  entente_timeline_view_get_range (view, &out_from, &out_to);
  g_assert_cmpfloat_with_epsilon (out_to - out_from, to - from, 1);

  entente_window_search (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a program writes on its standard output, or NULL. */
static char *
program_output (const char * const *argv)
{
  g_autofree char *out = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* The chart printed: one landscape page of the view as shown, kept as it
 * was when printing was asked for, whatever the window does while the
 * print dialog is open. Ctrl+P asks. */
static void
test_print (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  g_autofree char *dir = g_dir_make_tmp ("entente-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  EntenteExportOptions shown;
  GtkWindow *dialog;
  guint category;
  double width, height;

  g_assert_cmpstr (bound_action (GTK_WIDGET (window), "<Control>p"), ==, "win.print");

  /* The decades of the Sino-Soviet split, one category hidden. */
  entente_timeline_view_set_range (view, 711000, 730000, FALSE);
  category = hide_and_search (window, "Soviet");
  entente_export_options_init (&shown);
  entente_timeline_view_get_export_options (view, &shown);
  operation = entente_print_operation_new (dataset, &shown, entente_timeline_view_get_matches (view));

  /* The window moves on. */
  entente_timeline_view_set_category_hidden (view, category, FALSE);
  search_and_wait (window, "Mao");
  entente_timeline_view_set_range (view, 600000, 620000, FALSE);

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  info = program_output (info_argv);
  g_assert_nonnull (info);
  g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
  {
    g_autoptr(GMatchInfo) match = NULL;
    g_autoptr(GRegex) size = g_regex_new ("^Page size: +([0-9.]+) x ([0-9.]+) pts", G_REGEX_MULTILINE, 0, NULL);

    g_assert_true (g_regex_match (size, info, 0, &match));
    width = g_ascii_strtod (g_match_info_fetch (match, 1), NULL);
    height = g_ascii_strtod (g_match_info_fetch (match, 2), NULL);
    g_test_message ("page %g × %g pt", width, height);
    g_assert_cmpfloat (width, >, height);
  }

  /* Its words: the title, and the events of the range and categories
   * shown when printing was asked for. */
  text = program_output (text_argv);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, entente_dataset_get_title (dataset)));
  {
    guint shown_titles = 0, n = entente_dataset_get_n_events (dataset);
    g_autoptr(GHashTable) starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    /* Labels may be cut short: their first words, where no other
     * event's begin alike. */
    for (guint i = 0; i < n; i++)
      {
        char *start = g_strndup (entente_dataset_get_event (dataset, i)->title, 12);

        g_hash_table_insert (starts, start, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (starts, start)) + 1));
      }
    for (guint i = 0; i < n; i++)
      {
        const EntenteEvent *event = entente_dataset_get_event (dataset, i);
        g_autofree char *start = g_strndup (event->title, 12);

        if (event->start_day < 711000 || event->start_day >= 730000 ||
            GPOINTER_TO_UINT (g_hash_table_lookup (starts, start)) != 1 || strstr (text, start) == NULL)
          continue;
        /* None of the category hidden then. */
        g_assert_cmpint (event->category, !=, (int) category);
        shown_titles++;
      }
    g_assert_cmpuint (shown_titles, >=, 5);
  }

  /* On white: the canvas round the plot, #fafafa on screen, is left
   * white, and the page has none of its grey. */
  {
    g_autofree char *prefix = g_build_filename (dir, "page", NULL);
    g_autofree char *png = g_strconcat (prefix, ".png", NULL);
    const char *render_argv[] = { "pdftoppm", "-r", "72", "-png", "-singlefile", pdf, prefix, NULL };
    g_autofree char *rendered = program_output (render_argv);
    cairo_surface_t *page = cairo_image_surface_create_from_png (png);
    guint grey = 0, white = 0;

    g_assert_nonnull (rendered);
    g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
    for (int y = 0; y < cairo_image_surface_get_height (page); y++)
      {
        const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (page) +
                                                y * cairo_image_surface_get_stride (page));

        for (int x = 0; x < cairo_image_surface_get_width (page); x++)
          {
            grey += (row[x] & 0xffffff) == 0xfafafa;
            white += (row[x] & 0xffffff) == 0xffffff;
          }
      }
    g_test_message ("page: %u white pixels, %u of the canvas's grey", white, grey);
    g_assert_cmpuint (grey, <, 1000);
    cairo_surface_destroy (page);
    g_unlink (png);
  }

  /* From the window: the print dialog, which cancelling closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  spin_until (no_print_dialog, NULL, 5000);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_unlink (pdf);
  g_rmdir (dir);
  entente_window_search (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A dataset dropped on the window opens; while it is dragged over, the
 * window says it may be dropped there. */
static void
test_drop_opens (void)
{
  g_autoptr(GFile) file = write_file ("dropped.json", "{ \"format\": \"entente/1\", \"title\": \"Dropped\","
                                                      " \"events\": [ { \"id\": \"e\", \"date\": \"1950\", \"title\": \"E\" } ] }");
  EntenteWindow *window = new_window ();
  GtkEventController *drop = find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  GtkWidget *overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  TitleWait wait = { window, "Dropped" };
  g_auto(GValue) value = G_VALUE_INIT;
  GdkDragAction action = 0;
  gboolean accepted = FALSE;

  g_assert_nonnull (drop);
  g_assert_nonnull (overlay);
  g_signal_emit_by_name (drop, "enter", 100.0, 100.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_has_css_class (overlay, "dropping"));
  g_signal_emit_by_name (drop, "leave");
  g_assert_false (gtk_widget_has_css_class (overlay, "dropping"));

  g_signal_emit_by_name (drop, "enter", 100.0, 100.0, &action);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (drop, "drop", &value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);
  g_assert_false (gtk_widget_has_css_class (overlay, "dropping"));
  spin_until (title_is, &wait, 10000);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* The export dialog's switches and size fields are named for screen
 * readers by the rows they sit in. */
static void
test_export_dialog_accessible (void)
{
  EntenteWindow *window = new_window ();
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  GtkWindow *dialog;

  dialog = open_export_dialog (window);
  collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, controls);
  collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, controls);
  /* High contrast, the selection, large text; width and height. */
  g_assert_cmpuint (controls->len, ==, 5);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (controls->pdata[i], ADW_TYPE_ACTION_ROW);

      g_assert_nonnull (row);
      g_test_message ("%s in \"%s\"", G_OBJECT_TYPE_NAME (controls->pdata[i]),
                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (controls->pdata[i]),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL);
    }
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The search entry is described by its count of matches, so that a
 * screen reader reading the entry reads how many there are. */
static void
test_search_count_described (void)
{
  EntenteWindow *window = new_window ();
  GtkWidget *entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *count = gtk_widget_get_next_sibling (entry);

  g_assert_true (GTK_IS_LABEL (count));
  search_and_wait (window, "Soviet");
  g_test_message ("count: %s", gtk_label_get_text (GTK_LABEL (count)));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (count)), "matches"));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, count, NULL);
  entente_window_search (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The byte ranges a label marks with a background, as "start-end". */
static char *
marked_ranges (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  GString *out = g_string_new (NULL);
  GSList *list;

  if (attrs == NULL)
    return g_string_free (out, FALSE);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_BACKGROUND)
        g_string_append_printf (out, "%s%u-%u", out->len ? " " : "", attr->start_index, attr->end_index);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return g_string_free (out, FALSE);
}

/* While a search is active, the panel marks where its text is in the
 * event's title, summary and quotations; ended, the marks go. */
static void
test_panel_marks_search (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  int event = -1;
  guint marked = 0;

  for (guint i = 0; i < entente_dataset_get_n_events (dataset) && event < 0; i++)
    if (g_str_equal (entente_dataset_get_event (dataset, i)->title, "Death of Stalin"))
      event = (int) i;
  g_assert_cmpint (event, >=, 0);

  search_and_wait (window, "stalin");
  entente_timeline_view_select_event (view, event);
  collect_widgets (GTK_WIDGET (entente_window_get_panel (window)), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);
      g_autofree char *ranges = marked_ranges (labels->pdata[i]);

      if (g_str_equal (text, "Death of Stalin"))
        g_assert_cmpstr (ranges, ==, "9-15");
      if (*ranges != '\0')
        {
          g_test_message ("marked %s in \"%s\"", ranges, text);
          marked++;
        }
    }
  /* The title, the summary and both quotations. */
  g_assert_cmpuint (marked, >=, 4);

  /* In the other style, in its own colour at once. */
  {
    AdwStyleManager *manager = adw_style_manager_get_default ();
    GtkLabel *title = NULL;
    guint16 blue[2];

    for (guint i = 0; i < labels->len && title == NULL; i++)
      if (g_str_equal (gtk_label_get_text (labels->pdata[i]), "Death of Stalin"))
        title = labels->pdata[i];
    for (guint k = 0; k < 2; k++)
      {
        GSList *attrs;

        if (k == 1)
          adw_style_manager_set_color_scheme (manager, adw_style_manager_get_dark (manager) ?
                                              ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
        attrs = pango_attr_list_get_attributes (gtk_label_get_attributes (title));
        for (GSList *l = attrs; l != NULL; l = l->next)
          if (((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_BACKGROUND)
            blue[k] = ((PangoAttrColor *) l->data)->color.blue;
        g_slist_free_full (attrs, (GDestroyNotify) pango_attribute_destroy);
      }
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
    g_assert_cmpuint (blue[0], !=, blue[1]);
  }

  /* Ended: nothing marked. */
  entente_window_search (window, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *ranges = marked_ranges (labels->pdata[i]);

      g_assert_cmpstr (ranges, ==, "");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_event_list_in_sync (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteEventList *list = entente_window_get_event_list (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  guint n = entente_dataset_get_n_events (dataset);
  guint shown = 0;
  int hidden = -1, previous = -1;

  /* Every event, in date order. */
  g_assert_cmpuint (entente_event_list_get_n_rows (list), ==, n);
  g_assert_cmpint (entente_event_list_get_selected_event (list), ==, -1);

  /* The chart's selection shows in the list… */
  entente_timeline_view_select_event (view, 5);
  g_assert_cmpint (entente_event_list_get_selected_event (list), ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL);
  g_assert_cmpint (entente_event_list_get_selected_event (list), ==, 6);

  /* …and the list's in the chart and the panel. */
  entente_event_list_select_row (list, 10);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 10);
  g_assert_cmpstr (entente_source_panel_get_title (entente_window_get_panel (window)), ==,
                   entente_dataset_get_event (dataset, 10)->title);

  /* A search narrows the list to what the chart highlights. */
  search_and_wait (window, "Gorbachev");
  g_assert_cmpuint (entente_event_list_get_n_rows (list), >, 1);
  g_assert_cmpuint (entente_event_list_get_n_rows (list), <, n);
  entente_event_list_select_row (list, 0);
  g_assert_true (entente_timeline_view_is_shown (view, entente_timeline_view_get_selected_event (view)));

  /* Row by row, the list holds exactly the events the chart shows, in
   * order, and each of them finds its own row again from the chart. */
  for (guint i = 0; i < n; i++)
    {
      if (entente_timeline_view_is_shown (view, i))
        shown++;
      else if (hidden < 0)
        hidden = (int) i;
    }
  g_assert_cmpuint (entente_event_list_get_n_rows (list), ==, shown);
  for (guint row = 0; row < shown; row++)
    {
      int event;

      entente_event_list_select_row (list, row);
      event = entente_event_list_get_selected_event (list);
      g_assert_cmpint (event, >, previous);
      g_assert_true (entente_timeline_view_is_shown (view, event));
      entente_timeline_view_select_event (view, -1);
      g_assert_cmpint (entente_event_list_get_selected_event (list), ==, -1);
      entente_timeline_view_select_event (view, event);
      g_assert_cmpint (entente_event_list_get_selected_event (list), ==, event);
      previous = event;
    }
  /* An event the list leaves out selects no row. */
  g_assert_cmpint (hidden, >=, 0);
  entente_timeline_view_select_event (view, hidden);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, hidden);
  g_assert_cmpint (entente_event_list_get_selected_event (list), ==, -1);

  search_and_wait (window, NULL);
  g_assert_cmpuint (entente_event_list_get_n_rows (list), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible_selection (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  const EntenteEvent *event = entente_dataset_get_event (dataset, 3);
  g_autofree char *date = entente_date_format (&event->date);
  g_autofree char *expected = NULL;
  GString *s = g_string_new (NULL);

  g_string_printf (s, "Selected event: %s, %s", event->title, date);
  if (event->category >= 0)
    g_string_append_printf (s, ", %s", entente_dataset_get_category (dataset, event->category)->label);
  if (event->actor >= 0)
    g_string_append_printf (s, ", %s", entente_dataset_get_party (dataset, event->actor));
  else if (event->actor == ENTENTE_ACTOR_JOINT)
    g_string_append (s, ", Joint");
  expected = g_string_free (s, FALSE);

  entente_timeline_view_select_event (view, 3);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  entente_timeline_view_select_event (view, -1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Nothing selected. Use the arrow keys to step through the events, "
                                       "Control and the arrow keys through the periods, "
                                       "and Page Up and Page Down to move in time.");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Text from a dataset shows as typed in the panel, the tooltip, the
 * events list and the header bar, with the file's name: markup in it is
 * not interpreted. */
static void
test_untrusted_text (void)
{
  const char *title = "<b>Bold</b> &amp; <span foreground=\"red\">red</span>";
  const char *json =
    "{ \"format\": \"entente/1\", \"title\": \"T & <i>x</i>\","
    "  \"sources\": [ { \"id\": \"s\", \"title\": \"<i>Source</i>\", \"url\": \"javascript:alert(1)\" } ],"
    "  \"events\": [ { \"id\": \"e\", \"date\": \"1920\","
    "    \"title\": \"<b>Bold</b> &amp; <span foreground=\\\"red\\\">red</span>\","
    "    \"summary\": \"<tt>x</tt>\","
    "    \"excerpts\": [ { \"source\": \"s\", \"quote\": \"<a href='x'>q</a>\", \"locator\": \"&lt;1&gt;\" } ] } ] }";
  g_autoptr(GFile) file = write_file ("markup & <b>.json", json);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tooltip = NULL;
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteSourcePanel *panel = entente_window_get_panel (window);
  TitleWait wait = { window, "T & <i>x</i>" };
  EntenteRect rect;

  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 10000);
  collect_label_texts (GTK_WIDGET (window), texts);
  g_assert_true (has_text (texts, "T & <i>x</i>"));
  g_assert_true (has_text (texts, "markup & <b>.json"));

  entente_timeline_view_select_event (view, 0);
  g_assert_cmpstr (entente_source_panel_get_title (panel), ==, title);
  g_assert_cmpstr (entente_source_panel_get_quote (panel, 0), ==, "<a href='x'>q</a>");
  g_assert_nonnull (strstr (entente_source_panel_get_citation (panel, 0), "“<i>Source</i>”"));
  g_assert_nonnull (strstr (entente_source_panel_get_citation (panel, 0), "&lt;1&gt;"));

  g_assert_true (entente_layout_get_event_rect (entente_timeline_view_get_layout (view), 0, &rect));
  tooltip = entente_timeline_view_get_tooltip_text_at (view, rect.x + rect.width / 2, rect.y + rect.height / 2);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, title));

  /* The list of all sources, whose source's address is no web page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sources", NULL);
  {
    GtkWindow *sources = find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW);
    g_autoptr(GPtrArray) source_texts = g_ptr_array_new_with_free_func (g_free);

    collect_label_texts (GTK_WIDGET (sources), source_texts);
    g_assert_true (has_text (source_texts, "T & <i>x</i>"));
    g_assert_true (has_text (source_texts, "“<i>Source</i>”"));
    g_assert_null (find_widget_matching (GTK_WIDGET (sources), is_button_with_tooltip, "javascript:alert(1)"));
    gtk_window_destroy (sources);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* A title of a paragraph wraps in its tooltip, set as typed, where GTK's
 * own tooltip shows it on one line as wide as the screen. */
static void
test_tooltip_wraps (void)
{
  const char *title = "A <b>very</b> long title that goes on about the negotiations between two delegations "
                      "concerning the border river, its islands, its fisheries and the tolls levied on boats";
  g_autofree char *json = g_strdup_printf ("{ \"format\": \"entente/1\", \"title\": \"Tips\","
                                           "  \"events\": [ { \"id\": \"e\", \"date\": \"1920-05-04\", \"title\": \"%s\" },"
                                           "                { \"id\": \"f\", \"date\": \"1921\", \"title\": \"Short\" } ] }",
                                           title);
  g_autoptr(GFile) file = write_file ("tips.json", json);
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autofree char *expected = g_strdup_printf ("%s\n4 May 1920", title);
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  TitleWait wait = { window, "Tips" };
  g_autoptr(PangoLayout) line = NULL;
  GtkLabel *label;
  EntenteRect rect;
  gboolean shown = FALSE;
  int natural, one_line;

  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 10000);

  /* Whatever the pointer of the display under test hovers, the label
   * is the one of this query. */
  g_assert_true (entente_layout_get_event_rect (entente_timeline_view_get_layout (view), 0, &rect));
  g_signal_emit_by_name (view, "query-tooltip", (int) (rect.x + rect.width / 2), (int) (rect.y + rect.height / 2),
                         FALSE, tooltip, &shown);
  g_assert_true (shown);
  label = entente_timeline_view_get_tooltip_label (view);
  g_assert_nonnull (label);
  /* In the tooltip, as plain text. */
  g_assert_nonnull (gtk_widget_get_parent (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
  g_assert_false (gtk_label_get_use_markup (label));

  /* Several lines, each well short of the title on one. */
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  line = gtk_widget_create_pango_layout (GTK_WIDGET (label), title);
  pango_layout_get_pixel_size (line, &one_line, NULL);
  g_assert_cmpint (natural, >, 0);
  g_assert_cmpint (natural, <, one_line / 2);

  /* The same label says what the next tooltip says. */
  g_assert_true (entente_layout_get_event_rect (entente_timeline_view_get_layout (view), 1, &rect));
  g_signal_emit_by_name (view, "query-tooltip", (int) (rect.x + rect.width / 2), (int) (rect.y + rect.height / 2),
                         FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_assert_true (entente_timeline_view_get_tooltip_label (view) == label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Short\n1921");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* What this process last put on the clipboard, as text. */
static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

/* The texts of the labels of css_class under widget, in order. */
static GPtrArray *
texts_of_class (GtkWidget  *widget,
                const char *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], css_class))
      g_ptr_array_add (texts, g_strdup (gtk_label_get_text (labels->pdata[i])));
  return texts;
}

static gboolean
label_shown (gpointer data)
{
  GtkWindow *sources = find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_label_texts (GTK_WIDGET (sources), texts);
  return has_text (texts, data);
}

/* The view's click gesture for button, there being one. */
static GtkGestureClick *
click_gesture (EntenteTimelineView *view,
               guint                button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  GtkGestureClick *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button)
        {
          g_assert_null (found);
          found = GTK_GESTURE_CLICK (controller);
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Adds an item's excerpts, from first on, to quotations, and the item
 * once to items, for each source they quote. */
static void
count_quotations (EntenteDataset *dataset,
                  guint           first,
                  guint           n_excerpts,
                  guint          *quotations,
                  guint          *items)
{
  g_autofree gboolean *seen = g_new0 (gboolean, entente_dataset_get_n_sources (dataset) + 1);

  for (guint k = 0; k < n_excerpts; k++)
    {
      guint source = entente_dataset_get_excerpt (dataset, first + k)->source;

      quotations[source]++;
      items[source] += !seen[source];
      seen[source] = TRUE;
    }
}

static guint
count_rows (GtkWindow *sources)
{
  g_autoptr(GPtrArray) citations = texts_of_class (GTK_WIDGET (sources), "citation");

  return citations->len;
}

/* Scrolls the list of sources to its end until it has a row for each of
 * the n sources, failing if two seconds of scrolling make none. */
static void
scroll_to_every_row (GtkWindow *sources,
                     guint      n)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_widget (GTK_WIDGET (sources), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  guint rows = count_rows (sources);

  while (rows < n)
    {
      guint before = rows;

      /* The list grows once its new rows are laid out, in a frame or
       * two. */
      for (guint tries = 0; tries < 100 && rows == before; tries++)
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          run_frames (20);
          rows = count_rows (sources);
        }
      g_assert_cmpuint (rows, >, before);
    }
  g_assert_cmpuint (rows, ==, n);
}

/* Opens the window's list of all sources and checks it against the
 * dataset: a row for each source in its order, with its citation and
 * the quotations, events and periods that use it, counted here from the
 * excerpts. */
static GtkWindow *
open_sources_and_check (EntenteWindow *window)
{
  EntenteDataset *dataset = entente_window_get_dataset (window);
  guint n_sources = entente_dataset_get_n_sources (dataset);
  g_autofree guint *quotations = g_new0 (guint, n_sources + 1);
  g_autofree guint *events = g_new0 (guint, n_sources + 1);
  g_autofree guint *periods = g_new0 (guint, n_sources + 1);
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) uses = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  GtkWindow *sources;

  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      count_quotations (dataset, event->first_excerpt, event->n_excerpts, quotations, events);
    }
  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);

      count_quotations (dataset, period->first_excerpt, period->n_excerpts, quotations, periods);
    }

  g_assert_null (find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sources", NULL));
  sources = find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW);
  g_assert_nonnull (sources);
  g_assert_true (gtk_window_get_transient_for (sources) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (sources));
  run_frames (20);

  collect_label_texts (GTK_WIDGET (sources), texts);
  g_assert_true (has_text (texts, entente_dataset_get_title (dataset)));
  summary = g_strdup_printf ("%u source%s, quoted %u time%s in all", n_sources, n_sources == 1 ? "" : "s",
                             entente_dataset_get_n_excerpts (dataset),
                             entente_dataset_get_n_excerpts (dataset) == 1 ? "" : "s");
  if (n_sources > 0)
    g_assert_true (has_text (texts, summary));
  /* Its page saying there are none is in the window all along. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (GTK_WIDGET (sources), GTK_TYPE_STACK))),
                   ==, n_sources > 0 ? "sources" : "empty");

  /* Rows are made as the list is scrolled towards its end. */
  scroll_to_every_row (sources, n_sources);
  citations = texts_of_class (GTK_WIDGET (sources), "citation");
  uses = texts_of_class (GTK_WIDGET (sources), "uses");
  g_assert_cmpuint (citations->len, ==, n_sources);
  g_assert_cmpuint (uses->len, ==, n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *citation = entente_format_citation (entente_dataset_get_source (dataset, i), NULL);
      g_autoptr(GString) use = g_string_new (NULL);

      g_assert_cmpstr (citations->pdata[i], ==, citation);
      if (quotations[i] == 0)
        g_string_append (use, "Not quoted");
      else
        g_string_append_printf (use, "%u quotation%s", quotations[i], quotations[i] == 1 ? "" : "s");
      if (events[i] > 0)
        g_string_append_printf (use, " · %u event%s", events[i], events[i] == 1 ? "" : "s");
      if (periods[i] > 0)
        g_string_append_printf (use, " · %u period%s", periods[i], periods[i] == 1 ? "" : "s");
      g_assert_cmpstr (uses->pdata[i], ==, use->str);
      /* Found on the chart when events quote it. */
      g_assert_cmpint (find_widget_matching (GTK_WIDGET (sources), is_find_button_for, GUINT_TO_POINTER (i)) != NULL,
                       ==, events[i] > 0);
    }
  return sources;
}

/* All Sources, from the main menu or the chart's footer, lists every
 * source of the dataset shown and, under each, the events quoting it; a
 * source's copy
 * button puts its citation on the clipboard, Copy All every citation, and
 * its web button opens its address; a dataset without sources says so. */
static void
test_all_sources (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "full.json", NULL);
  g_autofree char *empty_path = g_test_build_filename (G_TEST_DIST, "data", "valid", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  EntenteWindow *window = new_window ();
  GtkWindow *sources;
  GtkWidget *copy, *open;
  const EntenteSource *source;
  g_autofree char *citation = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;

  /* The bundled dataset: five sources, each quoted. */
  sources = open_sources_and_check (window);
  gtk_window_destroy (sources);

  /* Under a source, the events that quote it, in date order; picking
   * one shows it in the window, and closes the list. */
  {
    EntenteDataset *dataset = entente_window_get_dataset (window);
    GtkExpander *expander;
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    int last = -1;
    guint n_quoting = 0;
    gint32 picked;

    sources = open_sources_and_check (window);
    expander = GTK_EXPANDER (find_widget (GTK_WIDGET (sources), GTK_TYPE_EXPANDER));
    g_assert_nonnull (expander);
    gtk_expander_set_expanded (expander, TRUE);
    collect_widgets (GTK_WIDGET (expander), ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
      {
        const EntenteEvent *event = entente_dataset_get_event (dataset, i);
        gboolean quotes = FALSE;

        for (guint k = 0; k < event->n_excerpts; k++)
          quotes |= entente_dataset_get_excerpt (dataset, event->first_excerpt + k)->source == 0;
        n_quoting += quotes;
      }
    g_assert_cmpuint (rows->len, ==, n_quoting);
    for (guint i = 0; i < rows->len; i++)
      {
        GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (rows->pdata[i]));
        const EntenteEvent *event = entente_dataset_get_event (dataset, g_variant_get_int32 (target));
        gboolean quotes = FALSE;

        g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, event->title);
        for (guint k = 0; k < event->n_excerpts; k++)
          quotes |= entente_dataset_get_excerpt (dataset, event->first_excerpt + k)->source == 0;
        g_assert_true (quotes);
        g_assert_cmpint (g_variant_get_int32 (target), >, last);
        last = g_variant_get_int32 (target);
      }
    picked = g_variant_get_int32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (rows->pdata[1])));
    g_assert_true (gtk_widget_activate (rows->pdata[1]));
    run_frames (50);
    g_assert_null (find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW));
    g_assert_cmpint (entente_timeline_view_get_selected_event (entente_window_get_view (window)), ==, picked);
  }

  /* The chart's footer names them, and a click on it lists them. */
  {
    EntenteTimelineView *view = entente_window_get_view (window);
    g_autofree char *tooltip = NULL;
    EntenteRect footer;
    double x, y;

    run_frames (50);
    g_assert_nonnull (entente_layout_get_footer (entente_timeline_view_get_layout (view), &footer));
    x = footer.x + footer.width / 2;
    y = footer.y + footer.height / 2;
    tooltip = entente_timeline_view_get_tooltip_text_at (view, x, y);
    g_assert_cmpstr (tooltip, ==, "Every source, with its full citation: click to list them");
    g_signal_emit_by_name (click_gesture (view, GDK_BUTTON_PRIMARY), "released", 1, x, y);
    sources = find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW);
    g_assert_nonnull (sources);
    gtk_window_destroy (sources);
  }

  /* One on the web, one with only a title, quoted by an event and a
   * period. */
  entente_window_open_file (window, file);
  spin_until (not_loading, window, 10000);
  sources = open_sources_and_check (window);
  source = entente_dataset_get_source (entente_window_get_dataset (window), 0);
  g_assert_true (g_str_has_prefix (source->url, "https://"));
  citation = entente_format_citation (source, NULL);
  expected = g_strconcat (citation, "\n", source->url, NULL);
  copy = find_widget_matching (GTK_WIDGET (sources), is_button_with_tooltip, "Copy Citation");
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  copied = clipboard_text (GTK_WIDGET (sources));
  g_assert_cmpstr (copied, ==, expected);
  spin_until (label_shown, (gpointer) "Citation copied", 5000);

  open = find_widget_matching (GTK_WIDGET (sources), is_button_with_tooltip, source->url);
  g_assert_nonnull (open);
  forget_launched ();
  g_signal_emit_by_name (open, "clicked");
  assert_launched (source->url);

  /* Copy All: each source as its button copies it, a blank line between. */
  {
    EntenteDataset *dataset = entente_window_get_dataset (window);
    g_autofree char *second = entente_format_citation (entente_dataset_get_source (dataset, 1), NULL);
    g_autofree char *all_expected = g_strconcat (expected, "\n\n", second, NULL);
    g_autofree char *all_copied = NULL;

    g_assert_cmpuint (entente_dataset_get_n_sources (dataset), ==, 2);
    g_assert_null (entente_dataset_get_source (dataset, 1)->url);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sources), "sources.copy-all", NULL));
    all_copied = clipboard_text (GTK_WIDGET (sources));
    g_assert_cmpstr (all_copied, ==, all_expected);
    spin_until (label_shown, (gpointer) "Citations copied", 5000);
  }
  gtk_window_destroy (sources);

  /* Many sources: rows are made as the list is scrolled, and Copy All
   * copies every citation all the same. */
  {
    guint n = 100;
    g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Many\", \"sources\": [");
    g_autoptr(GFile) many = NULL;
    g_auto(GStrv) entries = NULL;
    g_autofree char *all_copied = NULL;
    g_autofree char *last = NULL;
    gint64 start;

    for (guint i = 0; i < n; i++)
      g_string_append_printf (json, "%s{ \"id\": \"s%u\", \"title\": \"Work %u\" }", i > 0 ? "," : "", i, i);
    g_string_append (json, "] }");
    many = write_file ("many.json", json->str);
    entente_window_open_file (window, many);
    spin_until (not_loading, window, 10000);
    /* Opened, it has made a few rows, not all. */
    start = g_get_monotonic_time ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sources", NULL));
    sources = find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW);
    run_frames (50);
    g_test_message ("%u sources: %u rows made in %.0f ms", n, count_rows (sources),
                    (g_get_monotonic_time () - start) / 1000.0);
    g_assert_cmpuint (count_rows (sources), >, 0);
    g_assert_cmpuint (count_rows (sources), <, n);
    gtk_window_destroy (sources);

    sources = open_sources_and_check (window);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sources), "sources.copy-all", NULL));
    all_copied = clipboard_text (GTK_WIDGET (sources));
    entries = g_strsplit (all_copied, "\n\n", -1);
    g_assert_cmpuint (g_strv_length (entries), ==, n);
    last = g_strdup_printf ("“Work %u”", n - 1);
    g_assert_cmpstr (entries[n - 1], ==, last);
    gtk_window_destroy (sources);
    remove_file (many);
  }

  /* A source quoted by more events than are listed under it. */
  {
    g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Records\","
                                            "  \"sources\": [ { \"id\": \"wire\", \"title\": \"Wire\" } ],"
                                            "  \"events\": [");
    g_autoptr(GFile) records = NULL;
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    for (guint i = 0; i < 105; i++)
      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"date\": \"%u\", \"title\": \"Record %u\","
                              " \"excerpts\": [ { \"source\": \"wire\", \"quote\": \"q\" } ] }",
                              i > 0 ? "," : "", i, 1900 + i, i);
    g_string_append (json, "] }");
    records = write_file ("records.json", json->str);
    entente_window_open_file (window, records);
    spin_until (not_loading, window, 10000);
    sources = open_sources_and_check (window);
    gtk_expander_set_expanded (GTK_EXPANDER (find_widget (GTK_WIDGET (sources), GTK_TYPE_EXPANDER)), TRUE);
    collect_widgets (GTK_WIDGET (sources), ADW_TYPE_ACTION_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 100);
    g_assert_true (label_shown ((gpointer) "And 5 more"));
    gtk_window_destroy (sources);
    remove_file (records);
  }

  /* None at all: nothing to copy. */
  entente_window_open_file (window, empty);
  spin_until (not_loading, window, 10000);
  sources = open_sources_and_check (window);
  g_assert_false (gtk_widget_is_sensitive (find_widget_matching (GTK_WIDGET (sources), is_button_for_action,
                                                                 "sources.copy-all")));
  gtk_window_destroy (sources);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
rows_are (gpointer data)
{
  GtkWindow *sources = find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW);

  return count_rows (sources) == GPOINTER_TO_UINT (data);
}

/* Searching All Sources lists the sources whose citation holds the text,
 * case and accents aside, and Copy All copies those; with none, it says
 * so; with the text gone, all are back. */
static void
test_all_sources_search (void)
{
  EntenteWindow *window = new_window ();
  EntenteDataset *dataset = entente_window_get_dataset (window);
  GtkWindow *sources = open_sources_and_check (window);
  GtkEditable *entry = GTK_EDITABLE (find_widget (GTK_WIDGET (sources), GTK_TYPE_SEARCH_ENTRY));
  GtkStack *stack = GTK_STACK (find_widget (GTK_WIDGET (sources), GTK_TYPE_STACK));
  guint n_sources = entente_dataset_get_n_sources (dataset);
  g_autoptr(GPtrArray) hyphenated = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) expected = g_string_new (NULL);

  g_assert_nonnull (entry);
  /* Two of the bundled sources write "Sino-Russian" with a hyphen, one
   * with a dash: the search folds case and accents, not punctuation. */
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *citation = entente_format_citation (entente_dataset_get_source (dataset, i), NULL);

      if (strstr (citation, "Sino-Russian") != NULL)
        {
          g_string_append_printf (expected, "%s%s", expected->len > 0 ? "\n\n" : "", citation);
          g_ptr_array_add (hyphenated, g_steal_pointer (&citation));
        }
    }
  g_assert_cmpuint (hyphenated->len, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sources), "sources.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find_widget (GTK_WIDGET (sources), GTK_TYPE_SEARCH_BAR))));
  gtk_editable_set_text (entry, "sINO-rUSSIAN");
  spin_until (rows_are, GUINT_TO_POINTER (2), 5000);
  {
    g_autoptr(GPtrArray) citations = texts_of_class (GTK_WIDGET (sources), "citation");
    g_autofree char *copied = NULL;

    g_assert_cmpstr (citations->pdata[0], ==, hyphenated->pdata[0]);
    g_assert_cmpstr (citations->pdata[1], ==, hyphenated->pdata[1]);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sources), "sources.copy-all", NULL));
    copied = clipboard_text (GTK_WIDGET (sources));
    g_assert_cmpstr (copied, ==, expected->str);
  }

  /* Accents aside: "radčhenko" finds Radchenko. */
  gtk_editable_set_text (entry, "radčhenko");
  spin_until (rows_are, GUINT_TO_POINTER (1), 5000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "sources");

  gtk_editable_set_text (entry, "no such words");
  spin_until (rows_are, GUINT_TO_POINTER (0), 5000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-match");
  g_assert_false (gtk_widget_is_sensitive (find_widget_matching (GTK_WIDGET (sources), is_button_for_action,
                                                                 "sources.copy-all")));

  gtk_editable_set_text (entry, "");
  spin_until (rows_are, GUINT_TO_POINTER (n_sources), 5000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "sources");

  gtk_window_destroy (sources);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* How many of the chart's search matches there are, after checking
 * that each quotes the source, and holds words when they are given. */
static guint
check_source_matches (EntenteWindow *window,
                      guint          source,
                      const char    *words)
{
  EntenteDataset *dataset = entente_window_get_dataset (window);
  GBytes *found = entente_timeline_view_get_matches (entente_window_get_view (window));
  const gboolean *matches;
  guint n = 0;

  g_assert_nonnull (found);
  matches = g_bytes_get_data (found, NULL);
  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      if (words == NULL)
        g_assert_cmpint (matches[i], ==, entente_dataset_event_quotes (dataset, event, source));
      else if (matches[i])
        g_assert_true (entente_dataset_event_quotes (dataset, event, source));
      n += matches[i];
    }
  return n;
}

/* Find on Chart, under a source quoted by events, searches the chart
 * for them and closes the list: the search bar says "source:" and the
 * source's id, the chart marks exactly the events that quote it, as
 * many as the row says, and words typed after it narrow them down and
 * are what the panel marks. */
static void
test_all_sources_find (void)
{
  EntenteWindow *window = new_window ();
  EntenteDataset *dataset = entente_window_get_dataset (window);
  EntenteTimelineView *view = entente_window_get_view (window);
  GtkWindow *sources = open_sources_and_check (window);
  GtkEditable *entry = GTK_EDITABLE (find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  GtkWidget *count = gtk_widget_get_next_sibling (GTK_WIDGET (entry));
  g_autofree EntenteSourceUse *uses = entente_dataset_count_source_uses (dataset);
  g_autofree char *expected = NULL;
  g_autofree char *said = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *find, *focus;
  guint source = 0, n_found, n_marked = 0;
  int selected;

  /* The source most events quote. */
  for (guint i = 0; i < entente_dataset_get_n_sources (dataset); i++)
    if (uses[i].n_events > uses[source].n_events)
      source = i;
  find = find_widget_matching (GTK_WIDGET (sources), is_find_button_for, GUINT_TO_POINTER (source));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find)), ==, "Find on Chart");
  g_signal_emit_by_name (find, "clicked");
  run_frames (50);
  spin_until (not_searching, window, 10000);
  g_assert_null (find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW));

  expected = g_strdup_printf ("source:%s", entente_dataset_get_source (dataset, source)->id);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, expected);
  /* Ready to be typed on. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
  n_found = check_source_matches (window, source, NULL);
  g_assert_cmpuint (n_found, ==, uses[source].n_events);
  said = g_strdup_printf ("%u matches", n_found);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, said);

  /* Words after the id: fewer, each quoting the source and holding
   * them, which the panel marks. */
  typed = g_strconcat (expected, " soviet", NULL);
  search_and_wait (window, typed);
  n_found = check_source_matches (window, source, "soviet");
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, <, uses[source].n_events);
  entente_timeline_view_select_next (view, 1);
  selected = entente_timeline_view_get_selected_event (view);
  g_assert_cmpint (selected, >=, 0);
  collect_widgets (GTK_WIDGET (entente_window_get_panel (window)), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *ranges = marked_ranges (labels->pdata[i]);
      g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (guint));

      entente_search_find (gtk_label_get_text (labels->pdata[i]), "soviet", places);
      /* Marked only where "soviet" is (a citation holding it is not
       * marked: the panel marks what a search looks in). */
      if (*ranges != '\0')
        g_assert_cmpuint (places->len, >, 0);
      n_marked += *ranges != '\0';
    }
  g_assert_cmpuint (n_marked, >, 0);

  entente_window_search (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* All Sources follows its window's dataset when the file is read again,
 * and asked for again it comes forward rather than twice. */
static void
test_all_sources_follow_reload (void)
{
  const char *first = "{ \"format\": \"entente/1\", \"title\": \"Draft\","
                      "  \"sources\": [ { \"id\": \"a\", \"title\": \"First source\" } ],"
                      "  \"events\": [ { \"id\": \"e\", \"date\": \"1950\", \"title\": \"E\","
                      "    \"excerpts\": [ { \"source\": \"a\", \"quote\": \"q\" } ] } ] }";
  const char *second = "{ \"format\": \"entente/1\", \"title\": \"Draft\","
                       "  \"sources\": [ { \"id\": \"z\", \"title\": \"New source\" },"
                       "                 { \"id\": \"a\", \"title\": \"First source\" } ],"
                       "  \"events\": [ { \"id\": \"e\", \"date\": \"1950\", \"title\": \"E\","
                       "    \"excerpts\": [ { \"source\": \"z\", \"quote\": \"q\" } ] } ] }";
  g_autoptr(GFile) file = write_file ("draft.json", first);
  g_autofree char *path = g_file_get_path (file);
  EntenteWindow *window = new_window ();
  GtkWindow *sources;
  GtkListBox *list;
  guint n_lists = 0;

  entente_window_open_file (window, file);
  spin_until (not_loading, window, 10000);
  sources = open_sources_and_check (window);

  g_assert_true (g_file_set_contents (path, second, -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  spin_until (not_loading, window, 10000);
  run_frames (100);
  g_assert_true (find_toplevel (ENTENTE_TYPE_SOURCES_WINDOW) == sources);
  {
    g_autoptr(GPtrArray) citations = texts_of_class (GTK_WIDGET (sources), "citation");

    g_assert_cmpuint (citations->len, ==, 2);
    g_assert_cmpstr (citations->pdata[0], ==, "“New source”");
    g_assert_cmpstr (citations->pdata[1], ==, "“First source”");
  }
  list = GTK_LIST_BOX (find_widget (GTK_WIDGET (sources), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));

  /* Asked for again: the same window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sources", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      n_lists += ENTENTE_IS_SOURCES_WINDOW (toplevel);
    }
  g_assert_cmpuint (n_lists, ==, 1);

  gtk_window_destroy (sources);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* The labels of a menu and its sections, in order. */
static void
collect_menu_labels (GMenuModel *model,
                     GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, label);
      if (section != NULL)
        collect_menu_labels (section, labels);
    }
}

/* The view's context menu, when it is open. */
static GtkPopover *
open_menu (EntenteTimelineView *view)
{
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (view), GTK_TYPE_POPOVER_MENU, menus);
  g_assert_cmpuint (menus->len, <=, 1);
  if (menus->len == 0 || !gtk_widget_get_visible (menus->pdata[0]))
    return NULL;
  return menus->pdata[0];
}

static void
check_menu (EntenteTimelineView *view,
            const char * const  *expected)
{
  GtkPopover *menu = open_menu (view);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (menu);
  collect_menu_labels (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), labels);
  g_ptr_array_add (labels, NULL);
  g_assert_cmpstrv ((const char * const *) labels->pdata, expected);
  gtk_popover_popdown (menu);
}

static guint
event_with_id (EntenteDataset *dataset,
               const char     *id)
{
  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    if (g_str_equal (entente_dataset_get_event (dataset, i)->id, id))
      return i;
  g_assert_not_reached ();
}

/* Whether the open menu's item that reads label (a menu's items show
 * their labels without mnemonics) can be chosen: its action is
 * enabled. */
static gboolean
menu_item_sensitive (EntenteTimelineView *view,
                     const char          *label)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GtkPopover *menu = open_menu (view);
  GType model_button = g_type_from_name ("GtkModelButton");

  g_assert_nonnull (menu);
  g_assert_true (model_button != 0);
  collect_widgets (GTK_WIDGET (menu), model_button, items);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = NULL;

      g_object_get (items->pdata[i], "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return gtk_widget_get_sensitive (items->pdata[i]);
    }
  g_assert_not_reached ();
}

/* A right click, as the view's gesture for the secondary button has it. */
static void
right_click (EntenteTimelineView *view,
             double               x,
             double               y)
{
  g_signal_emit_by_name (click_gesture (view, GDK_BUTTON_SECONDARY), "pressed", 1, x, y);
  run_frames (50);
}

static void
check_range (EntenteTimelineView *view,
             double               from,
             double               to)
{
  double shown_from, shown_to;

  entente_timeline_view_get_range (view, &shown_from, &shown_to);
  g_assert_cmpfloat_with_epsilon (shown_from, from, 0.5);
  g_assert_cmpfloat_with_epsilon (shown_to, to, 0.5);
}

/* A right click on an event or a period selects it and opens its menu:
 * zoom to it, copy its title and dates, hide its category; the Menu key
 * opens the same for the selection. Elsewhere a right click does
 * nothing. */
static void
test_context_menu (void)
{
  const char *json =
    "{ \"format\": \"entente/1\", \"title\": \"Menus\","
    "  \"period_kinds\": [ { \"id\": \"k\", \"label\": \"Kind\" }, { \"id\": \"o\", \"label\": \"Other\" } ],"
    "  \"periods\": [ { \"id\": \"p\", \"kind\": \"k\", \"label\": \"The_Thaw\", \"start\": \"1930\", \"end\": \"1939\" } ],"
    "  \"categories\": [ { \"id\": \"c\", \"label\": \"Trade_and_aid\" }, { \"id\": \"w\", \"label\": \"War\" } ],"
    "  \"events\": [ { \"id\": \"a\", \"date\": \"1920\", \"title\": \"First\", \"category\": \"c\" },"
    "                { \"id\": \"b\", \"date\": \"1925-06-14\", \"title\": \"Second\" },"
    "                { \"id\": \"c\", \"date\": \"1941\", \"end\": \"1944\", \"title\": \"Third\", \"category\": \"c\" },"
    "                { \"id\": \"d\", \"date\": \"1905\", \"title\": \"Early\" },"
    "                { \"id\": \"e\", \"date\": \"1960\", \"title\": \"Late\", \"category\": \"w\" } ] }";
  const char *event_menu[] = { "_Zoom to Event", "_Copy Title and Date", "_Hide “Trade__and__aid”",
                               "Show _Only “Trade__and__aid”", NULL };
  const char *legend_menu[] = { "Show _Only “Trade__and__aid”", "Show _All Categories", NULL };
  const char *plain_event_menu[] = { "_Zoom to Event", "_Copy Title and Date", NULL };
  const char *period_menu[] = { "_Zoom to Period", "_Copy Name and Dates", "_Hide “Kind”", "Show _Only “Kind”", NULL };
  g_autoptr(GFile) file = write_file ("menus.json", json);
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  TitleWait wait = { window, "Menus" };
  g_autofree char *copied = NULL;
  g_autofree char *period_copied = NULL;
  const EntenteBand *bands;
  GdkRectangle pointing;
  EntenteRect rect;
  EntenteHit hit;
  double start, end;
  guint n_bands, first, second, third;
  gboolean found = FALSE;

  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 10000);
  first = event_with_id (entente_window_get_dataset (window), "a");
  second = event_with_id (entente_window_get_dataset (window), "b");
  third = event_with_id (entente_window_get_dataset (window), "c");

  /* On an event. */
  g_assert_true (entente_layout_get_event_rect (entente_timeline_view_get_layout (view), first, &rect));
  right_click (view, rect.x + rect.width / 2, rect.y + rect.height / 2);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, first);
  /* The menu covers the chart there: no tooltip over it. */
  {
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = TRUE;

    g_signal_emit_by_name (view, "query-tooltip", (int) (rect.x + rect.width / 2), (int) (rect.y + rect.height / 2),
                           FALSE, tooltip, &shown);
    g_assert_false (shown);
    gtk_popover_popdown (open_menu (view));
    g_signal_emit_by_name (view, "query-tooltip", (int) (rect.x + rect.width / 2), (int) (rect.y + rect.height / 2),
                           FALSE, tooltip, &shown);
    g_assert_true (shown);
    right_click (view, rect.x + rect.width / 2, rect.y + rect.height / 2);
  }
  check_menu (view, event_menu);

  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.copy-selection", NULL);
  copied = clipboard_text (GTK_WIDGET (window));
  g_assert_cmpstr (copied, ==, "First (1920)");
  spin_until (toast_shown, (gpointer) "Copied to clipboard", 5000);

  /* 1920 and some room, centred. */
  start = entente_dataset_get_event (entente_window_get_dataset (window), first)->start_day;
  end = entente_dataset_get_event (entente_window_get_dataset (window), first)->end_day;
  g_assert_cmpfloat (end - start, ==, 366);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-to-selection", NULL);
  run_frames (50);
  check_range (view, (start + end) / 2 - 1.25 * 366 / 2, (start + end) / 2 + 1.25 * 366 / 2);
  g_assert_nonnull (entente_layout_find_labelled (entente_timeline_view_get_layout (view), first));

  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.hide-category", NULL);
  g_assert_false (entente_timeline_view_is_shown (view, first));
  g_assert_false (entente_timeline_view_is_shown (view, third));
  g_assert_true (entente_timeline_view_is_shown (view, second));
  entente_timeline_view_set_category_hidden (view, 0, FALSE);
  entente_timeline_view_zoom_to_fit (view);
  run_frames (50);

  /* A long press on a touch screen does as a right click. */
  entente_timeline_view_select_event (view, -1);
  g_assert_true (entente_layout_get_event_rect (entente_timeline_view_get_layout (view), third, &rect));
  g_signal_emit_by_name (view_controller (view, GTK_TYPE_GESTURE_LONG_PRESS), "pressed",
                         rect.x + rect.width / 2, rect.y + rect.height / 2);
  run_frames (50);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, third);
  g_assert_nonnull (open_menu (view));
  gtk_popover_popdown (open_menu (view));

  /* An event of no category cannot hide one. */
  g_assert_true (entente_layout_get_event_rect (entente_timeline_view_get_layout (view), second, &rect));
  right_click (view, rect.x + rect.width / 2, rect.y + rect.height / 2);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, second);
  check_menu (view, plain_event_menu);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.hide-category", NULL);
  g_assert_true (entente_timeline_view_is_shown (view, second));

  /* On a period's band, away from the events. */
  bands = entente_layout_get_bands (entente_timeline_view_get_layout (view), &n_bands);
  g_assert_cmpuint (n_bands, ==, 1);
  for (double y = 0; y < gtk_widget_get_height (GTK_WIDGET (view)) && !found; y += 2)
    {
      found = entente_layout_hit_test (entente_timeline_view_get_layout (view),
                                       (bands[0].x0_full + bands[0].x1_full) / 2, y, &hit) &&
              hit.type == ENTENTE_HIT_PERIOD;
      if (found)
        right_click (view, (bands[0].x0_full + bands[0].x1_full) / 2, y);
    }
  g_assert_true (found);
  g_assert_cmpint (entente_timeline_view_get_selected_period (view), ==, 0);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, -1);
  check_menu (view, period_menu);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.copy-selection", NULL);
  period_copied = clipboard_text (GTK_WIDGET (window));
  g_assert_cmpstr (period_copied, ==, "The_Thaw (1930 – 1939)");
  start = entente_days_from_civil (1930, 1, 1);
  end = entente_days_from_civil (1940, 1, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-to-selection", NULL);
  run_frames (50);
  check_range (view, (start + end) / 2 - 1.25 * (end - start) / 2, (start + end) / 2 + 1.25 * (end - start) / 2);
  /* Its kind hidden: no band left. */
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.hide-kind", NULL);
  run_frames (50);
  entente_layout_get_bands (entente_timeline_view_get_layout (view), &n_bands);
  g_assert_cmpuint (n_bands, ==, 0);
  entente_timeline_view_set_kind_hidden (view, 0, FALSE);
  run_frames (50);

  /* On a category in the legend: that category alone, then all again.
   * Show All has nothing to do while none is hidden. */
  {
    guint n_legend;
    const EntenteLegendItem *legend = entente_layout_get_legend (entente_timeline_view_get_layout (view), &n_legend);
    const EntenteLegendItem *entry = NULL;
    guint late = event_with_id (entente_window_get_dataset (window), "e");

    for (guint i = 0; i < n_legend; i++)
      if (legend[i].type == ENTENTE_LEGEND_CATEGORY && legend[i].index == 0)
        entry = &legend[i];
    g_assert_nonnull (entry);
    right_click (view, entry->rect.x + entry->rect.width / 2, entry->rect.y + entry->rect.height / 2);
    g_assert_false (menu_item_sensitive (view, "Show All Categories"));
    check_menu (view, legend_menu);
    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-only-category", "i", 0);
    g_assert_true (entente_timeline_view_is_shown (view, first));
    g_assert_true (entente_timeline_view_is_shown (view, third));
    g_assert_false (entente_timeline_view_is_shown (view, late));
    /* Events of no category have no entry in the legend to hide them
     * by, and stay. */
    g_assert_true (entente_timeline_view_is_shown (view, second));
    right_click (view, entry->rect.x + entry->rect.width / 2, entry->rect.y + entry->rect.height / 2);
    g_assert_true (menu_item_sensitive (view, "Show All Categories"));
    check_menu (view, legend_menu);
    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-all-categories", NULL);
    for (guint i = 0; i < entente_dataset_get_n_events (entente_window_get_dataset (window)); i++)
      g_assert_true (entente_timeline_view_is_shown (view, i));
  }

  /* On a kind of period in the legend: its bands alone, then all. */
  {
    const char *kind_menu[] = { "Show _Only “Other”", "Show _All Periods", NULL };
    guint n_legend;
    const EntenteLegendItem *legend = entente_layout_get_legend (entente_timeline_view_get_layout (view), &n_legend);
    const EntenteLegendItem *entry = NULL;

    for (guint i = 0; i < n_legend; i++)
      if (legend[i].type == ENTENTE_LEGEND_PERIOD_KIND && legend[i].index == 1)
        entry = &legend[i];
    g_assert_nonnull (entry);
    right_click (view, entry->rect.x + entry->rect.width / 2, entry->rect.y + entry->rect.height / 2);
    g_assert_false (menu_item_sensitive (view, "Show All Periods"));
    check_menu (view, kind_menu);
    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-only-kind", "i", 1);
    run_frames (50);
    entente_layout_get_bands (entente_timeline_view_get_layout (view), &n_bands);
    g_assert_cmpuint (n_bands, ==, 0);
    right_click (view, entry->rect.x + entry->rect.width / 2, entry->rect.y + entry->rect.height / 2);
    g_assert_true (menu_item_sensitive (view, "Show All Periods"));
    gtk_popover_popdown (open_menu (view));
    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-all-kinds", NULL);
    run_frames (50);
    entente_layout_get_bands (entente_timeline_view_get_layout (view), &n_bands);
    g_assert_cmpuint (n_bands, ==, 1);
  }

  /* Nowhere in particular: the title above the plot. */
  entente_timeline_view_select_event (view, third);
  g_assert_true (entente_layout_hit_test (entente_timeline_view_get_layout (view), 4, 4, &hit) == FALSE ||
                 hit.type == ENTENTE_HIT_NONE);
  right_click (view, 4, 4);
  g_assert_null (open_menu (view));
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, third);

  /* From the keyboard, at the selected event. */
  run_frames (50);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-menu", NULL);
  run_frames (50);
  g_assert_nonnull (open_menu (view));
  g_assert_true (gtk_popover_get_pointing_to (open_menu (view), &pointing));
  g_assert_true (entente_layout_get_event_rect (entente_timeline_view_get_layout (view), third, &rect));
  g_assert_cmpint (pointing.x, ==, (int) rect.x);
  g_assert_cmpint (pointing.y, ==, (int) rect.y);
  check_menu (view, event_menu);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* The Go to Date dialog's entry and the line under it. */
static void
go_to_date_widgets (AdwMessageDialog *dialog,
                    GtkEditable     **entry,
                    GtkLabel        **hint)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY, entries);
  collect_widgets (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (entries->len, ==, 1);
  *entry = entries->pdata[0];
  *hint = NULL;
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_ancestor (labels->pdata[i], GTK_TYPE_ENTRY) == NULL)
      *hint = labels->pdata[i];
  g_assert_nonnull (*hint);
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* What Enter in an entry does: its text is activated, and activates the
 * window's default button when the entry is to, which GTK presses for a
 * moment before it is clicked. */
static void
press_enter (GtkEditable *entry)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  spin_until (no_message_dialog, NULL, 5000);
}

static AdwMessageDialog *
open_go_to_date (EntenteWindow *window)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-date", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Go to Date");
  spin_until (widget_mapped, dialog, 5000);
  return dialog;
}

/* Go to Date (Ctrl+L) starts on the year in the middle of the view,
 * says what is wrong with a date it cannot show and waits for one it
 * can, and then shows it among its neighbours: a month with the months
 * either side, a year with the years. */
static void
test_go_to_date (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkLabel *hint;
  g_autofree char *year = NULL;
  double from, to, start, end;
  gint64 middle_year;
  guint month, day;

  entente_timeline_view_get_range (view, &from, &to);
  entente_civil_from_days ((gint64) ((from + to) / 2), &middle_year, &month, &day);
  year = g_strdup_printf ("%04" G_GINT64_FORMAT, middle_year);

  dialog = open_go_to_date (window);
  go_to_date_widgets (dialog, &entry, &hint);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, year);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "go"));

  gtk_editable_set_text (entry, "1969-13");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "go"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (hint), "month 13"));
  /* A screen reader hears what is written under the entry. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       gtk_label_get_text (hint));

  gtk_editable_set_text (entry, "1500");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "go"));
  g_assert_nonnull (strstr (gtk_label_get_text (hint), "Outside the timeline"));

  gtk_editable_set_text (entry, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "go"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  /* Cancelled: nothing moves. */
  gtk_editable_set_text (entry, "1969");
  gtk_window_close (GTK_WINDOW (dialog));
  run_frames (50);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  check_range (view, from, to);

  dialog = open_go_to_date (window);
  go_to_date_widgets (dialog, &entry, &hint);
  gtk_editable_set_text (entry, " 1969-03 ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "go"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  /* Enter, as a reader would. */
  press_enter (entry);
  run_frames (50);
  start = entente_days_from_civil (1969, 3, 1);
  end = entente_days_from_civil (1969, 4, 1);
  check_range (view, (start + end) / 2 - 1.5 * (end - start), (start + end) / 2 + 1.5 * (end - start));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* The year it opens on now is the one shown. */
  dialog = open_go_to_date (window);
  go_to_date_widgets (dialog, &entry, &hint);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "1969");
  gtk_editable_set_text (entry, "1950");
  press_enter (entry);
  run_frames (50);
  start = entente_days_from_civil (1950, 1, 1);
  end = entente_days_from_civil (1951, 1, 1);
  check_range (view, (start + end) / 2 - 1.5 * (end - start), (start + end) / 2 + 1.5 * (end - start));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Copy Chart (Ctrl+Shift+C) puts the view on the clipboard as an image
 * at twice its size, the very pixels a PNG export of the view at that
 * scale holds, and says so. */
static void
test_copy_chart (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "copied.png", NULL);
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *exported;
  EntenteExportOptions options;
  GdkTexture *texture;
  guint differing = 0;

  entente_timeline_view_set_range (view, 700000, 730000, FALSE);
  hide_and_search (window, "Soviet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", NULL));

  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window)));
  g_assert_nonnull (content);
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  texture = g_value_get_object (&value);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * height);
  pixels = g_malloc ((gsize) 2 * width * 4 * 2 * height);
  gdk_texture_download (texture, pixels, 2 * width * 4);
  spin_until (toast_shown, (gpointer) "Chart copied", 5000);

  entente_export_options_init (&options);
  entente_timeline_view_get_export_options (view, &options);
  options.width = width;
  options.height = height;
  options.scale = 2;
  g_assert_true (entente_export_to_file (entente_window_get_dataset (window), &options, png, &error));
  exported = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (exported);
  for (int y = 0; y < 2 * height; y++)
    if (memcmp (pixels + (gsize) y * 2 * width * 4,
                cairo_image_surface_get_data (exported) + (gsize) y * cairo_image_surface_get_stride (exported),
                (gsize) 2 * width * 4) != 0)
      differing++;
  g_assert_cmpuint (differing, ==, 0);

  cairo_surface_destroy (exported);
  g_assert_cmpint (g_unlink (png), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  search_and_wait (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An event's dates as a row should show them: both ends of a span. */
static char *
event_dates (const EntenteEvent *event)
{
  g_autofree char *start = entente_date_format (&event->date);
  g_autofree char *end = event->is_span ? entente_date_format (&event->end) : NULL;

  return end != NULL ? g_strdup_printf ("%s – %s", start, end) : g_steal_pointer (&start);
}

/* A period in the panel lists its events, those shown that begin
 * within it, in date order; a row selects its event; hiding a category
 * takes its events off the list; an event's panel has no such list. */
static void
test_period_events (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  EntenteSourcePanel *panel = entente_window_get_panel (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const EntentePeriod *period = NULL;
  guint chosen = 0, expected = 0, listed, category = 0, n_spans = 0;
  gint64 start, end;

  /* The period with the most events. */
  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *p = entente_dataset_get_period (dataset, i);
      guint n = entente_dataset_lower_bound (dataset, entente_date_end_day (&p->end)) -
                entente_dataset_lower_bound (dataset, entente_date_start_day (&p->start));

      if (n > expected)
        {
          expected = n;
          chosen = i;
        }
    }
  g_assert_cmpuint (expected, >=, 5);
  period = entente_dataset_get_period (dataset, chosen);
  start = entente_date_start_day (&period->start);
  end = entente_date_end_day (&period->end);

  entente_timeline_view_select_period (view, chosen);
  g_assert_cmpuint (entente_source_panel_get_n_period_events (panel), ==, expected);

  collect_widgets (GTK_WIDGET (panel), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, expected);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (rows->pdata[i]);
      GVariant *target = gtk_actionable_get_action_target_value (rows->pdata[i]);
      const EntenteEvent *event = entente_dataset_get_event (dataset, g_variant_get_int32 (target));
      g_autofree char *dates = event_dates (event);

      g_assert_cmpstr (title, ==, event->title);
      /* A span's row gives both its ends. */
      g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[i]), ==, dates);
      n_spans += event->is_span;
      g_assert_cmpint (event->start_day, >=, start);
      g_assert_cmpint (event->start_day, <, end);
      if (i == 2)
        category = event->category;
    }
  g_assert_cmpuint (n_spans, >, 0);

  /* A row picks its event. */
  {
    GtkWidget *third = rows->pdata[2];
    int event = g_variant_get_int32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (third)));

    g_assert_true (gtk_widget_activate (third));
    g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, event);
    g_assert_cmpuint (entente_source_panel_get_n_period_events (panel), ==, 0);
  }

  /* A category hidden: its events leave the list. */
  entente_timeline_view_select_period (view, chosen);
  entente_timeline_view_set_category_hidden (view, category, TRUE);
  listed = entente_source_panel_get_n_period_events (panel);
  g_assert_cmpuint (listed, <, expected);
  for (guint i = entente_dataset_lower_bound (dataset, start); i < entente_dataset_lower_bound (dataset, end); i++)
    listed -= entente_timeline_view_is_shown (view, i);
  g_assert_cmpuint (listed, ==, 0);
  entente_timeline_view_set_category_hidden (view, category, FALSE);

  /* A period of 150 events lists the first 100 and says where the rest
   * are. */
  {
    GString *json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Crowded\","
                                  "  \"period_kinds\": [ { \"id\": \"k\", \"label\": \"Kind\" } ],"
                                  "  \"periods\": [ { \"id\": \"p\", \"kind\": \"k\", \"label\": \"P\","
                                  " \"start\": \"1900\", \"end\": \"1949\" } ], \"events\": [");
    g_autoptr(GFile) file = NULL;
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
    TitleWait wait = { window, "Crowded" };

    for (guint i = 0; i < 150; i++)
      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"date\": \"%u\", \"title\": \"E%u\" }",
                              i > 0 ? ", " : "", i, 1900 + i / 4, i);
    g_string_append (json, "] }");
    file = write_file ("crowded.json", json->str);
    g_string_free (json, TRUE);
    entente_window_open_file (window, file);
    spin_until (title_is, &wait, 10000);
    entente_timeline_view_select_period (view, 0);
    g_assert_cmpuint (entente_source_panel_get_n_period_events (panel), ==, 100);
    collect_label_texts (GTK_WIDGET (panel), texts);
    g_assert_true (has_text (texts, "And 50 more, in the list of all events"));
    remove_file (file);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each excerpt's copy button puts the quotation on the clipboard with
 * its citation, and the source's address when it is a web page, and
 * says so in a toast. */
static void
test_copy_quotation (void)
{
  const char *json =
    "{ \"format\": \"entente/1\", \"title\": \"Copies\","
    "  \"sources\": [ { \"id\": \"w\", \"title\": \"On the Web\", \"author\": \"A. Writer\","
    "                   \"url\": \"https://example.org/article\" },"
    "                 { \"id\": \"p\", \"title\": \"On Paper\", \"url\": \"file:///etc/passwd\" } ],"
    "  \"events\": [ { \"id\": \"e\", \"date\": \"1950\", \"title\": \"E\","
    "    \"excerpts\": [ { \"source\": \"w\", \"quote\": \"First words\", \"locator\": \"paragraph 2\" },"
    "                    { \"source\": \"p\", \"quote\": \"Second words\" } ] } ] }";
  g_autoptr(GFile) file = write_file ("copies.json", json);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  EntenteWindow *window = new_window ();
  TitleWait wait = { window, "Copies" };

  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 10000);
  entente_timeline_view_select_event (entente_window_get_view (window), 0);
  collect_widgets (GTK_WIDGET (entente_window_get_panel (window)), GTK_TYPE_BUTTON, buttons);
  for (guint i = buttons->len; i-- > 0;)
    if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "edit-copy-symbolic") != 0)
      g_ptr_array_remove_index (buttons, i);
  g_assert_cmpuint (buttons->len, ==, 2);

  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  first = clipboard_text (GTK_WIDGET (window));
  g_assert_cmpstr (first, ==, "“First words”\n— A. Writer, “On the Web”, paragraph 2\nhttps://example.org/article");
  spin_until (toast_shown, (gpointer) "Quotation copied", 5000);

  /* Not an address to give a reader. */
  g_signal_emit_by_name (buttons->pdata[1], "clicked");
  second = clipboard_text (GTK_WIDGET (window));
  g_assert_cmpstr (second, ==, "“Second words”\n— “On Paper”");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

static void
test_only_web_urls_open (void)
{
  g_assert_true (entente_uri_is_web ("https://example.org/a"));
  g_assert_true (entente_uri_is_web ("http://example.org"));
  g_assert_true (entente_uri_is_web ("HTTPS://EXAMPLE.ORG"));
  g_assert_false (entente_uri_is_web ("javascript:alert(1)"));
  g_assert_false (entente_uri_is_web ("file:///etc/passwd"));
  g_assert_false (entente_uri_is_web ("/etc/passwd"));
  g_assert_false (entente_uri_is_web ("ftp://example.org"));
  g_assert_false (entente_uri_is_web ("smb://host/share"));
  g_assert_false (entente_uri_is_web (""));
  g_assert_false (entente_uri_is_web (NULL));
}

static void
check_icon_buttons (GtkWidget *widget,
                    guint     *n_checked)
{
  const char *icon = NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    icon = gtk_button_get_icon_name (GTK_BUTTON (widget));

  if (icon != NULL && gtk_widget_get_visible (widget))
    {
      g_test_message ("button with icon %s", icon);
      g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      (*n_checked)++;
    }

  /* A menu button's inner button is its own business. */
  if (GTK_IS_MENU_BUTTON (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_icon_buttons (child, n_checked);
}

/* Whatever is selected, by keyboard or list, can be seen with its label. */
static void
test_selection_revealed (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);

  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      EntenteLayout *layout;
      const EntenteEventItem *items;
      guint index, n_items;

      entente_timeline_view_select_event (view, i);
      layout = entente_timeline_view_get_layout (view);
      g_test_message ("event %u: %s", i, entente_dataset_get_event (dataset, i)->title);
      g_assert_cmpint (entente_layout_find_event (layout, i, &index), ==, ENTENTE_PLACED_ITEM);
      items = entente_layout_get_items (layout, &n_items);
      g_assert_nonnull (items[index].text);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* Launched with a file, Entente shows that file, or that it is reading
 * it, and not the bundled dataset first; giving up leaves the window
 * empty, and a file that cannot be read says why in the window. */
static void
test_launch_with_file (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "invalid", "wrong-format.json", NULL);
  g_autoptr(GFile) file = write_file ("launched.json",
                                      "{ \"format\": \"entente/1\", \"title\": \"Launched\","
                                      " \"events\": [ { \"id\": \"e\", \"date\": \"1920\", \"title\": \"E\" } ] }");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

  for (guint run = 0; run < 3; run++)
    {
      /* As the application does: the file is opened, then the window shown. */
      EntenteWindow *window = entente_window_new (app);
      guint datasets = 0;
      TitleWait wait = { window, "Launched" };

      g_signal_connect_swapped (entente_window_get_view (window), "notify::dataset",
                                G_CALLBACK (count_cb), &datasets);
      entente_window_open_file (window, run == 2 ? bad_file : file);
      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_null (entente_window_get_dataset (window));

      if (run == 0)
        {
          spin_until (title_is, &wait, 10000);
          g_assert_cmpuint (datasets, ==, 1);
        }
      else if (run == 1)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL);
          spin_until (not_loading, window, 10000);
          for (guint i = 0; i < 50; i++)
            g_main_context_iteration (NULL, FALSE);
          g_assert_null (entente_window_get_dataset (window));
          g_assert_cmpuint (datasets, ==, 0);
        }
      else
        {
          spin_until (not_loading, window, 10000);
          for (guint i = 0; i < 50; i++)
            g_main_context_iteration (NULL, FALSE);
          g_assert_null (entente_window_get_dataset (window));
          g_assert_nonnull (entente_window_get_last_error (window));
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
  remove_file (file);
}

/* Ctrl+R reads the file again whether or not the system said it
 * changed, keeping the view and the selection; the bundled dataset has
 * no file to read again. */
static void
test_reload (void)
{
  g_autoptr(GFile) file = write_file ("reread.json",
                                      "{ \"format\": \"entente/1\", \"title\": \"Read again\","
                                      "  \"events\": [ { \"id\": \"a\", \"date\": \"1950\", \"title\": \"A\" },"
                                      "                { \"id\": \"b\", \"date\": \"1960\", \"title\": \"B\" } ] }");
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  TitleWait wait = { window, "Read again" };
  EntenteDataset *before;
  double from, to;
  guint datasets = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_false (entente_window_is_loading (window));

  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 10000);
  before = entente_window_get_dataset (window);
  entente_timeline_view_set_range (view, 713000, 717000, FALSE);
  entente_timeline_view_select_event (view, 1);
  entente_timeline_view_get_range (view, &from, &to);
  g_signal_connect_swapped (view, "notify::dataset", G_CALLBACK (count_cb), &datasets);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (entente_window_is_loading (window));
  spin_until (not_loading, window, 10000);
  g_assert_cmpuint (datasets, ==, 1);
  g_assert_true (entente_window_get_dataset (window) != before);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, 1);
  check_range (view, from, to);

  g_signal_handlers_disconnect_by_func (view, count_cb, &datasets);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* The application's windows that are not in before. */
static GPtrArray *
windows_since (GList *before)
{
  GPtrArray *added = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (g_list_find (before, l->data) == NULL)
      g_ptr_array_add (added, l->data);
  return added;
}

static gboolean
window_shows (EntenteWindow *window,
              const char    *title)
{
  TitleWait wait = { window, title };

  spin_until (title_is, &wait, 10000);
  return TRUE;
}

/* New Window (Ctrl+N) opens another window on the bundled dataset and
 * leaves the first as it was. */
static void
test_new_window (void)
{
  g_autoptr(GFile) file = write_file ("first.json",
                                      "{ \"format\": \"entente/1\", \"title\": \"First\","
                                      " \"events\": [ { \"id\": \"e\", \"date\": \"1920\", \"title\": \"E\" } ] }");
  EntenteWindow *first = new_window ();
  g_autoptr(GList) before = NULL;
  g_autoptr(GPtrArray) added = NULL;
  EntenteWindow *second;

  entente_window_open_file (first, file);
  g_assert_true (window_shows (first, "First"));
  g_assert_true (gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.new-window")[0] != NULL);

  before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  added = windows_since (before);
  g_assert_cmpuint (added->len, ==, 1);
  second = ENTENTE_WINDOW (added->pdata[0]);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (second)));
  spin_until (view_allocated, second, 5000);
  g_assert_nonnull (entente_window_get_dataset (second));
  g_assert_null (entente_window_get_file (second));
  g_assert_cmpuint (entente_dataset_get_n_events (entente_window_get_dataset (second)), >=, 60);

  g_assert_true (entente_window_has_file (first, file));
  g_assert_cmpstr (entente_dataset_get_title (entente_window_get_dataset (first)), ==, "First");

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (first));
  remove_file (file);
}

/* Files opened from outside Entente (the file manager, the command
 * line) each get a window, and never take the place of what a window
 * shows; a file already open brings its window forward instead of
 * opening twice; a window left empty by a file it could not read is
 * used again. */
static void
test_open_from_outside (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "invalid", "wrong-format.json", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  GFile *files[2] = {
    write_file ("a.json", "{ \"format\": \"entente/1\", \"title\": \"A\","
                          " \"events\": [ { \"id\": \"e\", \"date\": \"1920\", \"title\": \"E\" } ] }"),
    write_file ("b.json", "{ \"format\": \"entente/1\", \"title\": \"B\","
                          " \"events\": [ { \"id\": \"e\", \"date\": \"1930\", \"title\": \"E\" } ] }"),
  };
  EntenteWindow *reading = new_window ();
  g_autoptr(GList) before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  EntenteWindow *a, *b, *failed;
  GList *with_both;

  /* A reader is in the middle of something. */
  entente_timeline_view_select_event (entente_window_get_view (reading), 3);

  g_application_open (G_APPLICATION (app), files, 2, "");
  /* A second time while they are read, as a double click can. */
  g_application_open (G_APPLICATION (app), files, 1, "");
  added = windows_since (before);
  g_assert_cmpuint (added->len, ==, 2);
  a = entente_window_has_file (added->pdata[0], files[0]) ? added->pdata[0] : added->pdata[1];
  b = a == added->pdata[0] ? added->pdata[1] : added->pdata[0];
  g_assert_true (window_shows (a, "A"));
  g_assert_true (window_shows (b, "B"));
  g_assert_true (entente_window_has_file (b, files[1]));
  g_assert_null (entente_window_get_file (reading));
  g_assert_cmpint (entente_timeline_view_get_selected_event (entente_window_get_view (reading)), ==, 3);

  /* Again: the windows that show them are enough. */
  with_both = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &files[1], 1, "");
  g_application_open (G_APPLICATION (app), files, 1, "");
  again = windows_since (with_both);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_false (entente_window_is_loading (a));
  g_assert_false (entente_window_is_loading (b));

  /* A file that cannot be read leaves its window empty; the next file
   * opened from outside goes there. */
  g_application_open (G_APPLICATION (app), &bad_file, 1, "");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = windows_since (with_both);
  g_assert_cmpuint (again->len, ==, 1);
  failed = again->pdata[0];
  spin_until (not_loading, failed, 10000);
  g_assert_true (entente_window_is_empty (failed));
  g_assert_false (entente_window_is_empty (a));
  g_assert_false (entente_window_is_empty (reading));
  gtk_window_destroy (GTK_WINDOW (a));
  g_application_open (G_APPLICATION (app), files, 1, "");
  empty = windows_since (with_both);
  g_assert_cmpuint (empty->len, ==, 1);
  g_assert_true (empty->pdata[0] == failed);
  g_assert_true (window_shows (failed, "A"));

  g_list_free (with_both);
  gtk_window_destroy (GTK_WINDOW (failed));
  gtk_window_destroy (GTK_WINDOW (b));
  gtk_window_destroy (GTK_WINDOW (reading));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      remove_file (files[i]);
      g_object_unref (files[i]);
    }
}

/* While a large file loads, the window's progress bar fills: it moves
 * between empty and full, and never back. */
static void
test_load_shows_progress (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Many\", \"events\": [");
  g_autoptr(GFile) file = NULL;
  EntenteWindow *window = entente_window_new (app);
  GtkProgressBar *bar;
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  double last = 0;
  guint n_between = 0;

  /* Enough events to take some tenths of a second, a few times the
   * interval at which the bar follows the load. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"date\": \"%u\", \"title\": \"Event %u\" }",
                            i ? "," : "", i, 1700 + i % 300, i);
  g_string_append (json, "] }");
  file = write_file ("many.json", json->str);

  entente_window_open_file (window, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  bar = GTK_PROGRESS_BAR (find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR));
  g_assert_nonnull (bar);

  while (entente_window_is_loading (window))
    {
      double fraction;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      fraction = gtk_progress_bar_get_fraction (bar);
      g_assert_cmpfloat (fraction, >=, last);
      if (fraction > 0 && fraction < 1)
        n_between++;
      last = fraction;
    }
  g_test_message ("the bar showed %u fractions between empty and full", n_between);
  g_assert_cmpuint (n_between, >, 0);
  g_assert_cmpuint (entente_dataset_get_n_events (entente_window_get_dataset (window)), ==, 200000);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* Clicking an event drawn with its whole label moves nothing on the
 * chart. Clicking one whose label a neighbour's cut short leaves it
 * where it is and gives it its whole label: only neighbours in its way
 * move. (In the lane by the axis, a label the badges cut stays as it
 * is.) */
static void
test_selection_keeps_layout (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  const EntenteEventItem *items;
  EntenteRect plot;
  guint n_items, picked_whole = 0, picked_cut = 0;

  items = entente_layout_get_items (entente_timeline_view_get_layout (view), &n_items);
  entente_layout_get_plot_rect (entente_timeline_view_get_layout (view), &plot);
  for (guint i = 0; i < n_items; i++)
    g_array_append_val (candidates, items[i].event);

  for (guint c = 0; c < candidates->len && (picked_whole < 5 || picked_cut < 3); c++)
    {
      EntenteLayout *layout;
      g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (EntenteEventItem));
      const EntenteEventItem *item;
      gboolean whole;
      guint moved = 0;
      PangoRectangle title;
      double x;

      /* Clicked with nothing selected. */
      entente_timeline_view_select_event (view, -1);
      layout = entente_timeline_view_get_layout (view);
      item = entente_layout_find_labelled (layout, g_array_index (candidates, guint, c));
      if (item == NULL)
        continue;
      x = item->marker.x + item->marker.width / 2;
      whole = entente_event_item_label_is_whole (item) || item->lane == 0;
      /* Not one near the edges, which the view would bring inwards, nor
       * one cut short by the plot's edge rather than a neighbour. */
      if (x < plot.x + plot.width * 0.1 || x > plot.x + plot.width * 0.9 ||
          (whole ? picked_whole >= 5 : picked_cut >= 3))
        continue;
      pango_layout_get_pixel_extents (item->text, NULL, &title);
      if (!whole && (item->text_rect.x < x || x + title.width + 40 > plot.x + plot.width || title.width > 300))
        continue;
      if (whole)
        picked_whole++;
      else
        picked_cut++;

      items = entente_layout_get_items (layout, &n_items);
      g_array_append_vals (before, items, n_items);
      entente_timeline_view_select_event (view, (int) item->event);
      layout = entente_timeline_view_get_layout (view);
      items = entente_layout_get_items (layout, &n_items);
      if (whole)
        g_assert_cmpuint (n_items, ==, before->len);
      for (guint k = 0; k < before->len; k++)
        {
          const EntenteEventItem *was = &g_array_index (before, EntenteEventItem, k);
          const EntenteEventItem *now = entente_layout_find_labelled (layout, was->event);

          if (was->text == NULL)
            continue;
          if (was->event == g_array_index (candidates, guint, c))
            {
              g_assert_nonnull (now);
              g_assert_cmpfloat (now->marker.x, ==, was->marker.x);
              g_assert_cmpfloat (now->marker.y, ==, was->marker.y);
              if (whole)
                g_assert_cmpfloat (now->text_rect.width, ==, was->text_rect.width);
              else
                g_assert_true (entente_event_item_label_is_whole (now));
              continue;
            }
          moved += now == NULL || now->rect.x != was->rect.x || now->rect.y != was->rect.y ||
                   now->text_rect.width != was->text_rect.width;
        }
      g_test_message ("selected %u (%s): %u other labels moved", g_array_index (candidates, guint, c),
                      whole ? "whole" : "cut", moved);
      if (whole)
        g_assert_cmpuint (moved, ==, 0);
      else
        g_assert_cmpuint (moved, <=, 3);
    }
  g_assert_cmpuint (picked_whole, ==, 5);
  g_assert_cmpuint (picked_cut, ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
find_event_by_id (EntenteWindow *window,
                  guint          k)
{
  EntenteDataset *dataset = entente_window_get_dataset (window);
  g_autofree char *id = g_strdup_printf ("d%u", k * 7);

  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    if (g_str_equal (entente_dataset_get_event (dataset, i)->id, id))
      return i;
  g_assert_not_reached ();
}

/* Where thousands of events crowd a few decades, and hundreds a single
 * day, picking one shows it on its own with its label. */
static void
test_selection_revealed_in_crowd (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Crowd\", \"events\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (1991);
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  TitleWait wait = { window, "Crowd" };
  guint n;

  /* 20 000 events, four in five of them from 1990 to 2019, and 300 more
   * on one day. */
  for (guint i = 0; i < 20000; i++)
    {
      gboolean recent = g_rand_int_range (rand, 0, 5) > 0;
      int year = recent ? g_rand_int_range (rand, 1990, 2020) : g_rand_int_range (rand, 1700, 1990);

      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"date\": \"%d-%02d-%02d\", \"title\": \"Event %u\" }",
                              i ? "," : "", i, year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), i);
    }
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (json, ", { \"id\": \"d%u\", \"date\": \"2001-09-11\", \"title\": \"Day event %u\" }", i, i);
  g_string_append (json, "] }");
  file = write_file ("crowd.json", json->str);
  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 20000);
  n = entente_dataset_get_n_events (entente_window_get_dataset (window));
  g_assert_cmpuint (n, ==, 20300);

  for (guint k = 0; k < 30; k++)
    {
      /* One in three from the crowded day. */
      guint event = k % 3 == 0 ? find_event_by_id (window, k) : (guint) g_rand_int_range (rand, 0, n);
      EntenteLayout *layout;
      const EntenteEventItem *items;
      guint index, n_items;

      entente_timeline_view_zoom_to_fit (view);
      entente_timeline_view_select_event (view, event);
      layout = entente_timeline_view_get_layout (view);
      if (entente_layout_find_event (layout, event, &index) != ENTENTE_PLACED_ITEM)
        g_error ("event %u (%s) is not shown on its own", event,
                 entente_dataset_get_event (entente_window_get_dataset (window), event)->title);
      items = entente_layout_get_items (layout, &n_items);
      g_assert_nonnull (items[index].text);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* A legend entry turns its category off in the chart, the list and the
 * keyboard walk alike. */
static void
test_legend_toggles_category (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  EntenteLayout *layout = entente_timeline_view_get_layout (view);
  const EntenteLegendItem *legend;
  guint n_legend, n_items, hidden_category = G_MAXUINT, n = entente_dataset_get_n_events (dataset);
  const EntenteEventItem *items;
  EntenteHit hit;

  legend = entente_layout_get_legend (layout, &n_legend);
  for (guint i = 0; i < n_legend; i++)
    if (legend[i].type == ENTENTE_LEGEND_CATEGORY)
      {
        hidden_category = legend[i].index;
        g_assert_true (entente_layout_hit_test (layout, legend[i].rect.x + legend[i].rect.width / 2,
                                                legend[i].rect.y + legend[i].rect.height / 2, &hit));
        g_assert_cmpint (hit.type, ==, ENTENTE_HIT_LEGEND_CATEGORY);
        break;
      }
  g_assert_cmpuint (hidden_category, !=, G_MAXUINT);

  entente_timeline_view_set_category_hidden (view, hidden_category, TRUE);
  layout = entente_timeline_view_get_layout (view);
  items = entente_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    g_assert_cmpint (entente_dataset_get_event (dataset, items[i].event)->category, !=, (int) hidden_category);
  for (guint i = 0; i < n; i++)
    if (entente_dataset_get_event (dataset, i)->category == (int) hidden_category)
      g_assert_false (entente_timeline_view_is_shown (view, i));
  g_assert_cmpuint (entente_event_list_get_n_rows (entente_window_get_event_list (window)), <, n);

  entente_timeline_view_set_category_hidden (view, hidden_category, FALSE);
  g_assert_cmpuint (entente_event_list_get_n_rows (entente_window_get_event_list (window)), ==, n);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on a cluster zooms in on its events, even when some of them
 * are spans that began long before the view: the lanes are full of such
 * spans here, and those left over are counted at the view's left edge. */
static void
test_cluster_opens_within_view (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Long spans\", "
                                          "\"parties\": [\"Aland\", \"Borduria\"], \"events\": [");
  g_autoptr(EntenteDataset) dataset = NULL;
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  double from = entente_days_from_civil (1950, 3, 1), to = entente_days_from_civil (1950, 4, 1);
  double new_from, new_to;
  const EntenteCluster *clusters;
  guint n_clusters, edge = G_MAXUINT;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (json, "%s{\"id\": \"s%u\", \"date\": \"%d\", \"end\": \"1990\", "
                            "\"title\": \"Span %u\", \"actor\": \"Aland\"}",
                            i > 0 ? ", " : "", i, 1900 + (int) i % 40, i);
  for (guint d = 1; d <= 28; d++)
    g_string_append_printf (json, ", {\"id\": \"e%u\", \"date\": \"1950-03-%02u\", "
                            "\"title\": \"Event %u\", \"actor\": \"Aland\"}", d, d, d);
  g_string_append (json, "]}");
  dataset = entente_test_load_json (json->str, "long-spans.json");
  entente_timeline_view_set_dataset (view, dataset);
  entente_timeline_view_set_range (view, from, to, FALSE);

  clusters = entente_layout_get_clusters (entente_timeline_view_get_layout (view), &n_clusters);
  for (guint i = 0; i < n_clusters; i++)
    if (entente_dataset_get_event (dataset, clusters[i].first_event)->start_day < from &&
        (edge == G_MAXUINT || clusters[i].count > clusters[edge].count))
      edge = i;
  g_assert_cmpuint (edge, !=, G_MAXUINT);

  entente_timeline_view_open_cluster (view, edge);
  entente_timeline_view_get_range (view, &new_from, &new_to);
  g_assert_cmpfloat (new_from, >=, from);
  g_assert_cmpfloat (new_to, <=, to);
  g_assert_cmpfloat (new_to - new_from, <, to - from);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a list view knows of a model: the rows as its changes told them,
 * each step checked against the model's own count, and whether the row
 * to keep was there after every step. */
typedef struct {
  GArray *rows;
  int     keep;
  gboolean kept_throughout;
} Mirror;

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  gboolean found = FALSE;

  g_assert_cmpuint (position + removed, <=, mirror->rows->len);
  g_array_remove_range (mirror->rows, position, removed);
  for (guint k = 0; k < added; k++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + k);
      guint event = entente_event_model_item_index (item);

      g_array_insert_val (mirror->rows, position + k, event);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, mirror->rows->len);
  for (guint i = 0; i < mirror->rows->len && !found; i++)
    found = g_array_index (mirror->rows, guint, i) == (guint) mirror->keep;
  mirror->kept_throughout &= found;
}

typedef struct {
  EntenteDataset *dataset;
  const gboolean *shown;
} Mask;

static void
mask_filter (GArray  *rows,
             gpointer user_data)
{
  const Mask *mask = user_data;

  entente_dataset_collect_events (mask->dataset, NULL, mask->shown, rows);
}

/* Told in steps, a change leaves a list view with exactly the model's
 * rows, every step consistent; a row to keep that stays is there at
 * every step, so a list view never loses it. */
static void
test_model_told_in_steps (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteEventModel) model = entente_event_model_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1969);
  guint n = entente_dataset_get_n_events (dataset);
  g_autofree gboolean *shown = g_new (gboolean, n);
  Mirror mirror = { g_array_new (FALSE, FALSE, sizeof (guint)), -1, TRUE };
  Mask mask = { dataset, shown };

  for (guint i = 0; i < n; i++)
    shown[i] = TRUE;
  entente_event_model_set_filter (model, mask_filter, &mask);
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_changed_cb), &mirror);
  entente_event_model_set_dataset (model, dataset);
  g_assert_cmpuint (mirror.rows->len, ==, n);

  for (guint round = 0; round < 300; round++)
    {
      /* Anything from nearly every event shown to nearly none. */
      double density = g_rand_double (rand);
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (model));
      int keep = -1;
      gboolean keep_stays;

      if (n_rows > 0 && round % 4 != 0)
        keep = (int) g_array_index (mirror.rows, guint, g_rand_int_range (rand, 0, n_rows));
      for (guint i = 0; i < n; i++)
        shown[i] = round % 10 == 0 || g_rand_double (rand) < density;
      keep_stays = keep >= 0 && shown[keep];
      mirror.keep = keep;
      mirror.kept_throughout = TRUE;

      entente_event_model_refilter (model, keep);

      g_assert_cmpuint (mirror.rows->len, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
      for (guint i = 0, row = 0; i < n; i++)
        if (shown[i])
          g_assert_cmpuint (g_array_index (mirror.rows, guint, row++), ==, i);
      if (keep_stays)
        g_assert_true (mirror.kept_throughout);
    }
  g_array_unref (mirror.rows);
}

/* A row of the list of all events has its event's menu, the chart's: a
 * right click on it, or the Menu key on it, selects the event and opens
 * the menu at the row. */
static void
test_list_menu (void)
{
  EntenteWindow *window = new_window ();
  EntenteEventList *list = entente_window_get_event_list (window);
  EntenteTimelineView *view = entente_window_get_view (window);
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  GtkWidget *list_view, *row = NULL, *other = NULL;
  GtkGesture *gesture = NULL;
  graphene_point_t at;
  GdkRectangle pointing;
  graphene_rect_t bounds;
  int event, other_event;

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (list))), GTK_WIDGET (list));
  run_frames (200);
  list_view = find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  collect_widgets (list_view, GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    if (g_object_get_data (boxes->pdata[i], "entente-event") != NULL && gtk_widget_get_mapped (boxes->pdata[i]))
      {
        if (row == NULL)
          row = boxes->pdata[i];
        else if (other == NULL)
          other = boxes->pdata[i];
      }
  g_assert_nonnull (row);
  g_assert_nonnull (other);
  event = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "entente-event")) - 1;
  other_event = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (other), "entente-event")) - 1;

  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list_view);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller) &&
            gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
          gesture = GTK_GESTURE (controller);
      }
  }
  g_assert_nonnull (gesture);

  /* A right click in the middle of the row's title. */
  g_assert_true (gtk_widget_compute_point (row, list_view, &GRAPHENE_POINT_INIT (30, 8), &at));
  g_signal_emit_by_name (gesture, "pressed", 1, (double) at.x, (double) at.y);
  run_frames (50);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, event);
  g_assert_cmpint (entente_event_list_get_selected_event (list), ==, event);
  g_assert_nonnull (open_menu (view));
  g_assert_true (gtk_popover_get_pointing_to (open_menu (view), &pointing));
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (view), &bounds));
  g_assert_cmpint (pointing.x, ==, (int) bounds.origin.x);
  g_assert_cmpint (pointing.y, ==, (int) bounds.origin.y);
  g_assert_true (menu_item_sensitive (view, "Zoom to Event"));
  gtk_popover_popdown (open_menu (view));

  /* The Menu key, with another row in focus. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (other)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "events.show-menu", NULL));
  run_frames (50);
  g_assert_cmpint (entente_timeline_view_get_selected_event (view), ==, other_event);
  g_assert_nonnull (open_menu (view));
  gtk_popover_popdown (open_menu (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each row of the list of all events begins with its event's marker, as
 * the chart draws it, which screen readers pass over; so does the line
 * in the panel that names a selected event's category. */
static void
test_list_markers (void)
{
  EntenteWindow *window = new_window ();
  EntenteEventList *list = entente_window_get_event_list (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  GHashTable *categories = g_hash_table_new (NULL, NULL);
  guint n_spans = 0;

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (list))), GTK_WIDGET (list));
  run_frames (200);
  collect_widgets (GTK_WIDGET (list), ENTENTE_TYPE_MARKER, markers);
  g_assert_cmpuint (markers->len, >=, 8);
  for (guint i = 0; i < markers->len; i++)
    {
      GtkWidget *marker = markers->pdata[i];
      gpointer data = g_object_get_data (G_OBJECT (gtk_widget_get_parent (marker)), "entente-event");
      const EntenteEvent *event;

      if (!gtk_widget_get_mapped (marker))
        continue;
      g_assert_nonnull (data);
      event = entente_dataset_get_event (dataset, GPOINTER_TO_UINT (data) - 1);
      g_assert_cmpint (entente_marker_get_category (ENTENTE_MARKER (marker)), ==, event->category);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (marker)), ==,
                       GTK_ACCESSIBLE_ROLE_PRESENTATION);
      g_hash_table_add (categories, GINT_TO_POINTER (event->category + 1));

      /* Under the title, the dates (both ends of a span) and the
       * category. */
      {
        GtkWidget *box = gtk_widget_get_next_sibling (marker);
        GtkWidget *detail = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
        g_autofree char *dates = event_dates (event);
        g_autofree char *text = g_strdup_printf ("%s · %s", dates,
                                                 entente_dataset_get_category_label (dataset, event->category));

        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, text);
        n_spans += event->is_span;
      }
    }
  /* The rows at the top of the bundled dataset are of several kinds,
   * spans among them. */
  g_assert_cmpuint (g_hash_table_size (categories), >=, 4);
  g_assert_cmpuint (n_spans, >, 0);
  g_hash_table_unref (categories);

  {
    EntenteTimelineView *view = entente_window_get_view (window);
    EntenteSourcePanel *panel = entente_window_get_panel (window);
    GtkWidget *marker = find_widget (GTK_WIDGET (panel), ENTENTE_TYPE_MARKER);

    g_assert_nonnull (marker);
    for (guint i = 0; i < 3; i++)
      {
        entente_timeline_view_select_event (view, 10 * i + 2);
        g_assert_true (gtk_widget_get_visible (marker));
        g_assert_cmpint (entente_marker_get_category (ENTENTE_MARKER (marker)), ==,
                         entente_dataset_get_event (dataset, 10 * i + 2)->category);
      }
    /* A period has no marker: its kind is a band's colour. */
    entente_timeline_view_select_period (view, 0);
    g_assert_false (gtk_widget_get_visible (marker));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hiding a category leaves the list of all events where it was: the row
 * at its top stays there, or when that row's own category goes, the
 * first row after it that stays. */
static void
test_list_keeps_place (void)
{
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  EntenteEventList *list = entente_window_get_event_list (window);
  EntenteDataset *dataset = entente_window_get_dataset (window);
  GtkWidget *list_view = find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  int top, expected = -1;
  guint other = G_MAXUINT, n = entente_dataset_get_n_events (dataset);

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (list))), GTK_WIDGET (list));
  run_frames (200);
  g_assert_cmpint (entente_event_list_get_top_event (list), ==, 0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  run_frames (200);
  top = entente_event_list_get_top_event (list);
  g_assert_cmpint (top, >, 10);

  /* A category of some event above the top row, not the top row's own:
   * rows go from above it. */
  for (int i = 0; i < top && other == G_MAXUINT; i++)
    {
      int category = entente_dataset_get_event (dataset, i)->category;

      if (category >= 0 && category != entente_dataset_get_event (dataset, top)->category)
        other = category;
    }
  g_assert_cmpuint (other, !=, G_MAXUINT);
  entente_timeline_view_set_category_hidden (view, other, TRUE);
  run_frames (200);
  g_assert_cmpuint (entente_event_list_get_n_rows (list), <, n);
  g_assert_cmpint (entente_event_list_get_top_event (list), ==, top);

  /* The top row's own category: the next row that stays takes its place. */
  for (guint i = top + 1; i < n && expected < 0; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      if (event->category != entente_dataset_get_event (dataset, top)->category &&
          event->category != (int) other)
        expected = i;
    }
  entente_timeline_view_set_category_hidden (view, entente_dataset_get_event (dataset, top)->category, TRUE);
  run_frames (200);
  g_assert_cmpint (entente_event_list_get_top_event (list), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bar of the histogram says how many events it stands for, whose
 * and when, and opening it zooms in on its days. */
static void
test_volume_bar (void)
{
  g_autofree char *json = entente_test_many_events_json (20000, 1914, "Aland", "Borduria");
  g_autoptr(GFile) file = write_file ("many.json", json);
  EntenteWindow *window = new_window ();
  EntenteTimelineView *view = entente_window_get_view (window);
  TitleWait wait = { window, "Many" };
  const EntenteVolume *volume;
  guint n, tallest = 0;
  double from, to, column_from, column_to;

  /* Opened as a user would, so that the window searches it. */
  entente_window_open_file (window, file);
  spin_until (title_is, &wait, 20000);
  entente_timeline_view_zoom_to_fit (view);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  volume = entente_layout_get_volume (entente_timeline_view_get_layout (view), &n, NULL);
  g_assert_nonnull (volume);
  for (guint i = 1; i < n; i++)
    if (volume[i].below.height > volume[tallest].below.height)
      tallest = i;

  {
    const EntenteRect *bar = &volume[tallest].below;
    g_autofree char *count = entente_format_count (volume[tallest].count[ENTENTE_SIDE_BELOW]);
    g_autofree char *days = entente_format_days (volume[tallest].from_day, volume[tallest].to_day);
    g_autofree char *tooltip = entente_timeline_view_get_tooltip_text_at (view, bar->x + bar->width / 2,
                                                                         bar->y + bar->height / 2);

    g_assert_nonnull (tooltip);
    g_assert_true (g_str_has_prefix (tooltip, count));
    g_assert_nonnull (strstr (tooltip, "Borduria"));
    g_assert_null (strstr (tooltip, "Aland"));
    g_assert_nonnull (strstr (tooltip, days));
  }

  /* A search: the bar also says how many of its events match. */
  search_and_wait (window, "Event 1");
  volume = entente_layout_get_volume (entente_timeline_view_get_layout (view), &n, NULL);
  g_assert_nonnull (volume);
  {
    const EntenteRect *bar = &volume[tallest].below;
    guint matched = volume[tallest].matched[ENTENTE_SIDE_BELOW];
    g_autofree char *count = entente_format_count (matched);
    g_autofree char *line = g_strdup_printf ("\n%s of them match", count);
    g_autofree char *tooltip = entente_timeline_view_get_tooltip_text_at (view, bar->x + bar->width / 2,
                                                                         bar->y + bar->height / 2);

    g_assert_cmpuint (matched, >, 1);
    g_assert_cmpuint (matched, <, volume[tallest].count[ENTENTE_SIDE_BELOW]);
    g_assert_nonnull (tooltip);
    g_assert_nonnull (strstr (tooltip, line));
  }

  /* The layout, and its histogram, go with the zoom. */
  column_from = volume[tallest].from_day;
  column_to = volume[tallest].to_day;
  entente_timeline_view_open_volume (view, tallest);
  entente_timeline_view_get_range (view, &from, &to);
  g_assert_cmpfloat (from, <=, column_from);
  g_assert_cmpfloat (to, >=, column_to);
  g_assert_cmpfloat (to - from, <, 2 * (column_to - column_from));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_file (file);
}

/* Icon-only buttons say what they do, to the eye and to a screen reader. */
static void
test_icon_buttons_labelled (void)
{
  EntenteWindow *window = new_window ();
  guint n_checked = 0;

  /* With an event selected, so that the excerpts' buttons exist. */
  entente_timeline_view_select_event (entente_window_get_view (window), 0);
  check_icon_buttons (GTK_WIDGET (window), &n_checked);
  /* Open, export, menu, panel, search, previous, next, copy. */
  g_assert_cmpuint (n_checked, >=, 8);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  set_up_stand_in ();
  /* Without a display there is nothing to test: say so with meson's
   * "skipped" status. The README's test command provides one. */
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  g_test_init (&argc, &argv, NULL);

  /* Moves happen at once, so that a test sees where they end. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/opens-bundled", test_opens_bundled);
  g_test_add_func ("/window/app-icon-found", test_app_icon_found);
  g_test_add_func ("/window/next-and-previous", test_next_and_previous);
  g_test_add_func ("/window/next-period", test_next_period);
  g_test_add_func ("/window/next-from-view", test_next_from_view);
  g_test_add_func ("/window/reveal-span", test_reveal_span);
  g_test_add_func ("/window/help", test_help);
  g_test_add_func ("/window/open-source", test_open_source);
  g_test_add_func ("/window/keyboard-pans", test_keyboard_pans);
  g_test_add_func ("/window/kinetic-panning", test_kinetic_panning);
  g_test_add_func ("/window/drag-keeps-lanes", test_drag_keeps_lanes);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/match-keys", test_match_keys);
  g_test_add_func ("/window/search-while-typing", test_search_while_typing);
  g_test_add_func ("/window/search-narrows-as-typed", test_search_narrows_as_typed);
  g_test_add_func ("/window/open-invalid-keeps-dataset", test_open_invalid_keeps_dataset);
  g_test_add_func ("/window/problems-listed", test_problems_listed);
  g_test_add_func ("/window/reload-on-change", test_reload_on_change);
  g_test_add_func ("/window/reload", test_reload);
  g_test_add_func ("/window/widget-pixels-equal-export", test_widget_pixels_equal_export);
  g_test_add_func ("/window/export-dialog", test_export_dialog);
  g_test_add_func ("/window/export-dialog-selection", test_export_dialog_selection);
  g_test_add_func ("/window/recent-files-menu", test_recent_files_menu);
  g_test_add_func ("/window/open-starts-beside", test_open_starts_beside);
  g_test_add_func ("/window/save-copy", test_save_copy);
  g_test_add_func ("/window/window-state-kept", test_window_state_kept);
  g_test_add_func ("/window/overview-strip", test_overview_strip);
  g_test_add_func ("/window/export-dialog-enter", test_export_dialog_enter);
  g_test_add_func ("/window/export-dialog-remembers", test_export_dialog_remembers);
  g_test_add_func ("/window/export-dialog-dates", test_export_dialog_dates);
  g_test_add_func ("/window/follows-system-style", test_follows_system_style);
  g_test_add_func ("/window/follows-large-text", test_follows_large_text);
  g_test_add_func ("/window/zoom-from-anywhere", test_zoom_from_anywhere);
  g_test_add_func ("/window/print", test_print);
  g_test_add_func ("/window/drop-opens", test_drop_opens);
  g_test_add_func ("/window/export-dialog-accessible", test_export_dialog_accessible);
  g_test_add_func ("/window/search-count-described", test_search_count_described);
  g_test_add_func ("/window/panel-marks-search", test_panel_marks_search);
  g_test_add_func ("/window/event-list-in-sync", test_event_list_in_sync);
  g_test_add_func ("/window/list-markers", test_list_markers);
  g_test_add_func ("/window/list-menu", test_list_menu);
  g_test_add_func ("/window/accessible-selection", test_accessible_selection);
  g_test_add_func ("/window/untrusted-text", test_untrusted_text);
  g_test_add_func ("/window/tooltip-wraps", test_tooltip_wraps);
  g_test_add_func ("/window/all-sources", test_all_sources);
  g_test_add_func ("/window/all-sources-follow-reload", test_all_sources_follow_reload);
  g_test_add_func ("/window/all-sources-search", test_all_sources_search);
  g_test_add_func ("/window/all-sources-find", test_all_sources_find);
  g_test_add_func ("/window/only-web-urls-open", test_only_web_urls_open);
  g_test_add_func ("/window/copy-quotation", test_copy_quotation);
  g_test_add_func ("/window/period-events", test_period_events);
  g_test_add_func ("/window/copy-chart", test_copy_chart);
  g_test_add_func ("/window/context-menu", test_context_menu);
  g_test_add_func ("/window/go-to-date", test_go_to_date);
  g_test_add_func ("/window/icon-buttons-labelled", test_icon_buttons_labelled);
  g_test_add_func ("/window/legend-toggles-category", test_legend_toggles_category);
  g_test_add_func ("/window/selection-revealed", test_selection_revealed);
  g_test_add_func ("/window/selection-revealed-in-crowd", test_selection_revealed_in_crowd);
  g_test_add_func ("/window/selection-keeps-layout", test_selection_keeps_layout);
  g_test_add_func ("/window/launch-with-file", test_launch_with_file);
  g_test_add_func ("/window/new-window", test_new_window);
  g_test_add_func ("/window/open-from-outside", test_open_from_outside);
  g_test_add_func ("/window/load-shows-progress", test_load_shows_progress);
  g_test_add_func ("/window/volume-bar", test_volume_bar);
  g_test_add_func ("/window/list-keeps-place", test_list_keeps_place);
  g_test_add_func ("/event-model/told-in-steps", test_model_told_in_steps);
  g_test_add_func ("/window/cluster-opens-within-view", test_cluster_opens_within_view);
  g_test_add_func ("/window/random-use", test_random_use);

  status = g_test_run ();
  remove_stand_in ();
  return status;
}
