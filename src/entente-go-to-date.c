/* entente-go-to-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-date.h"
#include "entente-go-to-date.h"

typedef struct {
  EntenteTimelineView *view;
  GtkEditable         *entry;
  GtkLabel            *hint;
} GoToDate;

static void
go_to_date_free (GoToDate *self)
{
  g_clear_object (&self->view);
  g_free (self);
}

static const char *
hint_text (void)
{
  return _("A year, a month or a day, written as in datasets: 1950, 1969-03 or 1950-02-14");
}

/* The days the entry names; FALSE, with what is wrong, when it names
 * none the view can show. */
static gboolean
wanted_days (GoToDate  *self,
             double    *from_day,
             double    *to_day,
             char     **problem)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->entry)));
  g_autoptr(GError) error = NULL;
  EntenteDate date;
  double min, max;

  if (!entente_date_parse (text, &date, &error))
    {
      *problem = g_strdup (error->message);
      return FALSE;
    }
  *from_day = entente_date_start_day (&date);
  *to_day = entente_date_end_day (&date);
  entente_timeline_view_get_limits (self->view, &min, &max);
  if (*to_day <= min || *from_day >= max)
    {
      g_autofree char *limits = entente_format_days (min, max);
      g_auto(GStrv) parts = g_strsplit (limits, " –", -1);
      /* A line may break after the dash, not before it. */
      g_autofree char *unbroken = g_strjoinv ("\u00a0–", parts);

      /* TRANSLATORS: %s is the range the timeline can show, e.g.
       * "1624 – 2038" */
      *problem = g_strdup_printf (_("Outside the timeline, which runs %s"), unbroken);
      return FALSE;
    }
  return TRUE;
}

/* A date that cannot be shown turns the entry red and says why in place
 * of the hint, and Go waits for one that can. */
static void
changed_cb (GtkEditable *entry,
            GoToDate    *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (GTK_WIDGET (entry)));
  g_autofree char *problem = NULL;
  gboolean empty = *gtk_editable_get_text (entry) == '\0';
  double from, to;
  gboolean shown = !empty && wanted_days (self, &from, &to, &problem);

  adw_message_dialog_set_response_enabled (dialog, "go", shown);
  /* A screen reader hears what the eye reads under the entry. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem != NULL ? problem : hint_text (),
                                  -1);
  if (problem != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint), "error");
      gtk_label_set_text (self->hint, problem);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
      gtk_label_set_text (self->hint, hint_text ());
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GoToDate         *self)
{
  g_autofree char *problem = NULL;
  double from, to;

  /* A year among the years either side of it, a month among its
   * neighbours, a day in its fortnight. */
  if (g_str_equal (response, "go") && wanted_days (self, &from, &to, &problem))
    entente_timeline_view_show_days (self->view, from, to, MAX (3 * (to - from), 14));
}

void
entente_go_to_date (GtkWindow           *parent,
                    EntenteTimelineView *view)
{
  GoToDate *self;
  GtkWidget *dialog, *box, *entry, *hint;
  g_autofree char *year = NULL;
  double from, to;

  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (view));

  self = g_new0 (GoToDate, 1);
  self->view = g_object_ref (view);

  dialog = adw_message_dialog_new (parent, _("Go to Date"), NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "go", _("_Go"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  hint = gtk_label_new (hint_text ());
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"),
                                  -1);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  self->entry = GTK_EDITABLE (entry);
  self->hint = GTK_LABEL (hint);

  /* Where the reader is, to edit rather than to type afresh. */
  entente_timeline_view_get_range (view, &from, &to);
  {
    EntenteDate middle = entente_date_of_day ((gint64) ((from + to) / 2), ENTENTE_PRECISION_YEAR);

    year = entente_date_to_edtf (&middle);
  }
  gtk_editable_set_text (self->entry, year);
  gtk_editable_select_region (self->entry, 0, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint_text (),
                                  -1);

  g_signal_connect (entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), self);
  g_object_set_data_full (G_OBJECT (dialog), "entente-go-to-date", self, (GDestroyNotify) go_to_date_free);
  gtk_window_present (GTK_WINDOW (dialog));
}
