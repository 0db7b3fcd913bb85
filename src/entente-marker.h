/* entente-marker.h: an event category's marker, as the chart draws it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_MARKER (entente_marker_get_type ())
G_DECLARE_FINAL_TYPE (EntenteMarker, entente_marker, ENTENTE, MARKER, GtkWidget)

/* The same shape and colour beside an event in a list as on the chart,
 * in the system's style; decorative, since the text beside it names the
 * category. */
GtkWidget *entente_marker_new          (void);
/* category -1 draws the chart's marker for an event without one; a
 * NULL dataset draws nothing. */
void       entente_marker_set_category (EntenteMarker  *self,
                                        EntenteDataset *dataset,
                                        int             category);
int        entente_marker_get_category (EntenteMarker  *self);

G_END_DECLS
