/* entente-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "entente-application.h"
#include "entente-date.h"
#include "entente-event-list.h"
#include "entente-export-dialog.h"
#include "entente-go-to-date.h"
#include "entente-overview.h"
#include "entente-print.h"
#include "entente-search.h"
#include "entente-source-panel.h"
#include "entente-sources-window.h"
#include "entente-text.h"
#include "entente-timeline-view.h"
#include "entente-window.h"

#define MAX_RECENT_FILES   8
#define MIN_PANEL_WIDTH    280
/* Folded over a phone-sized window, the panel must fit in 360 pixels. */
#define FOLDED_PANEL_WIDTH 320
#define RELOAD_DELAY_MS    300
/* A load that takes longer than this says so, with a way to give up. */
#define PROGRESS_DELAY_MS  400
/* How often the progress shown follows the load's. */
#define PROGRESS_POLL_MS   100

struct _EntenteWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *match_label;
  GtkStack            *main_stack;
  AdwStatusPage       *status_page;
  AdwStatusPage       *loading_page;
  GtkProgressBar      *loading_bar;
  GtkBox              *problems_box;  /* under the page of a failed open */
  GtkWidget           *format_help_button;
  AdwFlap             *flap;
  EntenteTimelineView *view;
  EntenteOverview     *overview;
  EntenteSourcePanel  *panel;
  EntenteEventList    *event_list;
  GtkWidget           *side_box;
  GtkStack            *side_stack;
  GtkWidget           *panel_handle;
  GtkToggleButton     *panel_button;
  GtkToggleButton     *search_button;
  GMenu               *recent_section;

  /* Owned references */
  EntenteDataset      *dataset;
  GFile               *file;        /* NULL for the bundled dataset */
  EntenteSourcesWindow *sources_window; /* weak: All Sources, while open */
  GFileMonitor        *monitor;
  GSettings           *settings;    /* NULL when the schema is not installed */
  GCancellable        *load_cancellable;
  GCancellable        *search_cancellable;  /* while a search runs */
  GFile               *loading;     /* the file being loaded */
  AdwToast            *load_toast;  /* while a slow load is under way */
  GtkProgressBar      *toast_bar;   /* in load_toast, which the user may
                                     * dismiss */
  gint                *load_done;   /* thousandths, set by the load's
                                     * thread; an atomic rc box */
  char                *last_error;
  GtkPrintSettings    *print_settings; /* the printer and paper chosen last */
  char                *search_text;  /* what the matches shown are of */
  /* The matches shown (gboolean, one per event), shared with the view,
   * and their text: typing on searches within them. Forgotten with the
   * dataset. */
  GBytes              *found;
  char                *found_text;

  guint                reload_id;
  guint                progress_id;
  guint                poll_id;
  guint                searching_id;
  int                  pending_step;      /* Enter pressed while searching */
  gboolean             skip_bundled;      /* a file was opened, or the
                                           * window has shown */
  int                  panel_width;       /* as the user set it */
  int                  panel_drag_width;
};

G_DEFINE_FINAL_TYPE (EntenteWindow, entente_window, ADW_TYPE_APPLICATION_WINDOW)

/* Titles and pages */

static void
update_titles (EntenteWindow *self)
{
  g_autofree char *subtitle = NULL;
  const char *title = self->dataset ? entente_dataset_get_title (self->dataset) : _("Entente");

  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else if (self->dataset != NULL)
    subtitle = g_strdup (_("Bundled dataset"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* How many problems a dialog lists: a file can have one for each of a
 * million events, more than a dialog can lay out in any time. */
#define MAX_PROBLEMS_LISTED 200

/* A label in a list of problems: plain text, as everything from a
 * dataset, to be read or copied. */
static GtkWidget *
problem_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* A file's problems, as entente --check prints them, each without the
 * file's path, which whatever shows them names: in problems. */
static void
split_problems (GFile      *file,
                const char *message,
                GStrv      *lines,
                GPtrArray  *problems)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *prefix = path != NULL ? g_strconcat (path, ": ", NULL) : NULL;

  *lines = g_strsplit (message, "\n", -1);
  for (guint i = 0; (*lines)[i] != NULL; i++)
    {
      const char *line = (*lines)[i];

      if (*line == '\0')
        continue;
      if (prefix != NULL && g_str_has_prefix (line, prefix))
        line += strlen (prefix);
      g_ptr_array_add (problems, (gpointer) line);
    }
}

/* Problems listed, the first MAX_PROBLEMS_LISTED, left-aligned, to be
 * read or copied, in a box that scrolls past 280 px: as a dialog's body,
 * hundreds made it taller than the screen, with its button out of
 * reach. */
static GtkWidget *
problems_list (GPtrArray *problems)
{
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  for (guint i = 0; i < MIN (problems->len, MAX_PROBLEMS_LISTED); i++)
    gtk_box_append (GTK_BOX (list), problem_label (problems->pdata[i]));
  if (problems->len > MAX_PROBLEMS_LISTED)
    {
      guint more = problems->len - MAX_PROBLEMS_LISTED;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more: entente --check lists them all.",
                                                            "And %u more: entente --check lists them all.",
                                                            more),
                                               more);
      GtkWidget *label = problem_label (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (list), label);
    }
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 10);
  gtk_widget_set_margin_bottom (list, 10);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  /* Wide enough that most problems take a line each. */
  gtk_widget_set_size_request (scrolled, 480, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

/* What a dialog's body or a page's description says of the problems:
 * the one itself (the message, when it has no lines), or how many. */
static char *
problems_summary (GPtrArray  *problems,
                  const char *message)
{
  if (problems->len == 0)
    return g_strdup (message);
  if (problems->len == 1)
    return g_strdup (problems->pdata[0]);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u problem was found in it.",
                                       "%u problems were found in it.", problems->len),
                          problems->len);
}

