/* entente-event-model.h: a dataset's events as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_EVENT_MODEL (entente_event_model_get_type ())
G_DECLARE_FINAL_TYPE (EntenteEventModel, entente_event_model, ENTENTE, EVENT_MODEL, GObject)

/* Appends to rows (guint), in order, the index of every event the list
 * shows. */
typedef void (*EntenteEventFilterFunc) (GArray  *rows,
                                        gpointer user_data);

/* Items are GtkStringObjects holding the event's index in decimal: made
 * when asked for, so a million events cost nothing until shown. */
EntenteEventModel *entente_event_model_new         (void);
void               entente_event_model_set_dataset (EntenteEventModel     *self,
                                                    EntenteDataset        *dataset);
EntenteDataset    *entente_event_model_get_dataset (EntenteEventModel     *self);
void               entente_event_model_set_filter  (EntenteEventModel     *self,
                                                    EntenteEventFilterFunc func,
                                                    gpointer               user_data);
/* Asks the filter again, and tells the change so that a list view
 * showing top_event (or, if it goes, the first row after it that stays)
 * at its top keeps it there; -1 for none. */
void               entente_event_model_refilter    (EntenteEventModel     *self,
                                                    int                    top_event);
guint              entente_event_model_find_event  (EntenteEventModel     *self,
                                                    guint                  event);
guint              entente_event_model_item_index  (gpointer               item);

G_END_DECLS
