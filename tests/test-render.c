/* test-render.c: what the drawing puts on the pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "entente-layout.h"
#include "entente-layout-private.h"
#include "entente-render-private.h"
#include "test-data.h"
#include "test-fonts.h"

/* Per channel, out of 255: antialiasing and rounding, nothing more. */
#define REFERENCE_TOLERANCE 8
/* A share of pixels that may differ by more, for glyph edges. */
#define REFERENCE_SHARE     0.0005

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

static EntenteDataset *
load_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render", "small.json", NULL);
  EntenteDataset *dataset = entente_dataset_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static guint
event_by_id (EntenteDataset *dataset,
             const char     *id)
{
  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    if (g_str_equal (entente_dataset_get_event (dataset, i)->id, id))
      return i;
  g_assert_not_reached ();
}

/* Pixels */

typedef struct {
  int r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
  Pixel pixel = { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  /* Every chart is opaque, so premultiplication changes nothing. */
  g_assert_cmpuint (value >> 24, ==, 0xff);
  return pixel;
}

/* The most any channel differs by. */
static int
pixels_apart (Pixel a,
              Pixel b)
{
  return MAX (abs (a.r - b.r), MAX (abs (a.g - b.g), abs (a.b - b.b)));
}

static int
pixel_distance (Pixel       pixel,
                EntenteColor color)
{
  Pixel expected = { (int) lround (color.r * 255), (int) lround (color.g * 255), (int) lround (color.b * 255) };

  return pixels_apart (pixel, expected);
}

/* The layout on an image of its viewport's scale, drawn as on screen or
 * (paths) as for a vector surface. The scale is the image's own, as a
 * HiDPI window has it, or (transformed) a scaling of the drawing, as a
 * PNG export of scale 2 has it. */
static cairo_surface_t *
render_as (EntenteLayout            *layout,
           const EntenteStyle       *style,
           const EntenteRenderState *state,
           gboolean                  transformed,
           gboolean                  paths)
{
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         viewport->width * viewport->scale,
                                                         viewport->height * viewport->scale);
  cairo_t *cr;

  if (!transformed)
    cairo_surface_set_device_scale (surface, viewport->scale, viewport->scale);
  cr = cairo_create (surface);
  if (transformed)
    cairo_scale (cr, viewport->scale, viewport->scale);
  if (paths)
    _entente_render_draw_paths (layout, style, state, cr);
  else
    entente_render_draw (layout, style, state, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render (EntenteLayout            *layout,
        const EntenteStyle       *style,
        const EntenteRenderState *state)
{
  return render_as (layout, style, state, FALSE, FALSE);
}

static EntenteLayout *
whole_layout (EntenteDataset     *dataset,
              const EntenteStyle *style,
              int                 width,
              int                 height)
{
  EntenteViewport viewport = { 0, 0, width, height, 1 };

  entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
  return entente_layout_new (dataset, &viewport, style, NULL);
}

/* Contrast */

static guint32
kind_rgb (const EntenteStyle *style,
          const EntenteKind  *kind,
          guint               index)
{
  return entente_style_kind_rgb (style, kind->has_color, kind->color, index);
}

static void
assert_contrast_at_least (EntenteColor  text,
                          EntenteColor  background,
                          double        least,
                          const char   *what)
{
  double ratio = entente_color_contrast (text, background);

  if (ratio < least)
    g_error ("%s: contrast %.2f:1 is under %.1f:1", what, ratio, least);
}

/* WCAG's 4.5:1 for text (AA), and 7:1 (AAA) in high contrast. */
static void
assert_contrast (const EntenteStyle *style,
                 EntenteColor        text,
                 EntenteColor        background,
                 const char         *what)
{
  assert_contrast_at_least (text, background, style->high_contrast ? 7 : 4.5, what);
}

static void
check_style_contrast (const EntenteStyle *style,
                      EntenteDataset     *dataset)
{
  g_autofree char *theme = g_strdup_printf ("%s%s", style->dark ? "dark" : "light",
                                            style->high_contrast ? ", high contrast" : "");
  EntenteColor backgrounds[64];
  guint n_backgrounds = 0;
  EntenteColor bars[64];
  guint n_bars = 0;

  backgrounds[n_backgrounds++] = style->background;
  backgrounds[n_backgrounds++] = style->plot_background;
  for (guint i = 0; i < entente_dataset_get_n_period_kinds (dataset); i++)
    {
      const EntenteKind *kind = entente_dataset_get_period_kind (dataset, i);
      EntenteColor band = entente_style_band_color (style, kind_rgb (style, kind, i));
      g_autofree char *what = g_strdup_printf ("%s: label of band %s", theme, kind->id);

      assert_contrast (style, entente_style_band_label_color (style, kind_rgb (style, kind, i)), band, what);
      backgrounds[n_backgrounds++] = band;
      backgrounds[n_backgrounds++] = entente_color_over (style->joint_zone, band);
    }

  /* A span's bar, opaque whatever band it crosses: labels run across it
   * too. */
  for (guint j = 0; j < entente_dataset_get_n_categories (dataset); j++)
    {
      const EntenteKind *category = entente_dataset_get_category (dataset, j);
      EntenteColor bar = entente_style_marker_color (style, kind_rgb (style, category, j));
      g_autofree char *marker = g_strdup_printf ("%s: marker of category %s", theme, category->id);

      /* Markers are graphics: 3:1, or 4.5:1 in high contrast. */
      assert_contrast_at_least (bar, style->plot_background, style->high_contrast ? 4.5 : 3, marker);
      bar.a = style->span_alpha;
      g_assert_cmpuint (n_bars, <, G_N_ELEMENTS (bars));
      bars[n_bars++] = entente_color_over (bar, style->plot_background);
    }

  /* Secondary text (ticks, parties, range, footer) sits on the canvas or
   * a band; event labels also cross the bars of spans. */
  for (guint i = 0; i < n_backgrounds; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s: text on background %u", theme, i);
      g_autofree char *dim = g_strdup_printf ("%s: secondary text on background %u", theme, i);

      assert_contrast (style, style->text, backgrounds[i], text);
      assert_contrast (style, style->text_dim, backgrounds[i], dim);
    }
  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s: text on span bar %u", theme, i);

      assert_contrast (style, style->text, bars[i], text);
    }
  assert_contrast (style, style->cluster_text, style->cluster, "cluster badge");

  /* In high contrast the lines that tie a label to its date, the axis
   * and the plot's edge stand out at 3:1 as graphics must. */
  if (style->high_contrast)
    {
      assert_contrast_at_least (entente_color_over (style->stem, style->plot_background),
                                style->plot_background, 3, "stems");
      assert_contrast_at_least (entente_color_over (style->axis, style->plot_background),
                                style->plot_background, 3, "axis");
      assert_contrast_at_least (style->plot_border, style->background, 3, "plot border");
    }
}

static void
test_contrast (void)
{
  g_autoptr(EntenteDataset) bundled = entente_test_load_bundled ();
  g_autoptr(EntenteDataset) small = load_small ();
  g_autoptr(EntenteStyle) light = entente_style_new_light ();
  g_autoptr(EntenteStyle) dark = entente_style_new_dark ();
  EntenteColor white = { 1, 1, 1, 1 };
  EntenteColor black = { 0, 0, 0, 1 };

  g_assert_cmpfloat (fabs (entente_color_contrast (white, black) - 21), <, 0.01);
  g_assert_cmpfloat (fabs (entente_color_contrast (white, white) - 1), <, 0.01);

  check_style_contrast (light, bundled);
  check_style_contrast (dark, bundled);
  check_style_contrast (light, small);
  check_style_contrast (dark, small);
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(EntenteStyle) high = entente_style_new_full (d == 1, TRUE);

      check_style_contrast (high, bundled);
      check_style_contrast (high, small);
    }

  /* Any colour at all can be made readable. */
  for (guint32 rgb = 0; rgb < 0x1000000; rgb += 0x0f0f0f)
    {
      EntenteColor color = entente_color_from_rgb (rgb);

      g_assert_cmpfloat (entente_color_contrast (entente_color_ensure_contrast (color, light->plot_background, 4.5),
                                                 light->plot_background), >=, 4.5);
      g_assert_cmpfloat (entente_color_contrast (entente_color_ensure_contrast (color, dark->plot_background, 4.5),
                                                 dark->plot_background), >=, 4.5);
    }
}

