/* entente-style.c: the colours and fonts a chart is drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "entente-style.h"

#include <math.h>

G_DEFINE_BOXED_TYPE (EntenteStyle, entente_style, entente_style_copy, entente_style_free)

/* Cantarell is GNOME's face; the others cover what it lacks (Cyrillic in
 * older Cantarell, CJK) and stand in where it is not installed. */
#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, Droid Sans Fallback"

/* The GNOME palette, for kinds and categories that bring no colour. */
static const guint32 palette[] = {
  0x3584e4, /* blue 3 */
  0xe66100, /* orange 4 */
  0x2ec27e, /* green 4 */
  0x9141ac, /* purple 3 */
  0xc01c28, /* red 4 */
  0x986a44, /* brown 3 */
  0xe5a50a, /* yellow 5 */
  0x1a5fb4, /* blue 5 */
};

static EntenteColor
rgba (guint32 rgb,
      double  alpha)
{
  EntenteColor color = entente_color_from_rgb (rgb);

  color.a = alpha;
  return color;
}

EntenteStyle *
entente_style_new (gboolean dark)
{
  return entente_style_new_full (dark, FALSE);
}

/* High contrast keeps the hues and the layout: only what was faint is
 * made firm, so that the chart reads the same, more plainly. Bands stay
 * as light as they were, since text is drawn on them. */
static void
raise_contrast (EntenteStyle *style)
{
  EntenteColor text = style->text;

  style->high_contrast = TRUE;
  style->text_dim = text;
  style->plot_border = entente_color_over ((EntenteColor) { text.r, text.g, text.b, 0.55 },
                                           style->plot_background);
  style->axis = text;
  style->grid = (EntenteColor) { text.r, text.g, text.b, style->dark ? 0.30 : 0.26 };
  style->stem = (EntenteColor) { text.r, text.g, text.b, 0.5 };
  style->joint_zone.a *= 2;
  style->hover.a = 0.85;
  style->dim_alpha = 0.35;
  style->outline_alpha = 1.0;
}

EntenteStyle *
entente_style_new_full (gboolean dark,
                        gboolean high_contrast)
{
  EntenteStyle *style = g_new0 (EntenteStyle, 1);

  style->dark = dark;
  if (!dark)
    {
      style->background = rgba (0xfafafa, 1);
      style->plot_background = rgba (0xffffff, 1);
      style->plot_border = rgba (0xdeddda, 1);
      style->text = rgba (0x241f31, 1);
      style->text_dim = rgba (0x5e5c64, 1);
      style->axis = rgba (0x3d3846, 0.85);
      style->grid = rgba (0x241f31, 0.10);
      style->stem = rgba (0x3d3846, 0.30);
      style->joint_zone = rgba (0x241f31, 0.045);
      style->accent = rgba (0x1c71d8, 1);
      style->hover = rgba (0x1c71d8, 0.45);
      style->cluster = rgba (0x3d3846, 1);
      style->cluster_text = rgba (0xffffff, 1);
      style->fallback = rgba (0x77767b, 1);
      style->band_alpha = 0.30;
      style->span_alpha = 0.28;
      style->dim_alpha = 0.25;
    }
  else
    {
      style->background = rgba (0x242424, 1);
      style->plot_background = rgba (0x1e1e1e, 1);
      style->plot_border = rgba (0x3d3846, 1);
      style->text = rgba (0xf6f5f4, 1);
      style->text_dim = rgba (0xc0bfbc, 1);
      style->axis = rgba (0xdeddda, 0.80);
      style->grid = rgba (0xffffff, 0.09);
      style->stem = rgba (0xc0bfbc, 0.32);
      style->joint_zone = rgba (0x000000, 0.12);
      style->accent = rgba (0x78aeed, 1);
      style->hover = rgba (0x78aeed, 0.50);
      style->cluster = rgba (0xdeddda, 1);
      style->cluster_text = rgba (0x1e1e1e, 1);
      style->fallback = rgba (0x9a9996, 1);
      style->band_alpha = 0.24;
      style->span_alpha = 0.34;
      style->dim_alpha = 0.25;
    }
  style->outline_alpha = 0.7;
  if (high_contrast)
    raise_contrast (style);

  style->font_family = g_strdup (FONT_FAMILY);
  style->font_size[ENTENTE_FONT_TITLE] = 19;
  style->font_size[ENTENTE_FONT_SUBTITLE] = 13;
  style->font_size[ENTENTE_FONT_LABEL] = 12;
  style->font_size[ENTENTE_FONT_BAND] = 12;
  style->font_size[ENTENTE_FONT_TICK] = 11;
  style->font_size[ENTENTE_FONT_SMALL] = 11;
  style->font_size[ENTENTE_FONT_PARTY] = 10;
  style->font_size[ENTENTE_FONT_BADGE] = 10.5;

  return style;
}

EntenteStyle *
entente_style_new_light (void)
{
  return entente_style_new (FALSE);
}

EntenteStyle *
entente_style_new_dark (void)
{
  return entente_style_new (TRUE);
}

EntenteStyle *
entente_style_copy (const EntenteStyle *style)
{
  EntenteStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_memdup2 (style, sizeof *style);
  copy->font_family = g_strdup (style->font_family);
  return copy;
}

