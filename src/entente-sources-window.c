/* entente-sources-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "entente-date.h"
#include "entente-search.h"
#include "entente-source-panel.h"
#include "entente-sources-window.h"
#include "entente-window.h"

struct _EntenteSourcesWindow
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toasts;
  AdwWindowTitle    *window_title;
  GtkStack          *stack;
  GtkLabel          *summary_label;
  GtkScrolledWindow *scrolled;
  GtkListBox        *list;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;

  EntenteDataset    *dataset;
  EntenteSourceUse  *uses;
  /* The sources listed, in the dataset's order: all of them, or those
   * whose citation holds the text searched for. */
  GArray            *shown;
  /* Each source's citation, folded as the search folds its text; made
   * at the first search. */
  GPtrArray         *folded;
  /* Rows are made a batch at a time, as the list is scrolled near its
   * end: a dataset of event records may cite a source per event, and
   * making a hundred thousand rows at once would keep the window from
   * opening for minutes. */
  guint              n_rows;
};

/* Rows made at a time: more than a tall window shows. */
#define ROWS_PER_BATCH 40
/* The events listed under a source; a source of event records may
 * back hundreds of thousands. */
#define MAX_QUOTING_EVENTS 100

G_DEFINE_FINAL_TYPE (EntenteSourcesWindow, entente_sources_window, ADW_TYPE_WINDOW)

/* "12 quotations · 9 events · 1 period": what of the dataset rests on
 * the source, the parts that are none left out. */
static char *
format_use (const EntenteSourceUse *use)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (use->n_excerpts == 0)
    return g_strdup (_("Not quoted"));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u quotation", "%u quotations", use->n_excerpts),
                                           use->n_excerpts));
  if (use->n_events > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u event", "%u events", use->n_events),
                                             use->n_events));
  if (use->n_periods > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u period", "%u periods", use->n_periods),
                                             use->n_periods));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  /* Dataset text is set as plain text, never as markup. */
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Lists the events that quote the expander's source under it, the
 * first time it is opened. */
static void
expanded_cb (GtkExpander          *expander,
             GParamSpec           *pspec,
             EntenteSourcesWindow *self)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "entente-source"));
  g_autoptr(GArray) events = NULL;
  GtkWidget *box, *list;
  guint listed;

  if (!gtk_expander_get_expanded (expander) || gtk_expander_get_child (expander) != NULL ||
      self->dataset == NULL)
    return;

  events = g_array_new (FALSE, FALSE, sizeof (guint));
  entente_dataset_collect_quoting (self->dataset, source, events);
  listed = MIN (events->len, MAX_QUOTING_EVENTS);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "quoting");
  for (guint i = 0; i < listed; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         entente_event_row_new (self->dataset, g_array_index (events, guint, i),
                                                "sources.select-event"));
  gtk_box_append (GTK_BOX (box), list);
  if (events->len > listed)
    {
      g_autofree char *count = entente_format_count (events->len - listed);
      /* TRANSLATORS: under the first events that quote a source; %s is
       * a number with the locale's digit grouping */
      g_autofree char *text = g_strdup_printf (ngettext ("And %s more", "And %s more", events->len - listed),
                                               count);
      GtkWidget *more = new_label (text, "dim-label");

      gtk_box_append (GTK_BOX (box), more);
    }
  gtk_expander_set_child (expander, box);
}