/* Bands */

static gboolean
near_anything (EntenteLayout *layout,
               double         x,
               double         y)
{
  const double pad = 5;
  guint n;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n);
  double axis = entente_layout_get_axis_y (layout);
  g_autoptr(GArray) texts = entente_layout_collect_text_rects (layout);

  /* The axis, and the joint events' zone around it. */
  if (fabs (y - axis) < 36)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      const EntenteRect *r = &items[i].rect;

      if (x > r->x - pad && x < r->x + r->width + pad && y > r->y - pad && y < r->y + r->height + pad)
        return TRUE;
      /* The stem down to the axis. */
      if (fabs (x - items[i].x) < pad && y > MIN (items[i].y, axis) - pad && y < MAX (items[i].y, axis) + pad)
        return TRUE;
    }
  {
    const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n);

    for (guint i = 0; i < n; i++)
      {
        const EntenteRect *r = &clusters[i].rect;

        if (x > MIN (r->x, clusters[i].x0) - pad && x < MAX (r->x + r->width, clusters[i].x1) + pad)
          return TRUE;
      }
  }
  {
    const EntenteTick *ticks = entente_layout_get_ticks (layout, &n);

    for (guint i = 0; i < n; i++)
      if (fabs (x - ticks[i].x) < 3)
        return TRUE;
  }
  for (guint i = 0; i < texts->len; i++)
    {
      const EntenteRect *r = &g_array_index (texts, EntenteRect, i);

      if (x > r->x - pad && x < r->x + r->width + pad && y > r->y - pad && y < r->y + r->height + pad)
        return TRUE;
    }
  return FALSE;
}

/* In the middle of each band, where nothing else is drawn, the pixel is
 * the band's colour as the style composites it. */
static void
check_band_pixels (EntenteDataset     *dataset,
                   const EntenteStyle *style,
                   EntenteLayout      *layout,
                   guint               min_checked)
{
  g_autoptr(cairo_surface_t) surface = render (layout, style, NULL);
  guint n_bands, checked = 0;
  const EntenteBand *bands = entente_layout_get_bands (layout, &n_bands);
  EntenteRect plot;

  entente_layout_get_plot_rect (layout, &plot);
  for (guint i = 0; i < n_bands; i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, bands[i].period);
      const EntenteKind *kind = entente_dataset_get_period_kind (dataset, period->kind);
      EntenteColor expected = entente_style_band_color (style, kind_rgb (style, kind, period->kind));
      double left = MAX (bands[i].x0_full, plot.x) + 4;
      double right = MIN (bands[i].x1_full, plot.x + plot.width) - 4;
      gboolean found = FALSE;

      if (right - left < 12)
        continue;
      for (double x = floor ((left + right) / 2) + 0.5, step = 1; !found && x > left && x < right;
           x += step, step = -(step + (step > 0 ? 1 : -1)))
        {
          gboolean alone = TRUE;

          /* Where another band covers the same days, colours mix. */
          for (guint j = 0; j < n_bands; j++)
            if (j != i && x > bands[j].x0 - 2 && x < bands[j].x1 + 2)
              alone = FALSE;
          if (!alone)
            continue;
          for (double y = plot.y + plot.height * 0.15; y < plot.y + plot.height * 0.85; y += 7)
            {
              Pixel pixel;

              if (near_anything (layout, x, y))
                continue;
              pixel = pixel_at (surface, (int) x, (int) y);
              if (pixel_distance (pixel, expected) > 2)
                g_error ("%s band %s at (%d, %d): #%02x%02x%02x, expected #%02x%02x%02x",
                         style->dark ? "dark" : "light", period->id, (int) x, (int) y,
                         pixel.r, pixel.g, pixel.b, (int) lround (expected.r * 255),
                         (int) lround (expected.g * 255), (int) lround (expected.b * 255));
              found = TRUE;
              break;
            }
        }
      checked += found;
    }
  g_assert_cmpuint (checked, >=, min_checked);
}

static void
test_band_colors (void)
{
  g_autoptr(EntenteDataset) bundled = entente_test_load_bundled ();
  g_autoptr(EntenteDataset) small = load_small ();

  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(EntenteStyle) style = entente_style_new (dark);
      g_autoptr(EntenteLayout) whole = whole_layout (bundled, style, 1600, 900);
      g_autoptr(EntenteLayout) small_whole = whole_layout (small, style, 800, 450);
      g_autoptr(EntenteLayout) zoomed = NULL;
      EntenteViewport viewport = { entente_days_from_civil (1940, 1, 1),
                                   entente_days_from_civil (1995, 1, 1), 1600, 900, 1 };

      zoomed = entente_layout_new (bundled, &viewport, style, NULL);
      check_band_pixels (bundled, style, whole, 3);
      check_band_pixels (bundled, style, zoomed, 4);
      check_band_pixels (small, style, small_whole, 3);
    }
}

/* One row of the plot as bands drawn one over the other with cairo's
 * own gradients would colour it, from x = 0. */
static cairo_surface_t *
band_row_reference (EntenteDataset     *dataset,
                    const EntenteStyle *style,
                    EntenteLayout      *layout,
                    int                 width)
{
  cairo_surface_t *row = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, 1);
  cairo_t *cr = cairo_create (row);
  guint n_bands;
  const EntenteBand *bands = entente_layout_get_bands (layout, &n_bands);

  cairo_set_source_rgb (cr, style->plot_background.r, style->plot_background.g, style->plot_background.b);
  cairo_paint (cr);
  for (guint i = 0; i < n_bands; i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, bands[i].period);
      const EntenteKind *kind = entente_dataset_get_period_kind (dataset, period->kind);
      EntenteColor color = entente_color_from_rgb (kind_rgb (style, kind, period->kind));
      const EntenteBand *band = &bands[i];
      cairo_pattern_t *pattern = cairo_pattern_create_linear (band->x0, 0, band->x1, 0);
      double span = band->x1 - band->x0;

      cairo_pattern_add_color_stop_rgba (pattern, 0, color.r, color.g, color.b, 0);
      cairo_pattern_add_color_stop_rgba (pattern, (band->x0_full - band->x0) / span,
                                         color.r, color.g, color.b, style->band_alpha);
      cairo_pattern_add_color_stop_rgba (pattern, (band->x1_full - band->x0) / span,
                                         color.r, color.g, color.b, style->band_alpha);
      cairo_pattern_add_color_stop_rgba (pattern, 1, color.r, color.g, color.b, 0);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, band->x0, 0, band->x1 - band->x0, 1);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }
  cairo_destroy (cr);
  cairo_surface_flush (row);
  return row;
}

