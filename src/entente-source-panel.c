/* entente-source-panel.c: an event's or period's words and sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-marker.h"
#include "entente-search.h"
#include "entente-source-panel.h"
#include "entente-window.h"

struct _EntenteSourcePanel
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkLabel   *kind_label;
  GtkLabel   *title_label;
  GtkLabel   *date_label;
  GtkBox     *meta_box;
  EntenteMarker *meta_marker;
  GtkLabel   *meta_label;
  GtkLabel   *summary_label;
  GtkLabel   *sources_heading;
  GtkBox     *excerpts_box;
  GtkLabel   *events_heading;
  GtkListBox *events_list;
  GtkLabel   *events_more;

  /* Borrowed references, owned by excerpts_box */
  GPtrArray  *quote_labels;
  GPtrArray  *citation_labels;

  char       *highlight;  /* the search's text, or NULL */
};

G_DEFINE_FINAL_TYPE (EntenteSourcePanel, entente_source_panel, ADW_TYPE_BIN)

/* show_item ()'s category for an item without a marker, a period. */
#define NO_MARKER G_MININT
/* A period's events listed in the panel; the rest are in the list of all
 * events. */
#define MAX_PERIOD_EVENTS 100

char *
entente_format_citation (const EntenteSource *source,
                         const char          *locator)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  EntenteDate date;

  if (source->author != NULL)
    g_ptr_array_add (parts, g_strdup (source->author));
  /* TRANSLATORS: the title of a cited work, in quotation marks */
  g_ptr_array_add (parts, g_strdup_printf (_("“%s”"), source->title));
  if (source->publisher != NULL)
    g_ptr_array_add (parts, g_strdup (source->publisher));
  if (source->date != NULL)
    {
      if (entente_date_parse (source->date, &date, NULL))
        g_ptr_array_add (parts, entente_date_format (&date));
      else
        g_ptr_array_add (parts, g_strdup (source->date));
    }
  if (source->license != NULL)
    g_ptr_array_add (parts, g_strdup (source->license));
  if (locator != NULL)
    g_ptr_array_add (parts, g_strdup (locator));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

char *
entente_format_quotation (const char *quote,
                          const char *citation,
                          const char *url)
{
  /* TRANSLATORS: a quotation copied with its citation, as pasted into
   * a text: the quotation in the language's quotation marks, then a new
   * line with the citation */
  g_autofree char *text = g_strdup_printf (_("“%s”\n— %s"), quote, citation);

  return entente_format_with_address (text, url);
}

char *
entente_format_with_address (const char *text,
                             const char *url)
{
  /* Where to read it, for a reader of the text: web addresses only, as
   * the panel offers to open. */
  if (entente_uri_is_web (url))
    return g_strconcat (text, "\n", url, NULL);
  return g_strdup (text);
}

gboolean
entente_uri_is_web (const char *url)
{
  /* Interned and lower-cased: nothing to free, "HTTPS:" matches too. */
  const char *scheme = url ? g_uri_peek_scheme (url) : NULL;

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "entente-copy-text");
  const char *toast = g_object_get_data (G_OBJECT (button), "entente-copy-toast");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-toast", "s", toast);
}

GtkWidget *
entente_copy_button_new (const char *tooltip,
                         const char *label,
                         const char *text,
                         const char *toast)
{
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_tooltip_text (copy, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (copy, "flat");
  g_object_set_data_full (G_OBJECT (copy), "entente-copy-text", g_strdup (text), g_free);
  g_object_set_data_full (G_OBJECT (copy), "entente-copy-toast", g_strdup (toast), g_free);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
  return copy;
}

static void
open_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *url = g_object_get_data (G_OBJECT (button), "entente-url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  /* Only the web: a dataset must not make us open local files or run
   * handlers for other schemes. */
  if (!entente_uri_is_web (url))
    return;
  entente_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url,
                    _("The Source Could Not Be Opened"), NULL);
}

