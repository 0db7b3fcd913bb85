/* entente-render-private.h: the renderer's other way of drawing, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-render.h"

G_BEGIN_DECLS

/* Draws as on a vector surface whatever cr's target is: every shape
 * traced as a path, none copied from a sprite or put together from
 * pieces. What pixels get by those shortcuts can be checked against it. */
void _entente_render_draw_paths (EntenteLayout            *layout,
                                 const EntenteStyle       *style,
                                 const EntenteRenderState *state,
                                 cairo_t                  *cr);

G_END_DECLS