/* Bands fade in and out where a date is approximate, and mix where they
 * overlap: the chart's plot is, column by column, what gradients give. */
static void
test_band_fades (void)
{
  static const char json[] =
    "{\"format\": \"entente/1\", \"title\": \"Fades\", \"parties\": [\"A\", \"B\"],"
    " \"period_kinds\": [{\"id\": \"k\", \"label\": \"Kind\"}, {\"id\": \"l\", \"label\": \"Other\"}],"
    " \"periods\": [{\"id\": \"p\", \"kind\": \"k\", \"label\": \"One\", \"start\": \"1910~\", \"end\": \"1950?\"},"
    "               {\"id\": \"q\", \"kind\": \"l\", \"label\": \"Two\", \"start\": \"1940-06\", \"end\": \"1957~\"}],"
    " \"events\": [{\"id\": \"e\", \"date\": \"1990\", \"title\": \"Late\", \"actor\": \"A\"}]}";
  g_autoptr(EntenteDataset) dataset = entente_test_load_json (json, "fades.json");

  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(EntenteStyle) style = entente_style_new (dark);
      EntenteViewport viewport = { entente_days_from_civil (1905, 1, 1),
                                   entente_days_from_civil (1962, 1, 1), 900, 500, 1 };
      g_autoptr(EntenteLayout) layout = entente_layout_new (dataset, &viewport, style, NULL);
      g_autoptr(cairo_surface_t) surface = render (layout, style, NULL);
      g_autoptr(cairo_surface_t) row = band_row_reference (dataset, style, layout, 900);
      guint n_bands, fading = 0, checked = 0;
      const EntenteBand *bands = entente_layout_get_bands (layout, &n_bands);
      EntenteRect plot;
      double top, bottom;

      g_assert_cmpuint (n_bands, ==, 2);
      entente_layout_get_plot_rect (layout, &plot);
      _entente_layout_get_lanes (layout, &top, &bottom);
      for (int x = (int) ceil (plot.x) + 1; x < (int) floor (plot.x + plot.width) - 1; x++)
        {
          Pixel expected = pixel_at (row, x, 0);
          gboolean fades = FALSE;
          gboolean edge = FALSE;

          for (guint i = 0; i < n_bands; i++)
            {
              fades |= (x > bands[i].x0 && x < bands[i].x0_full) || (x > bands[i].x1_full && x < bands[i].x1);
              /* An exact date's edge is a line of its own. */
              edge |= (bands[i].x0 == bands[i].x0_full && fabs (x - bands[i].x0) < 2) ||
                      (bands[i].x1 == bands[i].x1_full && fabs (x - bands[i].x1) < 2);
            }
          if (edge)
            continue;
          for (double y = top + 20; y < bottom - 20; y += 23)
            {
              Pixel pixel;

              if (near_anything (layout, x + 0.5, y))
                continue;
              pixel = pixel_at (surface, x, (int) y);
              if (pixels_apart (pixel, expected) > 2)
                g_error ("%s plot at (%d, %d): #%02x%02x%02x, gradients give #%02x%02x%02x",
                         dark ? "dark" : "light", x, (int) y, pixel.r, pixel.g, pixel.b,
                         expected.r, expected.g, expected.b);
              checked++;
              fading += fades;
            }
        }
      /* Most of the plot, and the fades in it, were seen. */
      g_assert_cmpuint (checked, >, 3000);
      g_assert_cmpuint (fading, >, 500);
    }
}

/* How a chart is put on pixels: where on the surface, at what scale,
 * and through what clip. */
typedef struct {
  const char *name;
  double      scale;      /* the surface's device scale */
  double      dx, dy;     /* a translation first */
  double      offset_x;   /* the surface's device offset */
  double      offset_y;
  gboolean    clip;       /* to whole pixels, through two markers */
} Placement;

static void
clip_placed (cairo_t         *cr,
             EntenteLayout   *layout,
             const Placement *placement)
{
  guint n_items;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);
  double x0 = floor (items[n_items / 4].x), x1 = floor (items[n_items / 2].x);

  if (!placement->clip)
    return;
  g_assert_cmpfloat (x1, >, x0);
  cairo_rectangle (cr, x0, 0, x1 - x0, entente_layout_get_viewport (layout)->height);
  cairo_clip (cr);
}

static cairo_surface_t *
render_placed (EntenteLayout      *layout,
               const EntenteStyle *style,
               const Placement    *placement,
               gboolean            recorded)
{
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  int width = (int) ((viewport->width + 60) * placement->scale);
  int height = (int) ((viewport->height + 60) * placement->scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *target = surface;
  cairo_t *cr;

  /* The same drawing, kept as operations and played back: sprites then
   * go through cairo, as on any surface that is not an image. */
  if (recorded)
    {
      /* At the image's scale, so that sprites are drawn as for it. */
      target = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_surface_set_device_scale (target, placement->scale, placement->scale);
    }
  cairo_surface_set_device_scale (surface, placement->scale, placement->scale);
  cairo_surface_set_device_offset (surface, placement->offset_x, placement->offset_y);
  cr = cairo_create (target);
  if (!recorded)
    {
      cairo_translate (cr, placement->dx, placement->dy);
      clip_placed (cr, layout, placement);
    }
  entente_render_draw (layout, style, NULL, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  if (recorded)
    {
      cr = cairo_create (surface);
      cairo_translate (cr, placement->dx, placement->dy);
      clip_placed (cr, layout, placement);
      cairo_set_source_surface (cr, target, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (target);
    }
  cairo_surface_flush (surface);
  return surface;
}

/* Whether (x, y) is within reach of a dot where an item's or a badge's
 * stem meets the axis. */
static gboolean
near_axis_dot (EntenteLayout *layout,
               double         x,
               double         y)
{
  guint n_items, n_clusters;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);
  const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n_clusters);
  double axis = entente_layout_get_axis_y (layout);

  if (fabs (y - axis) > 3)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    if (fabs (x - items[i].x) < 3)
      return TRUE;
  for (guint i = 0; i < n_clusters; i++)
    if (fabs (x - (clusters[i].rect.x + clusters[i].rect.height / 2)) < 3)
      return TRUE;
  return FALSE;
}

/* Whether (x, y) lies in rect grown by margin on every side. */
static gboolean
within (const EntenteRect *rect,
        double             x,
        double             y,
        double             margin)
{
  return x > rect->x - margin && x < rect->x + rect->width + margin &&
         y > rect->y - margin && y < rect->y + rect->height + margin;
}

/* Whether (x, y), in user units, is within margin of an event's marker. */
static gboolean
near_marker (EntenteLayout *layout,
             double         x,
             double         y,
             double         margin)
{
  guint n_items;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);

  for (guint i = 0; i < n_items; i++)
    if (within (&items[i].marker, x, y, margin))
      return TRUE;
  return FALSE;
}