/* Most problems are a member or a date written otherwise than the format
 * says: its page in the help has every one. */
static void
format_help_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  entente_show_help (GTK_WINDOW (widget), "format");
}

static void
show_format_help (EntenteWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.format-help", NULL);
}

/* The problems a file was found to have: the one, as the dialog's
 * message, or their count, with them listed under it. */
static void
show_problems (EntenteWindow *self,
               GFile         *file,
               const char    *message)
{
  g_autofree char *name = g_file_get_basename (file);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  split_problems (file, message, &lines, problems);
  body = problems_summary (problems, message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, body));
  if (problems->len > 1)
    adw_message_dialog_set_extra_child (dialog, problems_list (problems));
  adw_message_dialog_format_heading (dialog, _("“%s” Could Not Be Opened"), name);
  adw_message_dialog_add_response (dialog, "format", _("Dataset _Format"));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  g_signal_connect_swapped (dialog, "response::format", G_CALLBACK (show_format_help), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* With no dataset to go back to, the problems on the page itself: the
 * one as its description, or their count and their list, above the
 * button that opens another file. file is NULL for the bundled dataset. */
static void
show_problems_on_page (EntenteWindow *self,
                       GFile         *file,
                       const char    *message)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *child;

  split_problems (file, message, &lines, problems);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      title = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
    }
  else
    title = g_strdup (_("The Dataset Could Not Be Opened"));
  description = problems_summary (problems, message);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_box))) != NULL)
    gtk_box_remove (self->problems_box, child);
  if (problems->len > 1)
    gtk_box_append (self->problems_box, problems_list (problems));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), problems->len > 1);
  gtk_widget_set_visible (self->format_help_button, TRUE);

  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, title);
  /* The page takes its description for markup; the problems quote the
   * file. */
  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

static void
show_load_error (EntenteWindow *self,
                 GFile         *file,
                 const GError  *error)
{
  g_free (self->last_error);
  self->last_error = g_strdup (error->message);

  if (self->dataset == NULL)
    {
      /* Nothing else to show: the page itself explains. */
      show_problems_on_page (self, file, error->message);
      return;
    }

  /* The dataset on screen stays. */
  show_problems (self, file, error->message);
}

/* Search */

/* A search that takes longer than this says so. */
#define SEARCHING_DELAY_MS 200

static void
show_match_count (EntenteWindow *self,
                  guint          found)
{
  g_autofree char *count = NULL;

  if (found == 0)
    count = g_strdup (_("No matches"));
  else
    {
      g_autofree char *number = entente_format_count (found);

      /* TRANSLATORS: %s is a number, written with the locale's digit
       * grouping, e.g. "23 244" */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s match", "%s matches", found), number);
    }
  gtk_label_set_text (self->match_label, count);
}

static gboolean
searching_cb (gpointer user_data)
{
  EntenteWindow *self = user_data;

  self->searching_id = 0;
  gtk_label_set_text (self->match_label, _("Searching…"));
  return G_SOURCE_REMOVE;
}

static void
stop_search (EntenteWindow *self)
{
  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->searching_id, g_source_remove);
  self->pending_step = 0;
}

typedef struct {
  EntenteDataset *dataset;
  char           *text;
  GBytes         *within;  /* or NULL */
  guint           found;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_object_unref (data->dataset);
  g_free (data->text);
  g_clear_pointer (&data->within, g_bytes_unref);
  g_free (data);
}