GtkWidget *
entente_open_source_button_new (const char *url)
{
  GtkWidget *open;

  if (!entente_uri_is_web (url))
    return NULL;
  open = gtk_button_new_from_icon_name ("web-browser-symbolic");
  gtk_widget_set_tooltip_text (open, url);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open source in browser"),
                                  -1);
  gtk_widget_add_css_class (open, "flat");
  g_object_set_data_full (G_OBJECT (open), "entente-url", g_strdup (url), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), NULL);
  return open;
}

static GtkWidget *
new_excerpt_card (EntenteSourcePanel   *self,
                  EntenteDataset       *dataset,
                  const EntenteExcerpt *excerpt)
{
  const EntenteSource *source = entente_dataset_get_source (dataset, excerpt->source);
  g_autofree char *citation = entente_format_citation (source, excerpt->locator);
  g_autofree char *quotation = NULL;
  GtkWidget *card, *quote, *cite, *buttons, *open;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "excerpt");

  /* Dataset text is set as plain text, never as markup. */
  quote = gtk_label_new (excerpt->quote);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_selectable (GTK_LABEL (quote), TRUE);
  gtk_widget_add_css_class (quote, "quote");
  gtk_box_append (GTK_BOX (card), quote);

  cite = gtk_label_new (citation);
  gtk_label_set_wrap (GTK_LABEL (cite), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (cite), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (cite), 0);
  gtk_label_set_selectable (GTK_LABEL (cite), TRUE);
  gtk_widget_add_css_class (cite, "caption");
  gtk_widget_add_css_class (cite, "dim-label");
  gtk_widget_add_css_class (cite, "citation");
  gtk_box_append (GTK_BOX (card), cite);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (card), buttons);

  quotation = entente_format_quotation (excerpt->quote, citation, source->url);
  gtk_box_append (GTK_BOX (buttons),
                  entente_copy_button_new (_("Copy Quotation With Citation"),
                                           _("Copy quotation with citation"),
                                           quotation, _("Quotation copied")));
  open = entente_open_source_button_new (source->url);
  if (open != NULL)
    gtk_box_append (GTK_BOX (buttons), open);

  g_ptr_array_add (self->quote_labels, quote);
  g_ptr_array_add (self->citation_labels, cite);
  return card;
}

static void
clear_excerpts (EntenteSourcePanel *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->quote_labels, 0);
  g_ptr_array_set_size (self->citation_labels, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts_box))) != NULL)
    gtk_box_remove (self->excerpts_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->events_list))) != NULL)
    gtk_list_box_remove (self->events_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->events_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->events_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->events_more), FALSE);
}

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* Where the search's text is in label's text, marked by a background
 * and an underline, the underline for whoever cannot tell the colour.
 * Attributes, never markup: the text stays as the dataset has it. */
static void
highlight_label (EntenteSourcePanel *self,
                 GtkLabel           *label)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  PangoAttrList *attrs;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (self->highlight != NULL)
    entente_search_find (gtk_label_get_text (label), self->highlight, ranges);
  if (ranges->len == 0)
    {
      gtk_label_set_attributes (label, NULL);
      return;
    }
  attrs = pango_attr_list_new ();
  for (guint i = 0; i < ranges->len; i += 2)
    {
      /* GNOME's yellow, fainter on a dark panel so that its light text
       * still reads over it. */
      PangoAttribute *background = dark ? pango_attr_background_new (0xf5f5, 0xc2c2, 0x1111)
                                        : pango_attr_background_new (0xf8f8, 0xe4e4, 0x5c5c);
      PangoAttribute *alpha = pango_attr_background_alpha_new (dark ? 0x5555 : 0xaaaa);
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      PangoAttribute *each[] = { background, alpha, underline };

      for (guint k = 0; k < G_N_ELEMENTS (each); k++)
        {
          each[k]->start_index = g_array_index (ranges, guint, i);
          each[k]->end_index = g_array_index (ranges, guint, i + 1);
          pango_attr_list_insert (attrs, each[k]);
        }
    }
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static void
highlight_all (EntenteSourcePanel *self)
{
  highlight_label (self, self->title_label);
  highlight_label (self, self->summary_label);
  for (guint i = 0; i < self->quote_labels->len; i++)
    highlight_label (self, g_ptr_array_index (self->quote_labels, i));
}

