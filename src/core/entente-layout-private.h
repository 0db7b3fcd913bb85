/* entente-layout-private.h: what the renderer reads beyond the public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-layout.h"

G_BEGIN_DECLS

/* The legend's group headings ("Periods", "Events"). */
guint        _entente_layout_get_n_legend_heads (EntenteLayout *self);
PangoLayout *_entente_layout_get_legend_head    (EntenteLayout *self,
                                                 guint          index,
                                                 EntenteRect   *rect);
/* FALSE when the layout was made without title, legend and footer. */
gboolean     _entente_layout_has_chrome         (EntenteLayout *self);
/* The lanes' vertical extent: below the period labels, above the ticks. */
void         _entente_layout_get_lanes          (EntenteLayout *self,
                                                 double        *top,
                                                 double        *bottom);

/* The zone around the axis for joint events; FALSE when they only have
 * the axis itself. */
gboolean     _entente_layout_get_joint_zone     (EntenteLayout *self,
                                                 double        *top,
                                                 double        *bottom);

G_END_DECLS