static void
forget_found (EntenteWindow *self)
{
  g_clear_pointer (&self->found, g_bytes_unref);
  g_clear_pointer (&self->found_text, g_free);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  const gboolean *within = data->within != NULL ? g_bytes_get_data (data->within, NULL) : NULL;
  gboolean *matches = entente_search_events (data->dataset, data->text, within, cancellable, &data->found);

  if (matches == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Search cancelled");
  else
    g_task_return_pointer (task, matches, g_free);
}

static void
search_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EntenteWindow *self = ENTENTE_WINDOW (source_object);
  SearchData *data = g_task_get_task_data (G_TASK (result));
  g_autofree gboolean *matches = g_task_propagate_pointer (G_TASK (result), NULL);
  int step;

  /* A newer search, or none, has taken this one's place. */
  if (matches == NULL || g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    return;
  step = self->pending_step;
  stop_search (self);
  forget_found (self);
  self->found = g_bytes_new_take (g_steal_pointer (&matches),
                                  sizeof (gboolean) * entente_dataset_get_n_events (data->dataset));
  self->found_text = g_strdup (data->text);
  entente_timeline_view_set_matches (self->view, self->found);
  /* What is marked in the panel is what was looked for, not the source
   * it kept to. */
  {
    int source;

    entente_source_panel_set_highlight (self->panel, entente_search_split (data->dataset, self->found_text, &source));
  }
  show_match_count (self, data->found);
  if (step != 0)
    entente_timeline_view_select_next (self->view, step);
}

/* Searching a million events takes over a tenth of a second: it runs
 * on a thread, and each change of the text gives up the search before. */
static void
update_search (EntenteWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  if (self->dataset == NULL || text == NULL || *text == '\0' ||
      !gtk_search_bar_get_search_mode (self->search_bar))
    {
      stop_search (self);
      g_clear_pointer (&self->search_text, g_free);
      forget_found (self);
      entente_timeline_view_set_matches (self->view, NULL);
      entente_source_panel_set_highlight (self->panel, NULL);
      gtk_label_set_text (self->match_label, "");
      return;
    }
  /* The entry tells of a text set from code once more, a moment later. */
  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  stop_search (self);
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  self->search_cancellable = g_cancellable_new ();
  data = g_new0 (SearchData, 1);
  data->dataset = g_object_ref (self->dataset);
  data->text = g_strdup (text);
  /* Typing on narrows the search down: "Mao" is looked for among the
   * matches of "Ma", a fraction of a million events. */
  if (self->found != NULL && entente_search_narrows (self->dataset, text, self->found_text))
    data->within = g_bytes_ref (self->found);
  task = g_task_new (self, self->search_cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, update_search);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
  self->searching_id = g_timeout_add (SEARCHING_DELAY_MS, searching_cb, self);
}

gboolean
entente_window_is_searching (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);
  return self->search_cancellable != NULL;
}

static void
search_changed_cb (EntenteWindow *self)
{
  update_search (self);
}

/* Enter while a search runs goes to the first of its matches once they
 * are known, not to one of the last search's. */
static void
step_match (EntenteWindow *self,
            int            step)
{
  if (self->search_cancellable != NULL)
    self->pending_step = step;
  else
    entente_timeline_view_select_next (self->view, step);
}

static void
search_activate_cb (EntenteWindow *self)
{
  step_match (self, 1);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       EntenteWindow         *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      step_match (self, -1);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Selection and the panel */

/* The events of the period selected that the chart shows, for the panel
 * to list: those that begin within it. */
static void
list_period_events (EntenteWindow *self)
{
  int period = entente_timeline_view_get_selected_period (self->view);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (guint));
  const EntentePeriod *p;
  guint first, end;

  if (period < 0 || self->dataset == NULL)
    return;
  p = entente_dataset_get_period (self->dataset, period);
  first = entente_dataset_lower_bound (self->dataset, entente_date_start_day (&p->start));
  end = entente_dataset_lower_bound (self->dataset, entente_date_end_day (&p->end));
  for (guint i = first; i < end; i++)
    if (entente_timeline_view_is_shown (self->view, i))
      g_array_append_val (events, i);
  entente_source_panel_set_period_events (self->panel, self->dataset, (const guint *) events->data, events->len);
}

static void
selection_changed_cb (EntenteWindow *self)
{
  int event = entente_timeline_view_get_selected_event (self->view);
  int period = entente_timeline_view_get_selected_period (self->view);

  if (event >= 0)
    entente_source_panel_show_event (self->panel, self->dataset, event);
  else if (period >= 0)
    {
      entente_source_panel_show_period (self->panel, self->dataset, period);
      list_period_events (self);
    }
  else
    {
      entente_source_panel_clear (self->panel);
      return;
    }

  /* On a narrow window the panel lies over the chart; bring it out when
   * there is something to read. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* Loading */

/* The recent files with path first, or without it: the newest first,
 * MAX_RECENT_FILES at most. */
static void
set_recent (EntenteWindow *self,
            const char    *path,
            gboolean       first)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 0;

  if (first)
    {
      g_strv_builder_add (builder, path);
      n++;
    }
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
}

static void
remember_file (EntenteWindow *self,
               GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (self->settings == NULL || path == NULL)
    return;
  set_recent (self, path, TRUE);
  g_settings_set_string (self->settings, "last-file", path);
}

/* A recent file's menu label: its name, and where two files share a
 * name, the folder it is in too (the home folder written "~"). Menus
 * take an underscore for a mnemonic, so the file's own are kept as written. */