/* Whether (x, y), in user units, is on a marker, a stem's dot on the
 * axis, a bar or a badge: what is copied onto pixels by hand. Not on a
 * label that lies over a bar: glyphs are cairo's in both drawings, and
 * a replay may blend overlapping glyph edges its own way. */
static gboolean
on_sprite (EntenteLayout *layout,
           double         x,
           double         y)
{
  guint n_items, n_clusters;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);
  const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n_clusters);

  for (guint i = 0; i < n_items; i++)
    {
      const EntenteRect *t = &items[i].text_rect;

      /* Glyphs' antialiasing reaches a little beyond the box. */
      if (t->width > 0 && x > t->x - 1 && x < t->x + t->width + 1 && y > t->y && y < t->y + t->height)
        return FALSE;
    }
  if (near_axis_dot (layout, x, y) || near_marker (layout, x, y, 2))
    return TRUE;
  for (guint i = 0; i < n_clusters; i++)
    if (within (&clusters[i].rect, x, y, 2))
      return TRUE;
  for (guint i = 0; i < n_items; i++)
    if (items[i].bar.width > 0 && within (&items[i].bar, x, y, 2))
      return TRUE;
  return FALSE;
}

/* On an image, markers, dots and the ends of bars are copied onto its
 * pixels by hand: wherever the chart is placed, and whatever clips it,
 * they land where cairo puts them. */
static void
test_direct_pixels (void)
{
  static const Placement placements[] = {
    { "plain", 1, 0, 0, 0, 0, FALSE },
    { "shifted", 1, 23, 41, 0, 0, FALSE },
    { "offset", 1, 0, 0, 17, 9, FALSE },
    { "clipped", 1, 5, 0, 0, 0, TRUE },
    { "scaled", 2, 0, 0, 0, 0, FALSE },
    { "scaled and clipped", 2, 3, 7, 0, 0, TRUE },
  };
  g_autoptr(EntenteDataset) dataset = load_small ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();

  for (guint i = 0; i < G_N_ELEMENTS (placements); i++)
    {
      const Placement *placement = &placements[i];
      EntenteViewport viewport = { 0, 0, 800, 450, placement->scale };
      g_autoptr(EntenteLayout) layout = NULL;
      g_autoptr(cairo_surface_t) direct = NULL;
      g_autoptr(cairo_surface_t) recorded = NULL;
      guint differ = 0, checked = 0;
      int width, height;

      entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
      layout = entente_layout_new (dataset, &viewport, style, NULL);
      direct = render_placed (layout, style, placement, FALSE);
      recorded = render_placed (layout, style, placement, TRUE);
      width = cairo_image_surface_get_width (direct);
      height = cairo_image_surface_get_height (direct);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            const guint8 *a = cairo_image_surface_get_data (direct) + y * cairo_image_surface_get_stride (direct) + 4 * x;
            const guint8 *b = cairo_image_surface_get_data (recorded) + y * cairo_image_surface_get_stride (recorded) + 4 * x;
            /* The pixel's centre, back in the chart's units. */
            double ux = ((x + 0.5) - placement->offset_x) / placement->scale - placement->dx;
            double uy = ((y + 0.5) - placement->offset_y) / placement->scale - placement->dy;
            int most = 0;

            if (!on_sprite (layout, ux, uy))
              continue;
            for (int c = 0; c < 4; c++)
              most = MAX (most, abs (a[c] - b[c]));
            /* Replayed with a shift, cairo's own drawing moves a level
             * or four here and there; a sprite out of place is off by
             * far more. */
            differ += most > 4;
            checked++;
          }
      if (differ > 0)
        {
          g_autofree char *name = g_strdup_printf ("direct-%u.png", i);
          g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

          cairo_surface_write_to_png (direct, path);
          g_test_fail_printf ("%s: %u of %u pixels on markers differ from cairo's own drawing; see %s",
                              placement->name, differ, checked, path);
        }
      g_assert_cmpuint (checked, >, 2000 * placement->scale * placement->scale);
    }
}

/* Bars, badges and the stretches of the axis that badges stand for are
 * put together on pixels from sprites and boxes; they must look as the
 * traced paths do, give or take what rounding to a sixteenth of a pixel
 * moves, at scale 1 and 2, whether the image or the drawing carries the
 * scale. */
