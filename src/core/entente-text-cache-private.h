/* entente-text-cache-private.h: what layouts ask of a text cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "entente-text-cache.h"

G_BEGIN_DECLS

/* Where a line of shaped text is cut: after whole clusters of glyphs,
 * the first n_glyphs of run number run (visual order), width wide. */
typedef struct {
  guint  run;
  guint  n_glyphs;
  double width;
} EntenteTextCut;

/* Plain left-to-right text shaped straight into glyphs, without a
 * layout's line breaking and caches, which cost as much again. Layouts
 * from the cache carry it when their text is that simple; the renderer
 * draws from it on pixels and leaves their lines uncomputed. Its
 * extents are the layout's own. */
typedef struct {
  GPtrArray *runs;      /* PangoGlyphItem, left to right */
  double     width;     /* logical, as pango_layout_get_extents () */
  double     height;
  double     baseline;  /* from the top, as pango_layout_get_baseline () */
  /* Text of one run in one font, with a drawable glyph for every glyph
   * Pango gave (most titles): its glyphs ready for cairo, from the
   * text's origin, so drawing reads one array rather than following the
   * run, its item, its font and its glyph string. NULL otherwise. */
  cairo_glyph_t       *glyphs;
  guint                n_glyphs;
  cairo_scaled_font_t *font;    /* the run's, which keeps it */
  /* The last cut made of it (see _entente_text_cut ()): a pan moves a
   * crowded view's labels together, so each is mostly cut where it was
   * in the frame before, and finding the place again is a walk through
   * glyph arrays scattered over the heap. */
  int            cut_budget;  /* Pango units; -1 before the first cut */
  gboolean       cut_found;
  EntenteTextCut cut;
} EntenteShapedText;

/* NULL unless layout came from a text cache with its text shaped so. */
const EntenteShapedText *_entente_shaped_text_get (PangoLayout *layout);

/* Everything a layout measures goes through this context. */
PangoContext   *_entente_text_cache_get_context    (EntenteTextCache           *self);
EntenteDataset *_entente_text_cache_get_dataset    (EntenteTextCache           *self);

/* A small number for font, the same for equal descriptions: what the
 * other calls take, so that a lookup does not compare descriptions. */
guint           _entente_text_cache_font_id        (EntenteTextCache           *self,
                                                    const PangoFontDescription *font);

/* text on one line in the font, neither wrapped nor elided: a layout
 * that others may share, so it must not be changed. A new reference.
 * width and height (its logical size) may be NULL. */
PangoLayout    *_entente_text_cache_get_text       (EntenteTextCache           *self,
                                                    guint                       font,
                                                    const char                 *text,
                                                    double                     *width,
                                                    double                     *height);

/* The logical size of an event's title in the font, measured once for
 * as long as the cache lives. */
void            _entente_text_cache_get_label_size (EntenteTextCache           *self,
                                                    guint                       font,
                                                    guint                       event,
                                                    double                     *width,
                                                    double                     *height);

/* An event's title in the font, as _entente_text_cache_get_text ()
 * gives it, found without hashing the title when the event asked for it
 * lately. A new reference. */
PangoLayout    *_entente_text_cache_get_label      (EntenteTextCache           *self,
                                                    guint                       font,
                                                    guint                       event,
                                                    double                     *width,
                                                    double                     *height);

G_END_DECLS
