/* entente-export-dialog.c: choose how to export the chart, then write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-date.h"
#include "entente-export-dialog.h"
#include "entente-export.h"
#include "entente-export-filters.h"
#include "entente-window.h"

struct _EntenteExportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton      *export_button;
  AdwComboRow    *format_row;
  AdwComboRow    *range_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  AdwComboRow    *theme_row;
  GtkSwitch      *high_contrast_switch;
  AdwActionRow   *selection_row;
  GtkSwitch      *selection_switch;
  AdwActionRow   *large_text_row;
  GtkSwitch      *large_text_switch;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;
  AdwComboRow    *scale_row;

  /* Owned references */
  EntenteDataset *dataset;
  GSettings      *settings;   /* NULL when run without the schema */
  EntenteExportFilters *filters;

  /* Borrowed references */
  GtkWindow      *parent;

  gint64          from_day;
  gint64          to_day;
  int             selected_event;
  int             selected_period;
  double          text_scale;     /* the window's: the system's large text */
};

G_DEFINE_FINAL_TYPE (EntenteExportDialog, entente_export_dialog, ADW_TYPE_WINDOW)

static const char *extensions[] = { "png", "svg", "pdf" };

/* The range row's choices. */
enum {
  RANGE_VIEW,
  RANGE_WHOLE,
  RANGE_DATES,
};

/* The days the From and To rows give, To's whole ("1991" runs to the end
 * of 1991), as the command line's --from and --to; FALSE unless both are
 * dates and To ends after From begins. Whether each is a date, in
 * from_ok and to_ok when not NULL. */
static gboolean
dates_range (EntenteExportDialog *self,
             gint64              *from_day,
             gint64              *to_day,
             gboolean            *from_ok,
             gboolean            *to_ok)
{
  EntenteDate from, to;
  gboolean from_date = entente_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), &from, NULL);
  gboolean to_date = entente_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), &to, NULL);

  if (from_ok != NULL)
    *from_ok = from_date;
  if (to_ok != NULL)
    *to_ok = to_date;
  if (!from_date || !to_date)
    return FALSE;
  *from_day = entente_date_start_day (&from);
  *to_day = entente_date_end_day (&to);
  return *to_day > *from_day;
}

static void
mark_row (AdwEntryRow *row,
          gboolean     wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* The date rows shown for a range of dates, each marked when it is not a
 * date, To when it ends before From begins; Export is offered only for a
 * range it can draw. */
static void
dates_changed_cb (EntenteExportDialog *self)
{
  gboolean dates = adw_combo_row_get_selected (self->range_row) == RANGE_DATES;
  gint64 from_day, to_day;
  gboolean from_ok, to_ok;
  gboolean valid = dates_range (self, &from_day, &to_day, &from_ok, &to_ok);

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), dates);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), dates);
  mark_row (self->from_row, dates && !from_ok);
  /* A To before From is To's fault: From is typed first. */
  mark_row (self->to_row, dates && (!to_ok || (from_ok && !valid)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !dates || valid);
}

/* A day as a date, for the rows to start from. */
static char *
day_text (gint64 day)
{
  EntenteDate date = entente_date_of_day (day, ENTENTE_PRECISION_DAY);

  return entente_date_to_edtf (&date);
}

