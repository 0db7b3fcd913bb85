/* entente-layout-private.h: what the renderer reads beyond the public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-layout.h"
#include "entente-text-cache-private.h"

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

/* "…" in the labels' font, for labels elided as they are drawn. */
PangoLayout *_entente_layout_get_ellipsis       (EntenteLayout *self);

/* Where a label's line is cut to leave at most max_width (see
 * EntenteTextCut). FALSE when the whole line is no wider than fits,
 * or when it cannot be cut so (it runs right to left in part). */
gboolean     _entente_text_cut                  (PangoLayout    *text,
                                                 double          fits,
                                                 double          max_width,
                                                 EntenteTextCut *cut);

/* Where the layout cut the label of item number item, or NULL when it
 * drew it whole (or elided it with a layout of its own). */
const EntenteTextCut *_entente_layout_get_label_cut (EntenteLayout *self,
                                                     guint          item);

G_END_DECLS
