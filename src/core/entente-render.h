/* entente-render.h: draws a layout on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "entente-layout.h"
#include "entente-style.h"

G_BEGIN_DECLS

/* What changes between frames without a new layout. */
typedef struct {
  int             selected_event;  /* an event index, or -1 */
  int             selected_period; /* a period index, or -1 */
  int             hovered_event;   /* an event index, or -1 */
  int             hovered_cluster; /* into entente_layout_get_clusters(), or -1 */
  int             hovered_volume;  /* into entente_layout_get_volume(), or -1 */
  EntenteSide     hovered_side;    /* which of hovered_volume's bars */
  /* One flag per event of the dataset while a search is active: matches
   * are drawn as usual and the rest dimmed. NULL when there is no search. */
  const gboolean *matches;
} EntenteRenderState;

void     entente_render_state_init   (EntenteRenderState *state);

/* Paints the whole canvas (viewport width × height, in user units) with
 * the colours of style, or of the layout's own style when style is NULL;
 * its fonts must be the layout's. state may be NULL. Only paints: all
 * measuring happened in the layout, so this is cheap enough for every
 * frame. */
void     entente_render_draw         (EntenteLayout            *layout,
                                      const EntenteStyle       *style,
                                      const EntenteRenderState *state,
                                      cairo_t                  *cr);

/* Markers: each category has a shape as well as a colour, so that colour
 * is not the only thing that tells them apart. */
guint    entente_render_marker_shape (int                       category);
/* Adds the shape's path, centred on (x, y), size wide. */
void     entente_render_marker_path  (cairo_t                  *cr,
                                      guint                     shape,
                                      double                    x,
                                      double                    y,
                                      double                    size);

/* One marker of category (or the fallback's, for -1), as the chart and
 * its legend draw it, centred on (x, y), size wide: for lists and panels
 * beside the chart. */
void     entente_render_category_marker (EntenteDataset        *dataset,
                                         const EntenteStyle    *style,
                                         int                    category,
                                         double                 x,
                                         double                 y,
                                         double                 size,
                                         cairo_t               *cr);

/* Where entente_render_overview () draws the window's box, across a
 * strip width wide: its left and right edges, within the strip. */
void     entente_render_overview_box (double                    from_day,
                                      double                    to_day,
                                      double                    window_from,
                                      double                    window_to,
                                      double                    width,
                                      double                   *x0,
                                      double                   *x1);

/* A strip of the whole dataset: period colours, event density and the
 * window [window_from, window_to) outlined, over width × height. */
void     entente_render_overview     (EntenteDataset           *dataset,
                                      const EntenteStyle       *style,
                                      double                    from_day,
                                      double                    to_day,
                                      double                    window_from,
                                      double                    window_to,
                                      double                    width,
                                      double                    height,
                                      cairo_t                  *cr);

G_END_DECLS