typedef struct {
  EntenteDataset       *dataset;
  EntenteExportOptions  options;  /* its flags are filters' */
  EntenteExportFilters *filters;
  char                 *path;
  GtkWindow            *parent;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_object (&job->parent);
  g_clear_pointer (&job->filters, entente_export_filters_free);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (entente_export_to_file (job->dataset, &job->options, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Let go of the window's layout here, on its own thread: the task's
   * data may be freed on the export's, and the layout's text belongs to
   * the window's. */
  job->options.previous = NULL;
  if (job->filters != NULL)
    g_clear_object (&job->filters->previous);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
      AdwToast *toast = entente_toast_new_plain (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (job->path));
      if (ENTENTE_IS_WINDOW (job->parent))
        entente_window_add_toast (ENTENTE_WINDOW (job->parent), toast);
      else
        g_object_unref (toast);
    }
  else
    entente_show_failure (job->parent, _("Export Failed"), error->message);
}

void
entente_export_dialog_export_to (EntenteExportDialog *self,
                                 GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  gint64 from_day = 0, to_day = 0;
  ExportJob *job;

  g_return_if_fail (ENTENTE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The dialog stays open, with all it had, to choose another place. */
  path = g_file_get_path (file);
  if (path == NULL)
    {
      entente_show_failure (GTK_WINDOW (self), _("Export Failed"), _("Charts can only be saved to local files"));
      return;
    }
  /* Export is not offered for dates that are not a range; so much the
   * less is anything written. */
  if (adw_combo_row_get_selected (self->range_row) == RANGE_DATES &&
      !dates_range (self, &from_day, &to_day, NULL, NULL))
    return;

  if (self->settings != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_settings_set_string (self->settings, "export-folder", folder);
    }

  job = g_new0 (ExportJob, 1);
  job->dataset = g_object_ref (self->dataset);
  job->parent = g_object_ref (self->parent);
  job->path = g_steal_pointer (&path);
  entente_export_options_init (&job->options);
  job->options.width = gtk_spin_button_get_value_as_int (self->width_spin);
  job->options.height = gtk_spin_button_get_value_as_int (self->height_spin);
  job->options.scale = adw_combo_row_get_selected (self->scale_row) + 1;
  job->options.dark = adw_combo_row_get_selected (self->theme_row) == 1;
  job->options.high_contrast = gtk_switch_get_active (self->high_contrast_switch);
  /* A figure may do without the window's selection. */
  if (gtk_switch_get_active (self->selection_switch))
    {
      job->options.selected_event = self->selected_event;
      job->options.selected_period = self->selected_period;
    }
  job->options.text_scale = gtk_switch_get_active (self->large_text_switch) ? self->text_scale : 1;
  if (adw_combo_row_get_selected (self->range_row) == RANGE_VIEW)
    {
      job->options.has_range = TRUE;
      job->options.from_day = self->from_day;
      job->options.to_day = self->to_day;
    }
  else if (adw_combo_row_get_selected (self->range_row) == RANGE_DATES)
    {
      job->options.has_range = TRUE;
      job->options.from_day = from_day;
      job->options.to_day = to_day;
    }
  job->filters = g_steal_pointer (&self->filters);
  if (job->filters != NULL)
    entente_export_filters_apply (job->filters, &job->options);

  /* Large exports take a moment: draw them off the main thread. */
  task = g_task_new (NULL, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_response_cb (GtkNativeDialog     *chooser,
                  int                  response,
                  EntenteExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    entente_export_dialog_export_to (self, file);
}

static void
export_clicked_cb (EntenteExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  guint format = adw_combo_row_get_selected (self->format_row);
  g_autofree char *name = NULL;
  g_autofree char *safe = NULL;

  format = MIN (format, G_N_ELEMENTS (extensions) - 1);
  safe = g_strdup (entente_dataset_get_title (self->dataset));
  g_strdelimit (safe, "/\\:", '-');
  name = g_strdup_printf ("%s.%s", safe, extensions[format]);

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Where the last chart went, when that folder is still there. */
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "export-folder");
      g_autoptr(GFile) folder = *last != '\0' ? g_file_new_for_path (last) : NULL;

      if (folder != NULL && g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_filter_add_suffix (filter, extensions[format]);
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row)));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
format_changed_cb (EntenteExportDialog *self)
{
  /* Only a bitmap has a pixel density to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row),
                          adw_combo_row_get_selected (self->format_row) == 0);
}

static void
entente_export_dialog_dispose (GObject *object)
{
  EntenteExportDialog *self = ENTENTE_EXPORT_DIALOG (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->filters, entente_export_filters_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (entente_export_dialog_parent_class)->dispose (object);
}

static void
entente_export_dialog_class_init (EntenteExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entente/Entente/entente-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, high_contrast_switch);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, selection_row);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, selection_switch);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, large_text_row);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, large_text_switch);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, scale_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
entente_export_dialog_init (EntenteExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  /* Enter in a size exports, as in any dialog's text field. Spin
   * buttons only take that setting themselves from GTK 4.14. */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->width_spin))), TRUE);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->height_spin))), TRUE);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
  g_signal_connect_swapped (self->range_row, "notify::selected", G_CALLBACK (dates_changed_cb), self);
  g_signal_connect_swapped (self->from_row, "changed", G_CALLBACK (dates_changed_cb), self);
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (dates_changed_cb), self);

  /* Papers and slides want the same kind of figure again and again: the
   * format, size and scale chosen last are offered next time. (The
   * range and style follow the window.) */
  self->settings = entente_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "export-format", self->format_row, "selected", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "export-scale", self->scale_row, "selected", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "export-width", gtk_spin_button_get_adjustment (self->width_spin),
                       "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "export-height", gtk_spin_button_get_adjustment (self->height_spin),
                       "value", G_SETTINGS_BIND_DEFAULT);
    }
  format_changed_cb (self);
}

void
entente_export_dialog_present (GtkWindow                  *parent,
                               EntenteDataset             *dataset,
                               const EntenteExportOptions *shown,
                               GBytes                     *matches)
{
  EntenteExportDialog *self;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (ENTENTE_IS_DATASET (dataset));
  g_return_if_fail (shown != NULL);

  self = g_object_new (ENTENTE_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->parent = parent;
  self->dataset = g_object_ref (dataset);
  self->filters = entente_export_filters_new (dataset, shown, matches);
  self->from_day = shown->from_day;
  self->to_day = shown->to_day;
  /* Dates start as the view: its first day, and its last, whole. */
  {
    g_autofree char *from = day_text (shown->from_day);
    g_autofree char *to = day_text (shown->to_day - 1);

    gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  }
  self->selected_event = shown->selected_event;
  self->selected_period = shown->selected_period;
  /* Offered only with something selected, named, and marked as in the
   * window unless turned off. */
  if (shown->selected_event >= 0 || shown->selected_period >= 0)
    {
      const char *name = shown->selected_event >= 0
                         ? entente_dataset_get_event (dataset, shown->selected_event)->title
                         : entente_dataset_get_period (dataset, shown->selected_period)->label;

      adw_action_row_set_subtitle (self->selection_row, name);
      gtk_widget_set_visible (GTK_WIDGET (self->selection_row), TRUE);
    }
  self->text_scale = shown->text_scale;
  /* Offered only where the window's text is not of the usual size: on
   * as the window shows it, off for a figure in the usual size. */
  if (self->text_scale != 1)
    {
      g_autofree char *percent = g_strdup_printf (_("As the system shows text, at %.0f%%"), self->text_scale * 100);

      adw_action_row_set_subtitle (self->large_text_row, percent);
      gtk_switch_set_active (self->large_text_switch, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->large_text_row), TRUE);
    }
  adw_combo_row_set_selected (self->theme_row, shown->dark ? 1 : 0);
  gtk_switch_set_active (self->high_contrast_switch, shown->high_contrast);
  gtk_window_present (GTK_WINDOW (self));
}