void
entente_source_panel_set_highlight (EntenteSourcePanel *self,
                                    const char         *text)
{
  g_return_if_fail (ENTENTE_IS_SOURCE_PANEL (self));

  if (g_strcmp0 (text, self->highlight) == 0)
    return;
  g_free (self->highlight);
  self->highlight = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  highlight_all (self);
}

static void
show_item (EntenteSourcePanel *self,
           EntenteDataset     *dataset,
           const char         *kind,
           const char         *title,
           const char         *date,
           const char         *meta,
           int                 category,
           const char         *summary,
           guint               first_excerpt,
           guint               n_excerpts)
{
  clear_excerpts (self);

  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->title_label, title);
  set_optional_text (self->date_label, date);
  set_optional_text (self->meta_label, meta);
  /* An event's marker, as on the chart, beside what it says: its
   * category. */
  gtk_widget_set_visible (GTK_WIDGET (self->meta_marker), category != NO_MARKER);
  entente_marker_set_category (self->meta_marker, category != NO_MARKER ? dataset : NULL, category);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_box), category != NO_MARKER || (meta != NULL && *meta != '\0'));
  set_optional_text (self->summary_label, summary);

  gtk_label_set_text (self->sources_heading,
                      n_excerpts > 0 ? _("From the Sources") : _("No Excerpts"));
  for (guint i = 0; i < n_excerpts; i++)
    gtk_box_append (self->excerpts_box,
                    new_excerpt_card (self, dataset,
                                      entente_dataset_get_excerpt (dataset, first_excerpt + i)));

  highlight_all (self);
  gtk_stack_set_visible_child_name (self->stack, "item");
}

void
entente_source_panel_show_event (EntenteSourcePanel *self,
                                 EntenteDataset     *dataset,
                                 guint               index)
{
  const EntenteEvent *event;
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  const char *category = NULL;
  const char *actor;

  g_return_if_fail (ENTENTE_IS_SOURCE_PANEL (self));
  g_return_if_fail (ENTENTE_IS_DATASET (dataset));
  g_return_if_fail (index < entente_dataset_get_n_events (dataset));

  event = entente_dataset_get_event (dataset, index);
  date = entente_event_format_dates (event);
  category = entente_dataset_get_category_label (dataset, event->category);
  actor = entente_dataset_get_actor_label (dataset, event->actor);

  if (category != NULL && actor != NULL)
    /* TRANSLATORS: an event's category and who acted, "Treaty · China" */
    meta = g_strdup_printf (_("%s · %s"), category, actor);
  else
    meta = g_strdup (category ? category : actor);

  show_item (self, dataset, _("Event"), event->title, date, meta, event->category,
             event->summary, event->first_excerpt, event->n_excerpts);
}

void
entente_source_panel_show_period (EntenteSourcePanel *self,
                                  EntenteDataset     *dataset,
                                  guint               index)
{
  const EntentePeriod *period;
  g_autofree char *date = NULL;

  g_return_if_fail (ENTENTE_IS_SOURCE_PANEL (self));
  g_return_if_fail (ENTENTE_IS_DATASET (dataset));
  g_return_if_fail (index < entente_dataset_get_n_periods (dataset));

  period = entente_dataset_get_period (dataset, index);
  date = entente_date_format_range (&period->start, &period->end);
  show_item (self, dataset, _("Period"), period->label, date,
             entente_dataset_get_period_kind (dataset, period->kind)->label, NO_MARKER,
             period->summary, period->first_excerpt, period->n_excerpts);
}

