/* entente-overview.h: the whole range in a strip, with the view marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "entente-timeline-view.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_OVERVIEW (entente_overview_get_type ())
G_DECLARE_FINAL_TYPE (EntenteOverview, entente_overview, ENTENTE, OVERVIEW, GtkWidget)

/* Follows the view's dataset and range, and moves the view when the
 * marked window is dragged or the strip clicked. */
GtkWidget *entente_overview_new      (void);
void       entente_overview_set_view (EntenteOverview     *self,
                                      EntenteTimelineView *view);

G_END_DECLS