static void
test_pieces_match_paths (void)
{
  static const struct { int width, height, from_year, to_year; } views[] = {
    { 800, 450, 0, 0 },
    { 360, 640, 0, 0 },
    { 1200, 500, 1931, 1933 },
  };
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  static const char *actors[] = { "Aland", "Borduria", "joint" };
  static const char *categories[] = { "treaty", "conflict", "trade" };
  guint n_bars = 0, n_badges = 0, n_stretches = 0;

  /* Crowded enough for badges: 240 events in five years, a fifth of
   * them spans. */
  g_string_append (json, "{\"format\": \"entente/1\", \"title\": \"Crowded\", "
                         "\"parties\": [\"Aland\", \"Borduria\"], \"categories\": ["
                         "{\"id\": \"treaty\", \"label\": \"Treaty\"}, "
                         "{\"id\": \"conflict\", \"label\": \"Conflict\"}, "
                         "{\"id\": \"trade\", \"label\": \"Trade\"}], \"events\": [");
  for (guint i = 0; i < 240; i++)
    {
      gint64 day = entente_days_from_civil (1930, 1, 1) + (i * 37) % 1800, year;
      guint month, mday;

      entente_civil_from_days (day, &year, &month, &mday);
      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"%04" G_GINT64_FORMAT "-%02u-%02u\"",
                              i > 0 ? ", " : "", i, year, month, mday);
      if (i % 5 == 0)
        {
          entente_civil_from_days (day + 20 + (i * 13) % 400, &year, &month, &mday);
          g_string_append_printf (json, ", \"end\": \"%04" G_GINT64_FORMAT "-%02u-%02u\"", year, month, mday);
        }
      g_string_append_printf (json, ", \"title\": \"Meeting %u%s\", \"category\": \"%s\", \"actor\": \"%s\"}",
                              i, i % 3 == 0 ? " on the frontier" : "", categories[i % 3], actors[i % 3]);
    }
  g_string_append (json, "]}");
  dataset = entente_test_load_json (json->str, "crowded.json");

  /* Light and dark; at scale 1, at scale 2 on the image, at scale 2 by
   * transformation. */
  for (guint look = 0; look < 6; look++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        gboolean dark = look % 2;
        int scale = look < 2 ? 1 : 2;
        gboolean transformed = look >= 4;
        g_autoptr(EntenteStyle) style = entente_style_new (dark);
        EntenteViewport viewport = { 0, 0, views[v].width, views[v].height, scale };
        g_autoptr(EntenteLayout) layout = NULL;
        g_autoptr(cairo_surface_t) pieces = NULL;
        g_autoptr(cairo_surface_t) paths = NULL;
        const EntenteEventItem *items;
        const EntenteCluster *clusters;
        guint n_items, n_clusters, differ = 0, checked = 0;

        if (views[v].from_year != 0)
          {
            viewport.from_day = entente_days_from_civil (views[v].from_year, 1, 1);
            viewport.to_day = entente_days_from_civil (views[v].to_year, 1, 1);
          }
        else
          entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
        layout = entente_layout_new (dataset, &viewport, style, NULL);
        items = entente_layout_get_items (layout, &n_items);
        clusters = entente_layout_get_clusters (layout, &n_clusters);

        pieces = render_as (layout, style, NULL, transformed, FALSE);
        paths = render_as (layout, style, NULL, transformed, TRUE);

        for (guint k = 0; k < n_items + 2 * n_clusters; k++)
          {
            const EntenteCluster *cluster = k < n_items ? NULL : &clusters[(k - n_items) / 2];
            /* A badge, or the stretch of the axis it stands for. */
            EntenteRect stretch = cluster == NULL ? (EntenteRect) { 0, } :
              (EntenteRect) { cluster->x0 - 2.5, entente_layout_get_axis_y (layout) - 2.5,
                              cluster->x1 - cluster->x0 + 5, 5 };
            const EntenteRect *r = cluster == NULL ? &items[k].bar
                                   : (k - n_items) % 2 == 0 ? &cluster->rect : &stretch;

            if (r->width <= 0)
              continue;
            if (cluster == NULL)
              n_bars += r->width > 2 * r->height;
            else if (r == &cluster->rect)
              n_badges++;
            else
              n_stretches += r->width > 10;
            /* The shape and a pixel of its rim all round, in device pixels. */
            for (int y = MAX ((int) floor (r->y * scale) - 1, 0); y < MIN ((int) ceil ((r->y + r->height) * scale) + 1, views[v].height * scale); y++)
              for (int x = MAX ((int) floor (r->x * scale) - 1, 0); x < MIN ((int) ceil ((r->x + r->width) * scale) + 1, views[v].width * scale); x++)
                {
                  Pixel a = pixel_at (pieces, x, y), b = pixel_at (paths, x, y);
                  int most = pixels_apart (a, b);

                  /* Two dots a fraction of a pixel apart are one shape as
                   * a path and two sprites on pixels, whose rims then
                   * blend twice. */
                  if (near_axis_dot (layout, (x + 0.5) / scale, (y + 0.5) / scale))
                    continue;

                  /* Where a marker's rim crosses a bar's, two shapes
                   * each placed to a sixteenth of a pixel blend, and
                   * their roundings add up. */
                  differ += most > (near_marker (layout, (x + 0.5) / scale, (y + 0.5) / scale, 1) ? 24 : 12);
                  checked++;
                }
          }
        if (differ > 0)
          {
            g_autofree char *name = g_strdup_printf ("pieces-%u-%u.png", look, v);
            g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

            cairo_surface_write_to_png (pieces, path);
            g_test_fail_printf ("view %u (%s, scale %d%s): %u of %u pixels of bars, badges and stretches differ from the paths; see %s",
                                v, dark ? "dark" : "light", scale, transformed ? " by transformation" : "",
                                differ, checked, path);
          }
      }
  /* Or the comparison would have had nothing to compare. */
  g_assert_cmpuint (n_bars, >, 10);
  g_assert_cmpuint (n_badges, >, 4);
  g_assert_cmpuint (n_stretches, >, 4);
}

/* A span that the view cuts short is not drawn as if it began or ended
 * at the plot's edge: its bar goes on square to the edge, where the end of
 * a bar inside the view is round. A round end leaves the corner of its
 * bar's box bare; a square one fills it. */
static void
test_cut_spans (void)
{
  static const struct { const char *id, *start, *end; gboolean cut_start, cut_end; } spans[] = {
    { "through", "1900", "1980", TRUE, TRUE },
    { "inside", "1925", "1935", FALSE, FALSE },
    { "before", "1905", "1930", TRUE, FALSE },
    { "after", "1941", "1975", FALSE, TRUE },
  };
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Spans\", "
                                          "\"parties\": [\"Aland\", \"Borduria\"], "
                                          "\"categories\": [{\"id\": \"treaty\", \"label\": \"Treaty\"}], "
                                          "\"events\": [");
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  EntenteViewport viewport = { 0, 0, 800, 450, 1 };
  const EntenteEventItem *items;
  EntenteRect plot;
  guint n_items;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    g_string_append_printf (json, "%s{\"id\": \"%s\", \"date\": \"%s\", \"end\": \"%s\", "
                            "\"title\": \"Span\", \"category\": \"treaty\", \"actor\": \"Aland\"}",
                            i > 0 ? ", " : "", spans[i].id, spans[i].start, spans[i].end);
  g_string_append (json, "]}");
  dataset = entente_test_load_json (json->str, "spans.json");
  viewport.from_day = entente_days_from_civil (1920, 1, 1);
  viewport.to_day = entente_days_from_civil (1950, 1, 1);
  layout = entente_layout_new (dataset, &viewport, style, NULL);
  entente_layout_get_plot_rect (layout, &plot);
  items = entente_layout_get_items (layout, &n_items);
  g_assert_cmpuint (n_items, ==, G_N_ELEMENTS (spans));
  surface = render_as (layout, style, NULL, FALSE, FALSE);

  for (guint i = 0; i < n_items; i++)
    {
      const EntenteRect *bar = &items[i].bar;
      const char *id = entente_dataset_get_event (dataset, items[i].event)->id;
      guint span = 0;

      /* The dataset keeps its events by date, not as written. */
      while (span < G_N_ELEMENTS (spans) && g_strcmp0 (spans[span].id, id) != 0)
        span++;
      g_assert_cmpuint (span, <, G_N_ELEMENTS (spans));
      /* The corner pixels of the bar's box, or where the plot's edge cuts
       * it, a pixel inside the plot's border; against the lane's
       * background just above the bar. */
      int top = (int) floor (bar->y), above = top - 3;

      for (int end = 0; end < 2; end++)
        {
          gboolean cut = end == 0 ? spans[span].cut_start : spans[span].cut_end;
          int x = end == 0 ? (cut ? (int) ceil (plot.x) + 1 : (int) floor (bar->x))
                           : (cut ? (int) floor (plot.x + plot.width) - 2 : (int) ceil (bar->x + bar->width) - 1);
          Pixel corner = pixel_at (surface, x, top), lane = pixel_at (surface, x, above);
          int most = pixels_apart (corner, lane);

          if (cut ? most < 24 : most > 12)
            g_test_fail_printf ("span %s: its %s end is drawn %s (corner pixel %d,%d differs by %d)",
                                spans[span].id, end == 0 ? "start" : "finish", cut ? "round" : "square",
                                x, top, most);
        }
    }
}