static char *
recent_label (const char * const *recent,
              guint               index)
{
  g_autofree char *name = g_path_get_basename (recent[index]);
  g_autofree char *label = NULL;

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *other = g_path_get_basename (recent[i]);

      if (i != index && g_str_equal (other, name))
        {
          g_autofree char *folder = g_path_get_dirname (recent[index]);
          const char *home = g_get_home_dir ();
          size_t home_length = strlen (home);
          g_autofree char *shown = NULL;

          if (home_length > 1 && g_str_has_prefix (folder, home) &&
              (folder[home_length] == '\0' || folder[home_length] == G_DIR_SEPARATOR))
            shown = g_strconcat ("~", folder + home_length, NULL);
          /* TRANSLATORS: a recent file's name, then the folder it is in */
          label = g_strdup_printf (_("%s — %s"), name, shown != NULL ? shown : folder);
          break;
        }
    }
  return entente_menu_label_plain (label != NULL ? label : name);
}

/* Takes a file that is no longer there off the recent files. */
static void
forget_file (EntenteWindow *self,
             const char    *path)
{
  if (self->settings != NULL)
    set_recent (self, path, FALSE);
}

static void
update_recent_menu (EntenteWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_section);
  recent = self->settings != NULL ? g_settings_get_strv (self->settings, "recent-files") : g_new0 (char *, 1);
  /* Said, rather than an empty page opening from the menu: dimmed, by an
   * action never enabled. */
  if (recent[0] == NULL)
    g_menu_append (self->recent_section, _("No Recent Datasets"), "win.no-recent");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = recent_label ((const char * const *) recent, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

static void file_changed_cb (GFileMonitor      *monitor,
                             GFile             *file,
                             GFile             *other,
                             GFileMonitorEvent  event,
                             EntenteWindow     *self);

static void
watch_file (EntenteWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching for changes: %s", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

/* Puts a dataset on screen. When it replaces the same file after an edit,
 * the view and the selection stay where the author left them. */
/* What acts on the dataset shown is insensitive until there is one. */
static void
enable_dataset_actions (EntenteWindow *self)
{
  static const char *const actions[] = {
    "win.export", "win.print", "win.save-copy", "win.copy-chart", "win.go-to-date", "win.sources",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->dataset != NULL);
  /* The bundled dataset has no file to read again. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->file != NULL);
}

static void
set_dataset (EntenteWindow  *self,
             EntenteDataset *dataset,
             GFile          *file,
             gboolean        keep_view)
{
  g_autofree char *selected_id = NULL;
  double from = 0, to = 0;
  int selected = entente_timeline_view_get_selected_event (self->view);

  if (keep_view && self->dataset != NULL)
    {
      entente_timeline_view_get_range (self->view, &from, &to);
      if (selected >= 0)
        selected_id = g_strdup (entente_dataset_get_event (self->dataset, selected)->id);
    }

  g_set_object (&self->dataset, dataset);
  if (file != self->file)
    {
      g_set_object (&self->file, file);
      watch_file (self);
    }

  entente_timeline_view_set_dataset (self->view, dataset);
  /* Its list of sources names the events it shows, by their places. */
  if (self->sources_window != NULL)
    entente_sources_window_set_dataset (self->sources_window, dataset);
  if (keep_view && to > from)
    {
      entente_timeline_view_set_range (self->view, from, to, FALSE);
      for (guint i = 0; selected_id != NULL && i < entente_dataset_get_n_events (dataset); i++)
        if (g_str_equal (entente_dataset_get_event (dataset, i)->id, selected_id))
          {
            entente_timeline_view_select_event (self->view, i);
            break;
          }
    }

  g_clear_pointer (&self->last_error, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), FALSE);
  gtk_widget_set_visible (self->format_help_button, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "timeline");
  update_titles (self);
  /* The new dataset is searched afresh, even for the same text. */
  g_clear_pointer (&self->search_text, g_free);
  forget_found (self);
  update_search (self);
  enable_dataset_actions (self);
}

typedef struct {
  GFile   *file;
  gboolean reload;
  gint    *done;   /* shared with the window */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_atomic_rc_box_release (data->done);
  g_free (data);
}

/* On the load's thread: the window reads it when it next looks. */
static void
load_progress_cb (double   done,
                  gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, (gint) (done * 1000));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  g_autoptr(GError) error = NULL;
  EntenteDataset *dataset;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only local files can be opened"));
      return;
    }

  dataset = entente_dataset_new_from_file_full (path, cancellable, load_progress_cb, data->done,
                                                NULL, &error);
  if (dataset == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static char *
opening_text (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  /* TRANSLATORS: while a dataset loads; %s is its file name */
  return g_strdup_printf (_("Opening “%s”…"), name);
}

/* The share of the load done, as its thread last told it. */
static double
loaded_share (EntenteWindow *self)
{
  return self->load_done != NULL ? g_atomic_int_get (self->load_done) / 1000.0 : 0;
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  EntenteWindow *self = user_data;
  double done = loaded_share (self);

  gtk_progress_bar_set_fraction (self->loading_bar, done);
  if (self->toast_bar != NULL)
    gtk_progress_bar_set_fraction (self->toast_bar, done);
  return G_SOURCE_CONTINUE;
}

/* Loading a large dataset takes seconds, on a thread: the window stays
 * usable, and a toast says what is going on, how far it is, and offers
 * to give up. */
static void
show_progress_cb (gpointer user_data)
{
  EntenteWindow *self = user_data;
  g_autofree char *text = NULL;
  GtkWidget *box, *bar, *label;

  self->progress_id = 0;
  if (self->loading == NULL || self->load_toast != NULL)
    return;
  text = opening_text (self->loading);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  bar = gtk_progress_bar_new ();
  gtk_widget_set_size_request (bar, 64, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), loaded_share (self));
  self->toast_bar = GTK_PROGRESS_BAR (g_object_ref (bar));
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);

  self->load_toast = g_object_ref (entente_toast_new_plain (text));
  adw_toast_set_custom_title (self->load_toast, box);
  adw_toast_set_timeout (self->load_toast, 0);
  adw_toast_set_priority (self->load_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (self->load_toast, _("_Cancel"));
  adw_toast_set_action_name (self->load_toast, "win.cancel-load");
  adw_toast_overlay_add_toast (self->toast_overlay, self->load_toast);
}

