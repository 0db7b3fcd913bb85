/* entente-source-panel.h: an event's or period's words and sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_SOURCE_PANEL (entente_source_panel_get_type ())
G_DECLARE_FINAL_TYPE (EntenteSourcePanel, entente_source_panel, ENTENTE, SOURCE_PANEL, AdwBin)

void        entente_source_panel_show_event    (EntenteSourcePanel *self,
                                                EntenteDataset     *dataset,
                                                guint               event);
void        entente_source_panel_show_period   (EntenteSourcePanel *self,
                                                EntenteDataset     *dataset,
                                                guint               period);
/* Lists the events of the period shown (indices into the dataset's
 * events, in date order), each a row that selects its event; none hides
 * the list. */
void        entente_source_panel_set_period_events (EntenteSourcePanel *self,
                                                    EntenteDataset     *dataset,
                                                    const guint        *events,
                                                    guint               n_events);
guint       entente_source_panel_get_n_period_events (EntenteSourcePanel *self);
void        entente_source_panel_clear         (EntenteSourcePanel *self);
/* Marks where text (NULL for none) is, as the search finds it, in the
 * item's title, summary and quotations, now and in items shown next. */
void        entente_source_panel_set_highlight (EntenteSourcePanel *self,
                                                const char         *text);

/* What the panel shows, read back from its widgets. */
const char *entente_source_panel_get_title     (EntenteSourcePanel *self);
guint       entente_source_panel_get_n_excerpts (EntenteSourcePanel *self);
const char *entente_source_panel_get_quote     (EntenteSourcePanel *self,
                                                guint               index);
const char *entente_source_panel_get_citation  (EntenteSourcePanel *self,
                                                guint               index);

/* "Sergey Radchenko, “Title”, Publisher, 16 January 2020, 2 The alliance"
 * — plain text, for the panel and the clipboard. */
char       *entente_format_citation            (const EntenteSource *source,
                                                const char          *locator);

/* What the copy button puts on the clipboard: the quotation, the
 * citation under it, and the source's address when it is on the web
 * (url may be NULL). */
char       *entente_format_quotation           (const char          *quote,
                                                const char          *citation,
                                                const char          *url);

/* text, and under it url when it is on the web: what is copied of a
 * source, for a reader of the text to find it. */
char       *entente_format_with_address        (const char          *text,
                                                const char          *url);

/* Only http and https addresses are ever opened from a dataset. */
gboolean    entente_uri_is_web                 (const char          *url);

/* A flat button that puts text on the clipboard and has the window
 * (through its win.show-toast action) say toast; tooltip and label name
 * it for the eye and for screen readers. */
GtkWidget  *entente_copy_button_new            (const char          *tooltip,
                                                const char          *label,
                                                const char          *text,
                                                const char          *toast);
/* A flat button that opens a source's address in the web browser, or
 * NULL when url is not on the web. */
GtkWidget  *entente_open_source_button_new     (const char          *url);

/* A row naming an event of dataset (index) with its marker, title and
 * date, that activates action with the index as an int32. */
GtkWidget  *entente_event_row_new              (EntenteDataset      *dataset,
                                                guint                index,
                                                const char          *action);

G_END_DECLS