static GtkWidget *
new_source_row (EntenteSourcesWindow   *self,
                guint                   index,
                const EntenteSource    *source,
                const EntenteSourceUse *use)
{
  g_autofree char *citation = entente_format_citation (source, NULL);
  /* For a list of works cited, with the address to read it at. */
  g_autofree char *copied = entente_format_with_address (citation, source->url);
  g_autofree char *use_text = format_use (use);
  GtkWidget *row, *box, *text, *cite, *uses, *buttons, *open;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  cite = new_label (citation, "citation");
  gtk_label_set_selectable (GTK_LABEL (cite), TRUE);
  gtk_box_append (GTK_BOX (text), cite);
  uses = new_label (use_text, "caption");
  gtk_widget_add_css_class (uses, "dim-label");
  gtk_widget_add_css_class (uses, "uses");
  if (use->n_events > 0)
    {
      /* In words, beside the count of events it finds: a magnifier here
       * read as the header bar's search of the list. */
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *find = gtk_button_new_with_label (_("Find on Chart"));

      gtk_widget_set_hexpand (uses, TRUE);
      gtk_widget_set_valign (uses, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (find, "flat");
      gtk_widget_set_valign (find, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (find), "sources.find-on-chart");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (find), g_variant_new_uint32 (index));
      gtk_box_append (GTK_BOX (line), uses);
      gtk_box_append (GTK_BOX (line), find);
      gtk_box_append (GTK_BOX (text), line);
    }
  else
    gtk_box_append (GTK_BOX (text), uses);
  if (use->n_events > 0)
    {
      GtkWidget *expander = gtk_expander_new (_("Events Quoting It"));

      g_object_set_data (G_OBJECT (expander), "entente-source", GUINT_TO_POINTER (index));
      g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
      gtk_box_append (GTK_BOX (text), expander);
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (buttons),
                  entente_copy_button_new (_("Copy Citation"), _("Copy citation"),
                                           copied, _("Citation copied")));
  open = entente_open_source_button_new (source->url);
  if (open != NULL)
    gtk_box_append (GTK_BOX (buttons), open);

  /* A screen reader names the row by its citation, not by every label
   * and button in it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, cite, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, uses, NULL,
                                  -1);
  return row;
}

static void
add_rows (EntenteSourcesWindow *self)
{
  guint end = MIN (self->n_rows + ROWS_PER_BATCH, self->shown->len);

  for (; self->n_rows < end; self->n_rows++)
    {
      guint index = g_array_index (self->shown, guint, self->n_rows);

      gtk_list_box_append (self->list, new_source_row (self, index, entente_dataset_get_source (self->dataset, index),
                                                       &self->uses[index]));
    }
}

/* Case and accents aside, as a reader searching for "Muller" means
 * Müller too. */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_combining_class (c) == 0)
        g_string_append_unichar (kept, c);
    }
  return g_utf8_casefold (kept->str, -1);
}

/* Lists the sources whose citation holds the search's text, all of them
 * when there is none, from the first row. */
static void
list_sources (EntenteSourcesWindow *self)
{
  guint n_sources = entente_dataset_get_n_sources (self->dataset);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *needle = NULL;
  GtkWidget *row;

  g_array_set_size (self->shown, 0);
  if (*text != '\0' && self->folded == NULL)
    {
      self->folded = g_ptr_array_new_full (n_sources, g_free);
      for (guint i = 0; i < n_sources; i++)
        {
          g_autofree char *citation = entente_format_citation (entente_dataset_get_source (self->dataset, i), NULL);

          g_ptr_array_add (self->folded, fold (citation));
        }
    }
  needle = *text != '\0' ? fold (text) : NULL;
  for (guint i = 0; i < n_sources; i++)
    if (needle == NULL || strstr (g_ptr_array_index (self->folded, i), needle) != NULL)
      g_array_append_val (self->shown, i);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
  self->n_rows = 0;
  add_rows (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.copy-all", self->shown->len > 0);
  gtk_stack_set_visible_child_name (self->stack, n_sources == 0 ? "empty"
                                                 : self->shown->len == 0 ? "no-match" : "sources");
}

static void
search_changed_cb (EntenteSourcesWindow *self)
{
  if (self->dataset != NULL)
    list_sources (self);
}

/* Near the end of the rows made so far, more are made; also when the
 * first ones do not fill the window. */
static void
scrolled_cb (GtkAdjustment        *adjustment,
             EntenteSourcesWindow *self)
{
  double page = gtk_adjustment_get_page_size (adjustment);
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page;

  if (self->dataset != NULL && self->n_rows < self->shown->len && left < page)
    add_rows (self);
}

void
entente_sources_window_set_dataset (EntenteSourcesWindow *self,
                                    EntenteDataset       *dataset)
{
  guint n_sources = entente_dataset_get_n_sources (dataset);
  EntenteSourceUse *uses = entente_dataset_count_source_uses (dataset);
  g_autofree char *sources_text = NULL;
  g_autofree char *quoted_text = NULL;
  g_autofree char *summary = NULL;
  /* Every excerpt quotes a source. */
  guint n_quoted = entente_dataset_get_n_excerpts (dataset);

  g_return_if_fail (ENTENTE_IS_SOURCES_WINDOW (self));
  g_return_if_fail (ENTENTE_IS_DATASET (dataset));

  adw_window_title_set_subtitle (self->window_title, entente_dataset_get_title (dataset));
  g_set_object (&self->dataset, dataset);
  g_free (self->uses);
  self->uses = uses;
  /* A dataset read again may have other sources, or the same ones in
   * another order: the list starts afresh. */
  g_clear_pointer (&self->folded, g_ptr_array_unref);
  list_sources (self);
  sources_text = g_strdup_printf (ngettext ("%u source", "%u sources", n_sources), n_sources);
  quoted_text = g_strdup_printf (ngettext ("quoted %u time in all", "quoted %u times in all", n_quoted), n_quoted);
  /* TRANSLATORS: "5 sources" and "quoted 143 times in all" */
  summary = g_strdup_printf (_("%s, %s"), sources_text, quoted_text);
  gtk_label_set_text (self->summary_label, summary);
}

/* The copy buttons ask their window for a toast, as they do in the main
 * window's panel. */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteSourcesWindow *self = ENTENTE_SOURCES_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toasts, entente_toast_new_plain (g_variant_get_string (parameter, NULL)));
}