GtkWidget *
entente_event_row_new (EntenteDataset *dataset,
                       guint           index,
                       const char     *action)
{
  const EntenteEvent *event = entente_dataset_get_event (dataset, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *marker = entente_marker_new ();
  g_autofree char *date = entente_event_format_dates (event);

  /* A dataset's words, as written. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  entente_marker_set_category (ENTENTE_MARKER (marker), dataset, event->category);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), marker);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (gint32) index);
  return row;
}

void
entente_source_panel_set_period_events (EntenteSourcePanel *self,
                                        EntenteDataset     *dataset,
                                        const guint        *events,
                                        guint               n_events)
{
  GtkWidget *child;
  guint listed = MIN (n_events, MAX_PERIOD_EVENTS);

  g_return_if_fail (ENTENTE_IS_SOURCE_PANEL (self));
  g_return_if_fail (ENTENTE_IS_DATASET (dataset));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->events_list))) != NULL)
    gtk_list_box_remove (self->events_list, child);
  for (guint i = 0; i < listed; i++)
    gtk_list_box_append (self->events_list, entente_event_row_new (dataset, events[i], "win.select-event"));
  gtk_widget_set_visible (GTK_WIDGET (self->events_heading), n_events > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->events_list), n_events > 0);
  if (n_events > listed)
    {
      g_autofree char *count = entente_format_count (n_events - listed);
      /* TRANSLATORS: under the first events of a period in the panel;
       * %s is a number with the locale's digit grouping */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more, in the list of all events",
                                                            "And %s more, in the list of all events",
                                                            n_events - listed),
                                               count);

      gtk_label_set_text (self->events_more, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->events_more), n_events > listed);
}

guint
entente_source_panel_get_n_period_events (EntenteSourcePanel *self)
{
  guint n = 0;

  g_return_val_if_fail (ENTENTE_IS_SOURCE_PANEL (self), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->events_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

void
entente_source_panel_clear (EntenteSourcePanel *self)
{
  g_return_if_fail (ENTENTE_IS_SOURCE_PANEL (self));

  clear_excerpts (self);
  gtk_label_set_text (self->title_label, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

const char *
entente_source_panel_get_title (EntenteSourcePanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_SOURCE_PANEL (self), NULL);
  return gtk_label_get_text (self->title_label);
}

guint
entente_source_panel_get_n_excerpts (EntenteSourcePanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_SOURCE_PANEL (self), 0);
  return self->quote_labels->len;
}

const char *
entente_source_panel_get_quote (EntenteSourcePanel *self,
                                guint               index)
{
  g_return_val_if_fail (ENTENTE_IS_SOURCE_PANEL (self), NULL);
  g_return_val_if_fail (index < self->quote_labels->len, NULL);
  return gtk_label_get_text (g_ptr_array_index (self->quote_labels, index));
}

const char *
entente_source_panel_get_citation (EntenteSourcePanel *self,
                                   guint               index)
{
  g_return_val_if_fail (ENTENTE_IS_SOURCE_PANEL (self), NULL);
  g_return_val_if_fail (index < self->citation_labels->len, NULL);
  return gtk_label_get_text (g_ptr_array_index (self->citation_labels, index));
}

static void
entente_source_panel_dispose (GObject *object)
{
  EntenteSourcePanel *self = ENTENTE_SOURCE_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_SOURCE_PANEL);
  g_clear_pointer (&self->quote_labels, g_ptr_array_unref);
  g_clear_pointer (&self->citation_labels, g_ptr_array_unref);
  g_clear_pointer (&self->highlight, g_free);

  G_OBJECT_CLASS (entente_source_panel_parent_class)->dispose (object);
}

static void
entente_source_panel_class_init (EntenteSourcePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_source_panel_dispose;

  g_type_ensure (ENTENTE_TYPE_MARKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entente/Entente/entente-source-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, kind_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, date_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, meta_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, meta_marker);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, meta_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, excerpts_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, events_heading);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, events_list);
  gtk_widget_class_bind_template_child (widget_class, EntenteSourcePanel, events_more);
  gtk_widget_class_set_css_name (widget_class, "sourcepanel");
}

static void
entente_source_panel_init (EntenteSourcePanel *self)
{
  self->quote_labels = g_ptr_array_new ();
  self->citation_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The marks' colour is the style's. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (highlight_all), self, G_CONNECT_SWAPPED);
}