static void
hide_progress (EntenteWindow *self)
{
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->load_done, g_atomic_rc_box_release);
  g_clear_object (&self->toast_bar);
  if (self->load_toast != NULL)
    {
      adw_toast_dismiss (self->load_toast);
      g_clear_object (&self->load_toast);
    }
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  /* Given up, or replaced by a newer load that has its own progress. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  hide_progress (self);

  if (dataset == NULL)
    {
      if (data->reload)
        {
          /* An author mid-edit: say so quietly and keep what is drawn. */
          g_autofree char *first_line = g_strndup (error->message, strcspn (error->message, "\n"));
          AdwToast *toast = entente_toast_new_plain (first_line);

          g_free (self->last_error);
          self->last_error = g_strdup (error->message);
          /* Details lists all of them, for an author with more than one
           * to mend. */
          adw_toast_set_action_name (toast, "win.show-problems");
          adw_toast_set_button_label (toast, _("_Details"));
          adw_toast_set_timeout (toast, 5);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      else
        show_load_error (self, data->file, error);
      return;
    }

  set_dataset (self, dataset, data->file, data->reload);
  if (!data->reload)
    remember_file (self, data->file);
}

static void
load_file (EntenteWindow *self,
           GFile         *file,
           gboolean       reload)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  /* A newer request wins over one still being read. */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->reload = reload;
  data->done = g_atomic_rc_box_new0 (gint);

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, load_file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);

  hide_progress (self);
  self->loading = g_object_ref (file);
  self->load_done = g_atomic_rc_box_acquire (data->done);
  self->poll_id = g_timeout_add (PROGRESS_POLL_MS, poll_progress_cb, self);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  self->skip_bundled = TRUE;
  /* With nothing on screen yet, the window itself says what it is
   * reading; over a dataset, a toast does once the load takes a while. */
  if (self->dataset == NULL)
    {
      g_autofree char *title = opening_text (file);

      adw_status_page_set_title (self->loading_page, title);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }
  else
    self->progress_id = g_timeout_add_once (PROGRESS_DELAY_MS, show_progress_cb, self);
}

void
entente_window_open_file (EntenteWindow *self,
                          GFile         *file)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load_file (self, file, FALSE);
}

gboolean
entente_window_is_loading (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

GFile *
entente_window_get_file (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
entente_window_has_file (EntenteWindow *self,
                         GFile         *file)
{
  GFile *wanted;

  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A file being read replaces the one shown, unless it cannot be read. */
  wanted = self->loading != NULL ? self->loading : self->file;
  return wanted != NULL && g_file_equal (wanted, file);
}

gboolean
entente_window_is_empty (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);

  /* Before it is first shown, a window without a file is about to show
   * the bundled dataset. */
  return self->dataset == NULL && self->loading == NULL && self->skip_bundled;
}

const char *
entente_window_get_last_error (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->last_error;
}

/* Reads the file shown again, keeping the view: now, not once a change
 * reported settles. */
static void
reload_now (EntenteWindow *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->file != NULL)
    load_file (self, self->file, TRUE);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  EntenteWindow *self = user_data;

  /* The source ends by returning, not by being removed. */
  self->reload_id = 0;
  reload_now (self);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 EntenteWindow     *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      /* Editors save in bursts of events; read once they settle. */
      g_clear_handle_id (&self->reload_id, g_source_remove);
      self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
      break;
    default:
      break;
    }
}

