/* entente-timeline-view.h: the chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "entente-dataset.h"
#include "entente-export.h"
#include "entente-layout.h"
#include "entente-style.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_TIMELINE_VIEW (entente_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (EntenteTimelineView, entente_timeline_view, ENTENTE, TIMELINE_VIEW, GtkWidget)

GtkWidget      *entente_timeline_view_new                (void);

/* A new dataset shows its whole range with nothing selected. */
void            entente_timeline_view_set_dataset        (EntenteTimelineView *self,
                                                          EntenteDataset      *dataset);
EntenteDataset *entente_timeline_view_get_dataset        (EntenteTimelineView *self);

void            entente_timeline_view_get_range          (EntenteTimelineView *self,
                                                          double              *from_day,
                                                          double              *to_day);
/* Jumps, or moves smoothly when animate is TRUE. The range is clamped to
 * the zoom limits. */
void            entente_timeline_view_set_range          (EntenteTimelineView *self,
                                                          double               from_day,
                                                          double               to_day,
                                                          gboolean             animate);
void            entente_timeline_view_zoom_to_fit        (EntenteTimelineView *self);
/* The widest range the view shows: the whole timeline and a margin. */
void            entente_timeline_view_get_limits         (EntenteTimelineView *self,
                                                          double              *from_day,
                                                          double              *to_day);
/* Shows the days from from_day to to_day (excluded) with room around
 * them: a quarter more, and at least min_span days, so that a short time
 * is seen among its neighbours. FALSE, the view left as it was, when
 * they lie wholly outside the limits. */
gboolean        entente_timeline_view_show_days          (EntenteTimelineView *self,
                                                          double               from_day,
                                                          double               to_day,
                                                          double               min_span);
/* Zooms in on a cluster of the current layout so that its events spread
 * out: to the days they take up in the view, where a span that began
 * before the view takes up its first day. Never zooms out. */
void            entente_timeline_view_open_cluster       (EntenteTimelineView *self,
                                                          guint                index);
/* Zooms in on the days of column index of the layout's histogram, as a
 * click on its bar does. */
void            entente_timeline_view_open_volume        (EntenteTimelineView *self,
                                                          guint                index);
void            entente_timeline_view_zoom               (EntenteTimelineView *self,
                                                          double               factor,
                                                          double               around_x);

/* -1 for none. Selecting an event clears a selected period and the other
 * way round; a selection outside the view scrolls it into view. */
int             entente_timeline_view_get_selected_event (EntenteTimelineView *self);
void            entente_timeline_view_select_event       (EntenteTimelineView *self,
                                                          int                  event);
int             entente_timeline_view_get_selected_period (EntenteTimelineView *self);
void            entente_timeline_view_select_period      (EntenteTimelineView *self,
                                                          int                  period);
/* Steps through the shown events in date order (hidden categories and,
 * during a search, non-matching events are passed over); with none
 * selected, from the first (or last) one that begins in view. */
gboolean        entente_timeline_view_select_next        (EntenteTimelineView *self,
                                                          int                  direction);
/* Steps through the periods in date order, passing over hidden kinds;
 * with none selected, from the first (or last) one in view. A period out
 * of view is brought into it. */
gboolean        entente_timeline_view_select_next_period (EntenteTimelineView *self,
                                                          int                  direction);
void            entente_timeline_view_select_first       (EntenteTimelineView *self);
void            entente_timeline_view_select_last        (EntenteTimelineView *self);

/* A search's flags, one gboolean per event, or NULL to end it. The view
 * keeps a reference: the flags must not change. */
GBytes         *entente_timeline_view_get_matches        (EntenteTimelineView *self);
void            entente_timeline_view_set_matches        (EntenteTimelineView *self,
                                                          GBytes              *matches);
/* Appends to events (guint), in order, the index of every event shown:
 * in no hidden category and, during a search, matching it. */
void            entente_timeline_view_collect_shown      (EntenteTimelineView *self,
                                                          GArray              *events);
gboolean        entente_timeline_view_is_shown           (EntenteTimelineView *self,
                                                          guint                event);

void            entente_timeline_view_set_category_hidden (EntenteTimelineView *self,
                                                           guint                category,
                                                           gboolean             hidden);
void            entente_timeline_view_set_kind_hidden    (EntenteTimelineView *self,
                                                          guint                kind,
                                                          gboolean             hidden);

/* Opens the selection's menu, as the Menu key does, pointing at widget:
 * one beside the view, as a row of the list of events. */
void            entente_timeline_view_popup_menu_at      (EntenteTimelineView *self,
                                                          GtkWidget           *widget);
/* The layout drawn at the moment (building it if needed), for tests and
 * for exporting exactly what is on screen. */
EntenteLayout  *entente_timeline_view_get_layout         (EntenteTimelineView *self);
gboolean        entente_timeline_view_get_dark           (EntenteTimelineView *self);
/* The colours the chart is drawn with now: they follow the system style. */
const EntenteStyle *entente_timeline_view_get_style      (EntenteTimelineView *self);
/* What the tooltip at (x, y) says, or NULL. */
char           *entente_timeline_view_get_tooltip_text_at (EntenteTimelineView *self,
                                                           double               x,
                                                           double               y);
/* The label the last tooltip was shown in, or NULL before the first. */
GtkLabel       *entente_timeline_view_get_tooltip_label (EntenteTimelineView *self);

/* What an export needs to look like the view: its range in whole days,
 * its theme and selection, the categories and kinds it hides and its
 * search's matches, set in options (the flags borrowed from the view,
 * valid until it changes). Size and format are left as they were. */
void            entente_timeline_view_get_export_options (EntenteTimelineView  *self,
                                                          EntenteExportOptions *options);

G_END_DECLS
