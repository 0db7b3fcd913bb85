/* entente-style.h: the colours and fonts a chart is drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Straight (not premultiplied) RGBA, each channel 0…1. */
typedef struct {
  double r;
  double g;
  double b;
  double a;
} EntenteColor;

typedef enum {
  ENTENTE_FONT_TITLE,    /* the dataset's title */
  ENTENTE_FONT_SUBTITLE, /* subtitle and visible range */
  ENTENTE_FONT_LABEL,    /* event labels, legend */
  ENTENTE_FONT_BAND,     /* period labels */
  ENTENTE_FONT_TICK,     /* time axis */
  ENTENTE_FONT_SMALL,    /* footer */
  ENTENTE_FONT_PARTY,    /* "CHINA ↑" beside the axis */
  ENTENTE_FONT_BADGE,    /* "+7" on a cluster */
  ENTENTE_N_FONTS
} EntenteFontRole;

/* Everything that decides how a chart looks. Fields are public so that the
 * window can fill them from its theme; a layout copies the style it was
 * built with, and drawing may use another style with the same fonts (a
 * theme switch recolours without measuring text again). */
typedef struct {
  gboolean     dark;
  /* For readers who ask for more contrast: secondary text as strong as
   * the rest, lines and outlines drawn firmer, and coloured text and
   * marks held to higher ratios. */
  gboolean     high_contrast;

  EntenteColor background;      /* the canvas, around the plot */
  EntenteColor plot_background; /* under the bands */
  EntenteColor plot_border;
  EntenteColor text;            /* titles and labels */
  EntenteColor text_dim;        /* secondary text: range, ticks, footer */
  EntenteColor axis;
  EntenteColor grid;            /* major tick lines across the plot */
  EntenteColor stem;            /* leader lines from a label to the axis */
  EntenteColor joint_zone;      /* the strip around the axis for joint events */
  EntenteColor accent;          /* the selection */
  EntenteColor hover;
  EntenteColor cluster;         /* "+7" badges */
  EntenteColor cluster_text;
  EntenteColor fallback;        /* a kind or category without a colour */

  double       band_alpha;      /* how strongly a period tints the plot */
  double       span_alpha;      /* how strongly a span's bar is filled */
  double       dim_alpha;       /* events that do not match a search */
  double       outline_alpha;   /* of a span's outline, over its colour's */

  char        *font_family;     /* a comma-separated fallback list */
  double       font_size[ENTENTE_N_FONTS]; /* in logical pixels */
} EntenteStyle;

#define ENTENTE_TYPE_STYLE (entente_style_get_type ())

GType         entente_style_get_type          (void) G_GNUC_CONST;
EntenteStyle *entente_style_new_light         (void);
EntenteStyle *entente_style_new_dark          (void);
EntenteStyle *entente_style_new               (gboolean            dark);
EntenteStyle *entente_style_new_full          (gboolean            dark,
                                               gboolean            high_contrast);
EntenteStyle *entente_style_copy              (const EntenteStyle *style);
void          entente_style_free              (EntenteStyle       *style);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteStyle, entente_style_free)

/* Text scaled by factor (clamped to 0.5–3), as the system's large-text
 * setting asks: every font size, and nothing else. */
void          entente_style_scale_text        (EntenteStyle       *style,
                                               double              factor);

/* A new description for role, in absolute pixels. */
PangoFontDescription *entente_style_get_font  (const EntenteStyle *style,
                                               EntenteFontRole     role);

/* The fill of a period's band, already composited over the plot. */
EntenteColor  entente_style_band_color        (const EntenteStyle *style,
                                               guint32             rgb);
/* The kind's colour darkened (light) or lightened (dark) until text in it
 * reads at 4.5:1 on the band it labels (7:1 in high contrast). */
EntenteColor  entente_style_band_label_color  (const EntenteStyle *style,
                                               guint32             rgb);
/* A category's colour as a marker: adjusted to stand out from the plot at
 * 3:1, the contrast WCAG asks of graphics (4.5:1 in high contrast). */
EntenteColor  entente_style_marker_color      (const EntenteStyle *style,
                                               guint32             rgb);
/* The colour a dataset kind is drawn with: its own, or one from the
 * palette chosen by index when it has none. */
guint32       entente_style_kind_rgb          (const EntenteStyle *style,
                                               gboolean            has_color,
                                               guint32             color,
                                               guint               index);

EntenteColor  entente_color_from_rgb          (guint32             rgb);
/* Source over an opaque destination; the result is opaque. */
EntenteColor  entente_color_over              (EntenteColor        top,
                                               EntenteColor        bottom);
EntenteColor  entente_color_mix               (EntenteColor        a,
                                               EntenteColor        b,
                                               double              t);
/* WCAG 2 relative luminance and contrast ratio (1…21) of opaque colours. */
double        entente_color_luminance         (EntenteColor        color);
double        entente_color_contrast          (EntenteColor        a,
                                               EntenteColor        b);
/* Moves color towards black or white, whichever contrasts with
 * background, until the two reach ratio. */
EntenteColor  entente_color_ensure_contrast   (EntenteColor        color,
                                               EntenteColor        background,
                                               double              ratio);

G_END_DECLS