EntenteDataset *
entente_window_get_dataset (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->dataset;
}

EntenteTimelineView *
entente_window_get_view (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->view;
}

EntenteEventList *
entente_window_get_event_list (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->event_list;
}

EntenteSourcePanel *
entente_window_get_panel (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->panel;
}

void
entente_window_search (EntenteWindow *self,
                       const char    *text)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));

  /* Setting the text empties the entry first, which the entry reports
   * at once: not a search anyone asked for, and with a million events
   * it cost 20 ms to show every event again in the list. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  g_signal_handlers_block_by_func (self->search_bar, search_changed_cb, self);
  gtk_search_bar_set_search_mode (self->search_bar, text != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_bar, search_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  update_search (self);
}

/* Actions */

/* The file a chooser was answered with, or NULL; the chooser goes. */
static GFile *
take_chosen_file (GtkNativeDialog *dialog,
                  int              response)
{
  GFile *file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  return file;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  EntenteWindow   *self)
{
  g_autoptr(GFile) file = take_chosen_file (dialog, response);

  if (file != NULL)
    entente_window_open_file (self, file);
}

/* Where to look for a dataset: beside the one shown, or else beside the
 * one opened last, when its folder is still there. */
static GFile *
open_folder (EntenteWindow *self)
{
  g_autofree char *last = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->file != NULL)
    folder = g_file_get_parent (self->file);
  else if (self->settings != NULL)
    {
      last = g_settings_get_string (self->settings, "last-file");
      if (*last != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_path (last);

          folder = g_file_get_parent (file);
        }
    }
  if (folder == NULL || g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return NULL;
  return g_steal_pointer (&folder);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) folder = open_folder (self);

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Entente Datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Moved or deleted since: the load says so, and the menu no longer
   * offers it. */
  if (!g_file_query_exists (file, NULL))
    forget_file (ENTENTE_WINDOW (widget), path);
  entente_window_open_file (ENTENTE_WINDOW (widget), file);
}

/* The file of the dataset shown, as it is now. */
static GBytes *
shown_file_bytes (EntenteWindow  *self,
                  GError        **error)
{
  if (self->file != NULL)
    return g_file_load_bytes (self->file, NULL, NULL, error);
  return entente_dataset_get_bundled_bytes (error);
}

void
entente_window_save_copy_to (EntenteWindow *self,
                             GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  bytes = shown_file_bytes (self, &error);
  /* Written beside and renamed into place: never half a file. */
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      entente_show_failure (GTK_WINDOW (self), _("Saving Failed"), error->message);
      return;
    }
  name = g_file_get_basename (file);
  /* TRANSLATORS: %s is the name of the file written */
  text = g_strdup_printf (_("Saved “%s”"), name);
  entente_window_add_toast (self, entente_toast_new_plain (text));
}

static void
save_copy_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       EntenteWindow   *self)
{
  g_autoptr(GFile) file = take_chosen_file (dialog, response);

  if (file != NULL)
    entente_window_save_copy_to (self, file);
}

/* A copy of the dataset's file, or of the bundled dataset: a dataset of
 * one's own begins as a copy of one that works. */
static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = open_folder (self);
  g_autofree char *name = NULL;

  if (self->dataset == NULL)
    return;
  name = self->file != NULL ? g_file_get_basename (self->file)
                            : g_strdup (entente_dataset_get_bundled_name ());
  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (save_copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What the view shows, as exports, prints and copies take it; FALSE
 * while there is nothing to show. */
static gboolean
get_shown (EntenteWindow        *self,
           EntenteExportOptions *shown)
{
  if (self->dataset == NULL)
    return FALSE;
  entente_export_options_init (shown);
  entente_timeline_view_get_export_options (self->view, shown);
  return TRUE;
}

/* Read the file again now, as when it changes: for a change the system
 * did not report, as on some network folders. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload_now (ENTENTE_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  EntenteExportOptions shown;

  if (!get_shown (self, &shown))
    return;
  entente_export_dialog_present (GTK_WINDOW (self), self->dataset, &shown,
                                 entente_timeline_view_get_matches (self->view));
}

void
entente_show_failure (GtkWindow  *parent,
                      const char *heading,
                      const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  char *heading;
  char *hint;
} ShowUri;

static void
uri_shown_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShowUri *show = user_data;
  GtkWindow *parent = source != NULL ? GTK_WINDOW (source) : NULL;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (parent, result, &error))
    {
      /* TRANSLATORS: why an address could not be opened, then what
       * would help */
      g_autofree char *message = show->hint != NULL ? g_strdup_printf (_("%s. %s"), error->message, show->hint)
                                                    : g_strdup (error->message);

      entente_show_failure (parent, show->heading, message);
    }
  g_free (show->heading);
  g_free (show->hint);
  g_free (show);
}