static void
test_dark_differs (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) light = entente_style_new_light ();
  g_autoptr(EntenteStyle) dark = entente_style_new_dark ();
  g_autoptr(EntenteLayout) layout = whole_layout (dataset, light, 800, 500);
  g_autoptr(cairo_surface_t) a = render (layout, light, NULL);
  g_autoptr(cairo_surface_t) b = render (layout, dark, NULL);
  guint differ = 0, total = 800 * 500;
  double light_sum = 0, dark_sum = 0;

  for (int y = 0; y < 500; y++)
    for (int x = 0; x < 800; x++)
      {
        Pixel pa = pixel_at (a, x, y), pb = pixel_at (b, x, y);

        differ += pa.r != pb.r || pa.g != pb.g || pa.b != pb.b;
        light_sum += pa.r + pa.g + pa.b;
        dark_sum += pb.r + pb.g + pb.b;
      }
  g_assert_cmpuint (differ, >, total * 9 / 10);
  /* Light is light and dark is dark, on average and in the corner. */
  g_assert_cmpfloat (light_sum / (3 * total), >, 200);
  g_assert_cmpfloat (dark_sum / (3 * total), <, 80);
  g_assert_cmpint (pixel_distance (pixel_at (a, 1, 1), light->background), <=, 1);
  g_assert_cmpint (pixel_distance (pixel_at (b, 1, 1), dark->background), <=, 1);
}

/* The histogram of a dataset too large to show is drawn, in light and
 * dark: a bar's pixels stand apart from the lane just past its end, and
 * the bar ends where the layout says, to the device pixel. The bar
 * pointed at stands out from the others. */
static void
test_volume (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_many_events (20000, 1860, "A", "B");

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(EntenteStyle) style = entente_style_new (dark);
      g_autoptr(EntenteLayout) layout = whole_layout (dataset, style, 1200, 800);
      g_autoptr(cairo_surface_t) surface = render (layout, style, NULL);
      guint n, max, tallest = 0;
      const EntenteVolume *volume = entente_layout_get_volume (layout, &n, &max);
      const EntenteRect *bar;
      int x, top, bottom;

      g_assert_nonnull (volume);
      for (guint i = 1; i < n; i++)
        if (volume[i].above.height > volume[tallest].above.height)
          tallest = i;
      bar = &volume[tallest].above;
      g_assert_cmpfloat (bar->height, >, 40);
      x = (int) (bar->x + bar->width / 2);
      /* Whole pixels: from the base down to its pixel, up its height. */
      bottom = (int) floor (bar->y + bar->height);
      top = bottom - (int) round (bar->height);
      /* Inside the bar, against just above it. */
      g_assert_cmpint (pixels_apart (pixel_at (surface, x, top + 2), pixel_at (surface, x, top - 2)), >=, 8);
      g_assert_cmpint (pixels_apart (pixel_at (surface, x, bottom - 3), pixel_at (surface, x, top - 2)), >=, 8);
      /* The bar's top row is the bar's, the row over it the lane's. */
      g_assert_cmpint (pixels_apart (pixel_at (surface, x, top), pixel_at (surface, x, top + 2)), <=, 1);
      g_assert_cmpint (pixels_apart (pixel_at (surface, x, top - 1), pixel_at (surface, x, top - 2)), <=, 1);

      {
        EntenteRenderState state;
        g_autoptr(cairo_surface_t) hovered = NULL;
        const EntenteRect *below = &volume[tallest].below;
        int below_y = (int) ceil (below->y) + 2;

        entente_render_state_init (&state);
        state.hovered_volume = tallest;
        state.hovered_side = ENTENTE_SIDE_ABOVE;
        hovered = render (layout, style, &state);
        g_assert_cmpint (pixels_apart (pixel_at (hovered, x, top + 2), pixel_at (surface, x, top + 2)), >=, 8);
        /* Only that bar: the one below the axis in the same column is as
         * it was. */
        g_assert_cmpfloat (below->height, >, 4);
        g_assert_cmpint (pixels_apart (pixel_at (hovered, x, below_y), pixel_at (surface, x, below_y)), ==, 0);
      }

      /* With a search, the bars of its matches in the accent colour over
       * the faded bars of all events. */
      {
        guint n_events = entente_dataset_get_n_events (dataset);
        g_autofree gboolean *matches = g_new (gboolean, n_events);
        EntenteLayoutOptions options = { 0 };
        EntenteViewport viewport = *entente_layout_get_viewport (layout);
        g_autoptr(EntenteLayout) searched = NULL;
        g_autoptr(cairo_surface_t) drawn = NULL;
        EntenteRenderState state;
        const EntenteVolume *matched;
        guint top_match = 0;
        Pixel inside, plain;

        for (guint i = 0; i < n_events; i++)
          matches[i] = i % 10 == 0;
        options.matches = matches;
        searched = entente_layout_new (dataset, &viewport, style, &options);
        entente_render_state_init (&state);
        state.matches = matches;
        drawn = render (searched, style, &state);
        matched = entente_layout_get_volume (searched, &n, NULL);
        for (guint i = 1; i < n; i++)
          if (matched[i].matched_below.height > matched[top_match].matched_below.height)
            top_match = i;
        bar = &matched[top_match].matched_below;
        x = (int) (bar->x + bar->width / 2);
        inside = pixel_at (drawn, x, (int) (bar->y + bar->height / 2));
        plain = pixel_at (surface, x, (int) (bar->y + bar->height / 2));
        /* Towards the accent's blue, from what the plain histogram had. */
        g_assert_cmpint (inside.b - MAX (inside.r, inside.g), >, plain.b - MAX (plain.r, plain.g) + 10);
      }
    }
}

/* While a search is active, a badge with a match among its events is
 * drawn as before, and one without fades like the events that do not
 * match. */
static void
test_matched_badges (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = whole_layout (dataset, style, 1200, 800);
  guint n_events = entente_dataset_get_n_events (dataset), n_clusters, index;
  g_autofree gboolean *matches = g_new0 (gboolean, n_events);
  const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n_clusters);
  EntenteLayoutOptions options = { 0, };
  g_autoptr(EntenteLayout) searched = NULL;
  g_autoptr(cairo_surface_t) plain = render (layout, style, NULL);
  g_autoptr(cairo_surface_t) drawn = NULL;
  const EntenteCluster *found;
  EntenteRenderState state;
  guint match = G_MAXUINT;

  g_assert_cmpuint (n_clusters, >=, 2);
  /* One event of the first badge matches. */
  for (guint i = 0; i < n_events && match == G_MAXUINT; i++)
    if (entente_layout_find_event (layout, i, &index) == ENTENTE_PLACED_CLUSTER && index == 0)
      match = i;
  g_assert_cmpuint (match, !=, G_MAXUINT);
  matches[match] = TRUE;
  options.matches = matches;
  searched = entente_layout_new (dataset, entente_layout_get_viewport (layout), style, &options);
  found = entente_layout_get_clusters (searched, NULL);
  g_assert_cmpuint (found[0].matched, ==, 1);
  g_assert_cmpuint (found[1].matched, ==, 0);
  entente_render_state_init (&state);
  state.matches = matches;
  drawn = render (searched, style, &state);

  for (guint i = 0; i < 2; i++)
    {
      const EntenteRect *r = &clusters[i].rect;
      int x = (int) (r->x + 3), y = (int) (r->y + r->height / 2);
      int apart = pixels_apart (pixel_at (plain, x, y), pixel_at (drawn, x, y));

      if (i == 0)
        g_assert_cmpint (apart, ==, 0);
      else
        g_assert_cmpint (apart, >, 40);
    }
}

