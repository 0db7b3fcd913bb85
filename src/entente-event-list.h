/* entente-event-list.h: the chart's events as a list, for reading aloud
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-timeline-view.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_EVENT_LIST (entente_event_list_get_type ())
G_DECLARE_FINAL_TYPE (EntenteEventList, entente_event_list, ENTENTE, EVENT_LIST, AdwBin)

GtkWidget *entente_event_list_new                (void);
/* Lists the view's shown events in date order and keeps the selection of
 * both the same. */
void       entente_event_list_set_view           (EntenteEventList    *self,
                                                  EntenteTimelineView *view);
/* The event at a row, or -1; and how many rows there are. */
int        entente_event_list_get_selected_event (EntenteEventList    *self);
guint      entente_event_list_get_n_rows         (EntenteEventList    *self);
/* The event of the row at the top of the list as shown, or -1 when the
 * list is not on screen. */
int        entente_event_list_get_top_event      (EntenteEventList    *self);
void       entente_event_list_select_row         (EntenteEventList    *self,
                                                  guint                row);

G_END_DECLS
