/* entente-go-to-date.h: moves a timeline to a date the reader types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-timeline-view.h"

G_BEGIN_DECLS

/* Asks, in a dialog over parent, for a year, a month or a day, and shows
 * it in view. The dialog starts on the year in the middle of the view. */
void entente_go_to_date (GtkWindow           *parent,
                         EntenteTimelineView *view);

G_END_DECLS