/* Counts the pixels that differ, and fails on any outside rect. */
static guint
count_changes (cairo_surface_t   *a,
               cairo_surface_t   *b,
               const EntenteRect *rect)
{
  guint changed = 0;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      {
        Pixel pa = pixel_at (a, x, y), pb = pixel_at (b, x, y);
        gboolean inside = x >= rect->x && x < rect->x + rect->width &&
                          y >= rect->y && y < rect->y + rect->height;

        if (pa.r == pb.r && pa.g == pb.g && pa.b == pb.b)
          continue;
        if (!inside)
          g_error ("pixel (%d, %d) changed outside (%.0f,%.0f %.0f×%.0f)",
                   x, y, rect->x, rect->y, rect->width, rect->height);
        changed++;
      }
  return changed;
}

static void
test_selection (void)
{
  g_autoptr(EntenteDataset) dataset = load_small ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = whole_layout (dataset, style, 800, 450);
  guint event = event_by_id (dataset, "e10");
  guint index;
  const EntenteEventItem *item;
  g_autoptr(cairo_surface_t) plain = NULL;
  g_autoptr(cairo_surface_t) selected = NULL;
  g_autoptr(cairo_surface_t) hovered = NULL;
  EntenteRenderState state;
  EntenteRect around;

  g_assert_cmpint (entente_layout_find_event (layout, event, &index), ==, ENTENTE_PLACED_ITEM);
  item = &entente_layout_get_items (layout, NULL)[index];
  around = (EntenteRect) { item->rect.x - 8, item->rect.y - 8, item->rect.width + 16, item->rect.height + 16 };

  entente_render_state_init (&state);
  plain = render (layout, style, &state);
  state.selected_event = event;
  selected = render (layout, style, &state);
  entente_render_state_init (&state);
  state.hovered_event = event;
  hovered = render (layout, style, &state);

  /* The highlight is plain to see, and nothing else moves. */
  g_assert_cmpuint (count_changes (plain, selected, &around), >, 200);
  g_assert_cmpuint (count_changes (plain, hovered, &around), >, 100);
  /* A ring in the accent colour around the marker. */
  g_assert_cmpint (pixel_distance (pixel_at (selected, (int) item->x, (int) (item->y - 8.5)),
                                   style->accent), <, 60);
  g_assert_cmpint (pixel_distance (pixel_at (plain, (int) item->x, (int) (item->y - 8.5)),
                                   style->accent), >, 60);
}

/* A selected period is marked: its edges in the accent colour down the
 * plot's height, and a box round its label. */
static void
test_selected_period (void)
{
  g_autoptr(EntenteDataset) dataset = load_small ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = whole_layout (dataset, style, 800, 450);
  g_autoptr(cairo_surface_t) plain = NULL;
  g_autoptr(cairo_surface_t) selected = NULL;
  const EntenteBand *bands, *band = NULL;
  EntenteRenderState state;
  EntenteRect plot;
  guint n_bands, edge_rows = 0, label_changes = 0;

  bands = entente_layout_get_bands (layout, &n_bands);
  entente_layout_get_plot_rect (layout, &plot);
  for (guint i = 0; i < n_bands && band == NULL; i++)
    if (bands[i].text != NULL && bands[i].x0 > plot.x + 2 && bands[i].x1 < plot.x + plot.width - 2)
      band = &bands[i];
  g_assert_nonnull (band);

  entente_render_state_init (&state);
  plain = render (layout, style, &state);
  state.selected_period = (int) band->period;
  selected = render (layout, style, &state);

  /* Both edges, over most of the plot's height: events may cover a
   * little of them. */
  for (int y = (int) plot.y + 4; y < (int) (plot.y + plot.height) - 4; y++)
    if (pixel_distance (pixel_at (selected, (int) band->x0, y), style->accent) < 60 &&
        pixel_distance (pixel_at (selected, (int) ceil (band->x1) - 1, y), style->accent) < 60 &&
        pixel_distance (pixel_at (plain, (int) band->x0, y), style->accent) >= 60)
      edge_rows++;
  g_assert_cmpuint (edge_rows, >, (guint) (plot.height * 0.6));

  for (int y = (int) band->text_rect.y - 2; y < band->text_rect.y + band->text_rect.height + 2; y++)
    for (int x = (int) band->text_rect.x - 4; x < band->text_rect.x + band->text_rect.width + 4; x++)
      if (pixels_apart (pixel_at (plain, x, y), pixel_at (selected, x, y)) > 0)
        label_changes++;
  g_assert_cmpuint (label_changes, >, 100);
}

static void
test_matches (void)
{
  g_autoptr(EntenteDataset) dataset = load_small ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = whole_layout (dataset, style, 800, 450);
  guint n_events = entente_dataset_get_n_events (dataset);
  g_autofree gboolean *matches = g_new0 (gboolean, n_events);
  guint match = event_by_id (dataset, "e4"), other = event_by_id (dataset, "e2");
  guint match_index, other_index;
  const EntenteEventItem *items = entente_layout_get_items (layout, NULL);
  g_autoptr(cairo_surface_t) plain = render (layout, style, NULL);
  g_autoptr(cairo_surface_t) searched = NULL;
  EntenteRenderState state;
  Pixel a, b;

  matches[match] = TRUE;
  entente_render_state_init (&state);
  state.matches = matches;
  searched = render (layout, style, &state);

  g_assert_cmpint (entente_layout_find_event (layout, match, &match_index), ==, ENTENTE_PLACED_ITEM);
  g_assert_cmpint (entente_layout_find_event (layout, other, &other_index), ==, ENTENTE_PLACED_ITEM);
  /* The match as it was; the rest faded towards the background. */
  a = pixel_at (plain, (int) items[match_index].x, (int) items[match_index].y);
  b = pixel_at (searched, (int) items[match_index].x, (int) items[match_index].y);
  g_assert_cmpint (abs (a.r - b.r) + abs (a.g - b.g) + abs (a.b - b.b), ==, 0);
  a = pixel_at (plain, (int) items[other_index].x, (int) items[other_index].y);
  b = pixel_at (searched, (int) items[other_index].x, (int) items[other_index].y);
  g_assert_cmpint (abs (a.r - b.r) + abs (a.g - b.g) + abs (a.b - b.b), >, 60);

  /* A dimmed span's bar fades into the band under it: drawn without
   * its category, the bar's middle shows that band. */
  {
    guint span = event_by_id (dataset, "e3"), span_index;
    const EntenteEvent *event = entente_dataset_get_event (dataset, span);
    g_autofree gboolean *hidden = g_new0 (gboolean, entente_dataset_get_n_categories (dataset));
    EntenteLayoutOptions options = { 0, };
    g_autoptr(EntenteLayout) without = NULL;
    g_autoptr(cairo_surface_t) band = NULL;
    const EntenteRect *bar;
    Pixel c;
    int x, y, near, far;

    g_assert_cmpint (entente_layout_find_event (layout, span, &span_index), ==, ENTENTE_PLACED_ITEM);
    bar = &items[span_index].bar;
    g_assert_cmpfloat (bar->width, >, 30);
    hidden[event->category] = TRUE;
    options.hidden_categories = hidden;
    without = entente_layout_new (dataset, entente_layout_get_viewport (layout), style, &options);
    band = render (without, style, NULL);
    x = (int) (bar->x + bar->width - 8);
    y = (int) (bar->y + bar->height / 2);
    a = pixel_at (plain, x, y);
    b = pixel_at (searched, x, y);
    c = pixel_at (band, x, y);
    near = abs (b.r - c.r) + abs (b.g - c.g) + abs (b.b - c.b);
    far = abs (a.r - c.r) + abs (a.g - c.g) + abs (a.b - c.b);
    g_assert_cmpint (far, >, 20);
    g_assert_cmpint (3 * near, <, far);
  }
}