void
entente_style_free (EntenteStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->font_family);
  g_free (style);
}

void
entente_style_scale_text (EntenteStyle *style,
                          double        factor)
{
  g_return_if_fail (style != NULL);

  factor = isfinite (factor) ? CLAMP (factor, 0.5, 3.0) : 1.0;
  for (guint i = 0; i < ENTENTE_N_FONTS; i++)
    style->font_size[i] *= factor;
}

PangoFontDescription *
entente_style_get_font (const EntenteStyle *style,
                        EntenteFontRole     role)
{
  PangoFontDescription *desc;

  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (role < ENTENTE_N_FONTS, NULL);

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, style->font_family);
  /* Absolute sizes: a chart is laid out in logical pixels, whatever the
   * resolution of the surface it ends up on. */
  pango_font_description_set_absolute_size (desc, style->font_size[role] * PANGO_SCALE);

  switch (role)
    {
    case ENTENTE_FONT_TITLE:
    case ENTENTE_FONT_PARTY:
    case ENTENTE_FONT_BADGE:
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      break;
    case ENTENTE_FONT_BAND:
      pango_font_description_set_weight (desc, PANGO_WEIGHT_SEMIBOLD);
      break;
    case ENTENTE_FONT_SUBTITLE:
    case ENTENTE_FONT_LABEL:
    case ENTENTE_FONT_TICK:
    case ENTENTE_FONT_SMALL:
    case ENTENTE_N_FONTS:
    default:
      break;
    }
  return desc;
}

EntenteColor
entente_color_from_rgb (guint32 rgb)
{
  EntenteColor color = {
    ((rgb >> 16) & 0xff) / 255.0,
    ((rgb >> 8) & 0xff) / 255.0,
    (rgb & 0xff) / 255.0,
    1.0,
  };
  return color;
}

EntenteColor
entente_color_over (EntenteColor top,
                    EntenteColor bottom)
{
  EntenteColor color = {
    top.r * top.a + bottom.r * (1 - top.a),
    top.g * top.a + bottom.g * (1 - top.a),
    top.b * top.a + bottom.b * (1 - top.a),
    1.0,
  };
  return color;
}

EntenteColor
entente_color_mix (EntenteColor a,
                   EntenteColor b,
                   double       t)
{
  EntenteColor color = {
    a.r + (b.r - a.r) * t,
    a.g + (b.g - a.g) * t,
    a.b + (b.b - a.b) * t,
    a.a + (b.a - a.a) * t,
  };
  return color;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
entente_color_luminance (EntenteColor color)
{
  return 0.2126 * linear_channel (color.r) +
         0.7152 * linear_channel (color.g) +
         0.0722 * linear_channel (color.b);
}

double
entente_color_contrast (EntenteColor a,
                        EntenteColor b)
{
  double la = entente_color_luminance (a);
  double lb = entente_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

EntenteColor
entente_color_ensure_contrast (EntenteColor color,
                               EntenteColor background,
                               double       ratio)
{
  EntenteColor white = { 1, 1, 1, 1 };
  EntenteColor black = { 0, 0, 0, 1 };
  EntenteColor target;
  double lo = 0, hi = 1;

  color.a = 1;
  if (entente_color_contrast (color, background) >= ratio)
    return color;

  /* Whichever extreme contrasts more with the background is the way out;
   * bisect for the least change that reaches the ratio, so the hue stays
   * as recognisable as it can. */
  target = entente_color_contrast (white, background) > entente_color_contrast (black, background)
           ? white : black;
  for (int i = 0; i < 24; i++)
    {
      double mid = (lo + hi) / 2;

      if (entente_color_contrast (entente_color_mix (color, target, mid), background) >= ratio)
        hi = mid;
      else
        lo = mid;
    }
  return entente_color_mix (color, target, hi);
}

guint32
entente_style_kind_rgb (const EntenteStyle *style,
                        gboolean            has_color,
                        guint32             color,
                        guint               index)
{
  if (has_color)
    return color;
  return palette[index % G_N_ELEMENTS (palette)];
}

EntenteColor
entente_style_band_color (const EntenteStyle *style,
                          guint32             rgb)
{
  EntenteColor tint = entente_color_from_rgb (rgb);

  g_return_val_if_fail (style != NULL, tint);

  tint.a = style->band_alpha;
  return entente_color_over (tint, style->plot_background);
}

EntenteColor
entente_style_band_label_color (const EntenteStyle *style,
                                guint32             rgb)
{
  EntenteColor band;

  g_return_val_if_fail (style != NULL, entente_color_from_rgb (rgb));

  band = entente_style_band_color (style, rgb);
  /* A little above 4.5 (or 7) so that antialiasing does not push a
   * label under the line. */
  return entente_color_ensure_contrast (entente_color_from_rgb (rgb), band,
                                        style->high_contrast ? 7.3 : 4.8);
}

EntenteColor
entente_style_marker_color (const EntenteStyle *style,
                            guint32             rgb)
{
  g_return_val_if_fail (style != NULL, entente_color_from_rgb (rgb));

  return entente_color_ensure_contrast (entente_color_from_rgb (rgb),
                                        style->plot_background,
                                        style->high_contrast ? 4.5 : 3.0);
}