/* An event picked under a source: the dataset's window shows it, and
 * this one, having served, closes. */
static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.select-event", parameter);
  gtk_window_close (GTK_WINDOW (widget));
}

/* The events that quote a source, found on the chart by a search of
 * them: marked there, counted, and stepped through as any search's. */
static void
find_on_chart_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntenteSourcesWindow *self = ENTENTE_SOURCES_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  guint index = g_variant_get_uint32 (parameter);
  g_autofree char *text = NULL;

  if (index >= entente_dataset_get_n_sources (self->dataset))
    return;
  text = g_strconcat (ENTENTE_SEARCH_SOURCE_PREFIX, entente_dataset_get_source (self->dataset, index)->id, NULL);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.search-for", "s", text);
  gtk_window_close (GTK_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteSourcesWindow *self = ENTENTE_SOURCES_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
copy_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntenteSourcesWindow *self = ENTENTE_SOURCES_WINDOW (widget);
  g_autoptr(GString) all = g_string_new (NULL);

  /* What is listed: every source, or those the search found. Each as
   * its own copy button copies it, a blank line between two. */
  for (guint i = 0; i < self->shown->len; i++)
    {
      const EntenteSource *source = entente_dataset_get_source (self->dataset, g_array_index (self->shown, guint, i));
      g_autofree char *citation = entente_format_citation (source, NULL);
      g_autofree char *copied = entente_format_with_address (citation, source->url);

      g_string_append_printf (all, "%s%s", i > 0 ? "\n\n" : "", copied);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), all->str);
  adw_toast_overlay_add_toast (self->toasts, entente_toast_new_plain (_("Citations copied")));
}

static void
entente_sources_window_dispose (GObject *object)
{
  EntenteSourcesWindow *self = ENTENTE_SOURCES_WINDOW (object);

  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_SOURCES_WINDOW);

  G_OBJECT_CLASS (entente_sources_window_parent_class)->dispose (object);
}

static void
entente_sources_window_finalize (GObject *object)
{
  EntenteSourcesWindow *self = ENTENTE_SOURCES_WINDOW (object);

  g_free (self->uses);
  g_array_unref (self->shown);
  g_clear_pointer (&self->folded, g_ptr_array_unref);

  G_OBJECT_CLASS (entente_sources_window_parent_class)->finalize (object);
}

static void
entente_sources_window_class_init (EntenteSourcesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_sources_window_dispose;
  object_class->finalize = entente_sources_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entente/Entente/entente-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, list);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcesWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "sources.copy-all", NULL, copy_all_action);
  gtk_widget_class_install_action (widget_class, "sources.select-event", "i", select_event_action);
  gtk_widget_class_install_action (widget_class, "sources.find-on-chart", "u", find_on_chart_action);
  gtk_widget_class_install_action (widget_class, "sources.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "sources.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
entente_sources_window_init (EntenteSourcesWindow *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Typing anywhere in the window searches, as in GNOME's lists. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, 0);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (scrolled_cb), self, 0);
}

EntenteSourcesWindow *
entente_sources_window_present (GtkWindow      *parent,
                                EntenteDataset *dataset)
{
  EntenteSourcesWindow *self;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), NULL);

  self = g_object_new (ENTENTE_TYPE_SOURCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  entente_sources_window_set_dataset (self, dataset);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