/* Cyrillic and Chinese come out as glyphs, not boxes. */
static void
test_fallback_fonts (void)
{
  g_autoptr(EntenteDataset) dataset = load_small ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = whole_layout (dataset, style, 1200, 600);
  const char *ids[] = { "e6", "e7" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      guint index;
      const EntenteEventItem *item;

      g_assert_cmpint (entente_layout_find_event (layout, event_by_id (dataset, ids[i]), &index),
                       ==, ENTENTE_PLACED_ITEM);
      item = &entente_layout_get_items (layout, NULL)[index];
      g_assert_nonnull (item->text);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (item->text), ==, 0);
      g_assert_cmpfloat (item->text_rect.width, >, 30);
    }
}

static void
test_overview (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 40);
  cairo_t *cr = cairo_create (surface);
  double from, to;

  entente_layout_default_range (dataset, &from, &to);
  entente_render_overview (dataset, style, from, to, from + (to - from) / 2, to, 400, 40, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The window's outline, in the accent colour. */
  g_assert_cmpint (pixel_distance (pixel_at (surface, 300, 1), style->accent), <, 40);
}

/* Reference images */

static cairo_surface_t *
diff_image (cairo_surface_t *out,
            cairo_surface_t *reference,
            guint           *n_bad)
{
  int width = cairo_image_surface_get_width (out);
  int height = cairo_image_surface_get_height (out);
  cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *data = cairo_image_surface_get_data (diff);
  int stride = cairo_image_surface_get_stride (diff);

  *n_bad = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        Pixel a = pixel_at (out, x, y), b = pixel_at (reference, x, y);
        int worst = pixels_apart (a, b);
        guint32 *p = (guint32 *) (gpointer) (data + y * stride + 4 * x);
        /* Red where they differ, a faint grey copy where they agree. */
        guint32 grey = 0xd0 + (b.r + b.g + b.b) / 3 * 0x2f / 0xff;

        if (worst > REFERENCE_TOLERANCE)
          {
            (*n_bad)++;
            *p = 0xffff0000;
          }
        else
          *p = 0xff000000 | grey << 16 | grey << 8 | grey;
      }
  cairo_surface_mark_dirty (diff);
  return diff;
}

typedef struct {
  const char *name;
  int         width;
  int         height;
  gboolean    dark;
  int         from_year;     /* 0 for the whole range */
  int         to_year;
  const char *selected;      /* an event id, or NULL */
  gboolean    no_chrome;
} ReferenceView;

static const ReferenceView reference_views[] = {
  { "small-light", 800, 450, FALSE, 0, 0, NULL, FALSE },
  { "small-dark-selected", 640, 400, TRUE, 1915, 1946, "e9", FALSE },
  { "small-narrow", 360, 640, FALSE, 0, 0, NULL, FALSE },
  { "small-plot-only", 600, 260, TRUE, 1900, 1930, "e3", TRUE },
};

static void
test_reference (gconstpointer data)
{
  const ReferenceView *view = data;
  g_autoptr(EntenteDataset) dataset = load_small ();
  g_autoptr(EntenteStyle) style = entente_style_new (view->dark);
  g_autoptr(EntenteLayout) layout = NULL;
  g_autoptr(cairo_surface_t) out = NULL;
  g_autoptr(cairo_surface_t) reference = NULL;
  g_autofree char *file = g_strdup_printf ("%s.png", view->name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", file, NULL);
  EntenteLayoutOptions options = { NULL, NULL, view->no_chrome };
  EntenteViewport viewport = { 0, 0, view->width, view->height, 1 };
  EntenteRenderState state;
  guint n_bad;

  if (view->from_year != 0)
    {
      viewport.from_day = entente_days_from_civil (view->from_year, 1, 1);
      viewport.to_day = entente_days_from_civil (view->to_year, 1, 1);
    }
  else
    entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
  layout = entente_layout_new (dataset, &viewport, style, &options);
  entente_render_state_init (&state);
  if (view->selected != NULL)
    state.selected_event = event_by_id (dataset, view->selected);
  out = render (layout, style, &state);

  if (g_strcmp0 (g_getenv ("ENTENTE_UPDATE_REFERENCES"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (out, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      return;
    }

  reference = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s; ENTENTE_UPDATE_REFERENCES=1 writes it", path,
             cairo_status_to_string (cairo_surface_status (reference)));
  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, view->width);
  g_assert_cmpint (cairo_image_surface_get_height (reference), ==, view->height);

  {
    g_autoptr(cairo_surface_t) diff = diff_image (out, reference, &n_bad);

    if (n_bad > view->width * view->height * REFERENCE_SHARE)
      {
        g_autofree char *out_name = g_strdup_printf ("%s.out.png", view->name);
        g_autofree char *diff_name = g_strdup_printf ("%s.diff.png", view->name);
        g_autofree char *out_path = g_test_build_filename (G_TEST_BUILT, out_name, NULL);
        g_autofree char *diff_path = g_test_build_filename (G_TEST_BUILT, diff_name, NULL);

        cairo_surface_write_to_png (out, out_path);
        cairo_surface_write_to_png (diff, diff_path);
        g_test_fail_printf ("%s: %u pixels differ from %s; see %s and %s",
                            view->name, n_bad, path, out_path, diff_path);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  entente_test_pin_fonts ();

  g_test_add_func ("/render/contrast", test_contrast);
  g_test_add_func ("/render/band-colors", test_band_colors);
  g_test_add_func ("/render/band-fades", test_band_fades);
  g_test_add_func ("/render/direct-pixels", test_direct_pixels);
  g_test_add_func ("/render/pieces-match-paths", test_pieces_match_paths);
  g_test_add_func ("/render/cut-spans", test_cut_spans);
  g_test_add_func ("/render/dark-differs", test_dark_differs);
  g_test_add_func ("/render/volume", test_volume);
  g_test_add_func ("/render/matched-badges", test_matched_badges);
  g_test_add_func ("/render/selection", test_selection);
  g_test_add_func ("/render/selected-period", test_selected_period);
  g_test_add_func ("/render/matches", test_matches);
  g_test_add_func ("/render/fallback-fonts", test_fallback_fonts);
  g_test_add_func ("/render/overview", test_overview);
  for (guint i = 0; i < G_N_ELEMENTS (reference_views); i++)
    {
      g_autofree char *name = g_strdup_printf ("/render/reference/%s", reference_views[i].name);

      g_test_add_data_func (name, &reference_views[i], test_reference);
    }

  return g_test_run ();
}