void
entente_show_uri (GtkWindow  *parent,
                  const char *uri,
                  const char *heading,
                  const char *hint)
{
  ShowUri *show = g_new0 (ShowUri, 1);

  show->heading = g_strdup (heading);
  show->hint = g_strdup (hint);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, uri_shown_cb, show);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               EntenteWindow           *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      entente_show_failure (GTK_WINDOW (self), _("Printing Failed"), error != NULL ? error->message : NULL);
    }
}

/* The chart as shown, on one page; the print dialog stays open on its
 * own while the window goes on. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  EntenteExportOptions shown;

  if (!get_shown (self, &shown))
    return;
  operation = entente_print_operation_new (self->dataset, &shown,
                                           entente_timeline_view_get_matches (self->view));
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    entente_show_failure (GTK_WINDOW (self), _("Printing Failed"), error->message);
}

/* For a slide or a document: the view as it is, as an image, sharp at
 * twice its size on screen. */
#define COPY_SCALE 2

static void
copy_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  EntenteExportOptions shown;
  cairo_surface_t *image;

  if (!get_shown (self, &shown))
    return;
  shown.width = gtk_widget_get_width (GTK_WIDGET (self->view));
  shown.height = gtk_widget_get_height (GTK_WIDGET (self->view));
  shown.scale = COPY_SCALE;
  image = entente_export_to_image (self->dataset, &shown, &error);
  if (image == NULL)
    {
      entente_show_failure (GTK_WINDOW (self), _("Copying Failed"), error->message);
      return;
    }
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (image),
                                      (gsize) cairo_image_surface_get_stride (image) *
                                      cairo_image_surface_get_height (image),
                                      (GDestroyNotify) cairo_surface_destroy, image);
  /* Cairo's pixels are GDK's default layout: premultiplied, native. */
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (image), cairo_image_surface_get_height (image),
                                    GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (image));
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  entente_window_add_toast (self, entente_toast_new_plain (_("Chart copied")));
}

/* Ctrl+G and Ctrl+Shift+G step through the matches from anywhere in the
 * window, as Enter and Shift+Enter do in the search entry. */
static void
match_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    step_match (self, g_str_equal (action_name, "win.next-match") ? 1 : -1);
}

/* A row of the panel's list of a period's events. */
static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  entente_timeline_view_select_event (self->view, g_variant_get_int32 (parameter));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A search asked for from elsewhere (All Sources' Find on Chart): set
 * in the search bar, ready to step through or to be typed on after. */
static void
search_for_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (self->dataset == NULL)
    return;
  /* The search bar takes the focus as it opens. */
  entente_window_search (self, g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
next_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  entente_timeline_view_select_next (ENTENTE_WINDOW (widget)->view, 1);
}

static void
previous_event_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  entente_timeline_view_select_next (ENTENTE_WINDOW (widget)->view, -1);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  entente_timeline_view_zoom_to_fit (ENTENTE_WINDOW (widget)->view);
}

static void
go_to_date_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  entente_go_to_date (GTK_WINDOW (self), self->view);
}

static void
sources_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (self->dataset == NULL)
    return;
  if (self->sources_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->sources_window));
      return;
    }
  self->sources_window = entente_sources_window_present (GTK_WINDOW (self), self->dataset);
  g_object_add_weak_pointer (G_OBJECT (self->sources_window), (gpointer *) &self->sources_window);
}

/* The chart's own zoom, from wherever the focus is, as Ctrl+plus and
 * Ctrl+minus zoom in GNOME's applications. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->view),
                              g_str_equal (action_name, "win.zoom-in") ? "timeline.zoom-in" : "timeline.zoom-out",
                              NULL);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);

  entente_show_uri (GTK_WINDOW (widget), uri, heading, NULL);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (self->last_error != NULL && self->file != NULL)
    show_problems (self, self->file, self->last_error);
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  hide_progress (self);
  if (self->dataset == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               entente_toast_new_plain (g_variant_get_string (parameter, NULL)));
}

/* libadwaita before 1.4 takes every toast's title for markup, and
 * later ones do by default. File names and the loader's messages may
 * hold an ampersand or a bracket. */
AdwToast *
entente_toast_new_plain (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
entente_window_add_toast (EntenteWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Drag and drop */

/* A file dragged over the window: the whole of it is where to drop. */
static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               EntenteWindow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "dropping");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               EntenteWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "dropping");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EntenteWindow *self)
{
  GFile *file = g_value_get_object (value);

  drop_leave_cb (target, self);
  if (file == NULL)
    return FALSE;
  entente_window_open_file (self, file);
  return TRUE;
}

/* The panel's width */

static void
apply_panel_width (EntenteWindow *self)
{
  int width = self->panel_width;

  if (adw_flap_get_folded (self->flap))
    width = MIN (width, FOLDED_PANEL_WIDTH);
  gtk_widget_set_size_request (self->side_box, width, -1);
}

static void
handle_drag_begin_cb (GtkGestureDrag *gesture,
                      double          x,
                      double          y,
                      EntenteWindow  *self)
{
  self->panel_drag_width = self->panel_width;
}

static void
set_panel_width (EntenteWindow *self,
                 int            width)
{
  int window_width = gtk_widget_get_width (GTK_WIDGET (self));
  int max_width = MAX (MIN_PANEL_WIDTH, window_width - 360);

  self->panel_width = CLAMP (width, MIN_PANEL_WIDTH, max_width);
  apply_panel_width (self);
}

static void
handle_drag_update_cb (GtkGestureDrag *gesture,
                       double          dx,
                       double          dy,
                       EntenteWindow  *self)
{
  /* The panel is at the end: dragging its edge leftwards widens it. */
  set_panel_width (self, self->panel_drag_width - (int) dx);
}

/* Settings */

GSettings *
entente_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running uninstalled without the compiled schema is allowed. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
restore_settings (EntenteWindow *self)
{
  self->settings = entente_settings_new ();
  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  self->panel_width = MAX (MIN_PANEL_WIDTH, g_settings_get_int (self->settings, "panel-width"));
  apply_panel_width (self);
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "panel-visible"));

  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  EntenteWindow *self = ENTENTE_WINDOW (window);
  int width, height, panel_width;

  if (self->settings == NULL)
    return FALSE;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  panel_width = self->panel_width;
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "panel-width", panel_width);
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "panel-visible", adw_flap_get_reveal_flap (self->flap));
  g_settings_apply (self->settings);
  return FALSE;
}

/* GObject */

static void
entente_window_dispose (GObject *object)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  stop_search (self);
  hide_progress (self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_weak_pointer (&self->sources_window);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->print_settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_WINDOW);

  G_OBJECT_CLASS (entente_window_parent_class)->dispose (object);
}

static void
entente_window_finalize (GObject *object)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  g_free (self->last_error);
  g_free (self->search_text);
  forget_found (self);

  G_OBJECT_CLASS (entente_window_parent_class)->finalize (object);
}

static void
show_bundled (EntenteWindow *self)
{
  g_autoptr(EntenteDataset) bundled = NULL;
  g_autoptr(GError) error = NULL;

  bundled = entente_dataset_new_bundled (&error);
  if (bundled != NULL)
    set_dataset (self, bundled, NULL, FALSE);
  else
    show_problems_on_page (self, NULL, error->message);
}

/* The bundled dataset is shown when the window first appears, unless a
 * file was opened before then, as when Entente is launched with one:
 * the window then shows that file, or that it is being read, and never
 * the bundled dataset in its place. */
static void
entente_window_map (GtkWidget *widget)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  GTK_WIDGET_CLASS (entente_window_parent_class)->map (widget);
  if (self->dataset == NULL && !self->skip_bundled)
    show_bundled (self);
  self->skip_bundled = TRUE;
}

static void
entente_window_class_init (EntenteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_window_dispose;
  object_class->finalize = entente_window_finalize;
  widget_class->map = entente_window_map;

  g_type_ensure (ENTENTE_TYPE_TIMELINE_VIEW);
  g_type_ensure (ENTENTE_TYPE_OVERVIEW);
  g_type_ensure (ENTENTE_TYPE_SOURCE_PANEL);
  g_type_ensure (ENTENTE_TYPE_EVENT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, problems_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, format_help_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, view);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, panel);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, side_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, panel_handle);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.format-help", NULL, format_help_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_for_action);
  gtk_widget_class_install_action (widget_class, "win.select-event", "i", select_event_action);
  gtk_widget_class_install_action (widget_class, "win.next-match", NULL, match_action);
  gtk_widget_class_install_action (widget_class, "win.previous-match", NULL, match_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, next_event_action);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, previous_event_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-date", NULL, go_to_date_action);
  gtk_widget_class_install_action (widget_class, "win.sources", NULL, sources_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.next-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.previous-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.go-to-date", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
}

static void
entente_window_init (EntenteWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *keys;
  GtkGesture *drag;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);

  entente_overview_set_view (self->overview, self->view);
  entente_event_list_set_view (self->event_list, self->view);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->flap, "reveal-flap", self->panel_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_changed_cb), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  g_signal_connect_swapped (self->view, "notify::selected-event", G_CALLBACK (selection_changed_cb), self);
  /* A category hidden or a search changes which of a period's events
   * the panel lists. */
  g_signal_connect_swapped (self->view, "filters-changed", G_CALLBACK (list_period_events), self);
  g_signal_connect_swapped (self->view, "notify::selected-period", G_CALLBACK (selection_changed_cb), self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (handle_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (handle_drag_update_cb), self);
  gtk_widget_add_controller (self->panel_handle, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  self->panel_width = 380;
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (apply_panel_width), self);
  restore_settings (self);

  enable_dataset_actions (self);
  update_titles (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

EntenteWindow *
entente_window_new (EntenteApplication *application)
{
  return g_object_new (ENTENTE_TYPE_WINDOW, "application", application, NULL);
}
