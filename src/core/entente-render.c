/* entente-render.c: draws a layout on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "entente-layout-private.h"
#include "entente-render-private.h"
#include "entente-text-cache-private.h"

#define MARKER      10.0
#define N_SHAPES     8
#define SHAPE_RING   N_SHAPES  /* events without a category */
#define SPRITE_DOT   (N_SHAPES + 1) /* where a stem meets the axis */
#define SPRITE_BAR_START (N_SHAPES + 2) /* the rounded ends of a span's bar */
#define SPRITE_BAR_END   (N_SHAPES + 3)
#define SPRITE_PILL_START (N_SHAPES + 4) /* the rounded ends of a badge or a stretch */
#define SPRITE_PILL_END   (N_SHAPES + 5)
#define BAR_RADIUS   6.0
#define BAR_OVERHANG (BAR_RADIUS + 2) /* past the plot, rounded end and outline */
#define VOLUME_ALPHA 0.14 /* the histogram of counted events: faint, under the lines */
#define MATCHED_ALPHA 0.4 /* the histogram of a search's matches */
#define SELECTED_EDGE 2.0 /* the width of a selected period's edges */
#define STRETCH_HALF 2.5       /* half a cluster stretch's height */
#define BADGE_HALF   8.0       /* half a cluster badge's height */
/* Half the side of a marker's sprite: the largest shape with its rim. */
#define SPRITE_HALF  8.0
/* Sprites are drawn for positions this finely apart, in device pixels:
 * close enough that they match the paths to a level of grey. */
#define SPRITE_STEPS 16
/* Sprites kept per thread, at most. */
#define MAX_SPRITES  2048

typedef struct {
  EntenteLayout            *layout;
  EntenteDataset           *dataset;
  const EntenteStyle       *style;
  const EntenteRenderState *state;
  cairo_t                  *cr;
  EntenteRect               plot;
  double                    axis_y;
  double                    lanes_top;
  double                    lanes_bottom;
  double                    pixel;    /* one device pixel in user units */
  double                    surface_scale; /* what of 1 / pixel the surface carries */
  gboolean                  raster;   /* pixels, not a vector format */
  gboolean                  unscaled; /* user units are device pixels */
  /* Worked out once a frame: contrast adjustment is not free. */
  EntenteColor             *marker_colors;     /* by category */
  EntenteColor             *band_label_colors; /* by period kind */
  int                       selected_cluster;  /* holding the selection, or -1 */
  const EntenteShapedText  *ellipsis;          /* for labels cut as drawn */
  GArray                   *columns;           /* ColumnRun, by colour, on pixels */
  const struct _DirectPixels *direct;          /* or NULL */
} Frame;

/* Whole device columns of the plot, side by side, of one colour. */
typedef struct {
  guint32 rgb;
  int     from;
  int     to;     /* exclusive */
} ColumnRun;

void
entente_render_state_init (EntenteRenderState *state)
{
  g_return_if_fail (state != NULL);

  state->selected_event = -1;
  state->selected_period = -1;
  state->hovered_event = -1;
  state->hovered_cluster = -1;
  state->hovered_volume = -1;
  state->hovered_side = ENTENTE_SIDE_ABOVE;
  state->matches = NULL;
}

static void
set_color (cairo_t      *cr,
           EntenteColor  color,
           double        alpha)
{
  cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a * alpha);
}

/* A hairline through the device pixel column at x, as a box of whole
 * device pixels: filled, such boxes are a plain copy, where a stroke
 * that ends mid-pixel is rasterised. Its ends move by less than a pixel,
 * under the marker, axis or border they meet. */
static void
add_vline (const Frame *frame,
           double       x,
           double       y0,
           double       y1)
{
  double p = frame->pixel;
  double top = floor (MIN (y0, y1) / p) * p;
  double bottom = ceil (MAX (y0, y1) / p) * p;

  cairo_rectangle (frame->cr, floor (x / p) * p, top, p, bottom - top);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Glyphs go to cairo directly, those of one font in one call: through
 * Pango each run of each label costs a call of its renderer. They land
 * where Pango would put them. */
typedef struct {
  cairo_t             *cr;
  cairo_scaled_font_t *font;
  GArray              *glyphs;  /* cairo_glyph_t */
} GlyphSink;

static void
flush_glyphs (GlyphSink *sink)
{
  if (sink->glyphs->len > 0)
    {
      cairo_set_scaled_font (sink->cr, sink->font);
      cairo_show_glyphs (sink->cr, (cairo_glyph_t *) (gpointer) sink->glyphs->data, sink->glyphs->len);
      g_array_set_size (sink->glyphs, 0);
    }
}

/* Glyphs of runs of shaped text, from its left edge at x on baseline y:
 * all of them, or up to glyph n_glyphs of run last_run. */
static void
show_runs (GlyphSink               *sink,
           const EntenteShapedText *shaped,
           double                   x,
           double                   y,
           guint                    last_run,
           guint                    n_glyphs)
{
  int run_x = 0;

  if (shaped->glyphs != NULL)
    {
      /* One run: the same glyphs as below, read from one array. */
      guint n = last_run == 0 ? MIN (shaped->n_glyphs, n_glyphs) : shaped->n_glyphs;
      guint first = sink->glyphs->len;

      if (shaped->font != sink->font)
        {
          flush_glyphs (sink);
          sink->font = shaped->font;
          first = 0;
        }
      g_array_set_size (sink->glyphs, first + n);
      for (guint i = 0; i < n; i++)
        {
          cairo_glyph_t *glyph = &g_array_index (sink->glyphs, cairo_glyph_t, first + i);

          glyph->index = shaped->glyphs[i].index;
          glyph->x = x + shaped->glyphs[i].x;
          glyph->y = y + shaped->glyphs[i].y;
        }
      return;
    }

  for (guint r = 0; r < shaped->runs->len && r <= last_run; r++)
    {
      PangoGlyphItem *run = g_ptr_array_index (shaped->runs, r);
      PangoGlyphString *glyphs = run->glyphs;
      int n = r == last_run ? MIN (glyphs->num_glyphs, (int) n_glyphs) : glyphs->num_glyphs;
      cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      double base_x = x + (double) run_x / PANGO_SCALE;
      int x_position = 0;

      if (font != sink->font)
        {
          flush_glyphs (sink);
          sink->font = font;
        }
      for (int i = 0; i < n; i++)
        {
          const PangoGlyphInfo *info = &glyphs->glyphs[i];

          if (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG || font == NULL)
            {
              /* A character no font has: Pango draws its box. */
              PangoGlyphString part = *glyphs;

              flush_glyphs (sink);
              part.num_glyphs = n;
              cairo_move_to (sink->cr, base_x, y);
              pango_cairo_show_glyph_string (sink->cr, run->item->analysis.font, &part);
              g_array_set_size (sink->glyphs, 0);
              break;
            }
          if (info->glyph != PANGO_GLYPH_EMPTY)
            {
              cairo_glyph_t glyph;

              glyph.index = info->glyph;
              glyph.x = base_x + (double) (x_position + info->geometry.x_offset) / PANGO_SCALE;
              glyph.y = y + (double) info->geometry.y_offset / PANGO_SCALE;
              g_array_append_val (sink->glyphs, glyph);
            }
          x_position += info->geometry.width;
        }
      run_x += pango_glyph_string_get_width (glyphs);
    }
}

static void
glyph_sink_init (GlyphSink *sink,
                 cairo_t   *cr)
{
  sink->cr = cr;
  sink->font = NULL;
  sink->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), 64);
}

/* Draws what is left in the sink, in the colour set, and frees it. */
static void
glyph_sink_finish (GlyphSink *sink)
{
  flush_glyphs (sink);
  g_array_unref (sink->glyphs);
}

/* Where text height tall goes in rect: at its top, or, where the layout
 * gave the text less than its height (a label in a row that a taller
 * fallback font overfills), centred on it. */
static double
text_top (const EntenteRect *rect,
          double             height)
{
  return rect->height < height ? rect->y + (rect->height - height) / 2 : rect->y;
}

/* On pixels, text the cache shaped is drawn from its glyphs: its layout
 * never works out lines. Vector formats get the layout, which carries
 * the characters as well, for searching and copying. */
static void
draw_text (const Frame       *frame,
           PangoLayout       *text,
           const EntenteRect *rect,
           EntenteColor       color,
           double             alpha)
{
  const EntenteShapedText *shaped;

  if (text == NULL)
    return;
  set_color (frame->cr, color, alpha);
  shaped = frame->raster ? _entente_shaped_text_get (text) : NULL;
  if (shaped != NULL)
    {
      GlyphSink sink;

      glyph_sink_init (&sink, frame->cr);
      show_runs (&sink, shaped, rect->x, text_top (rect, shaped->height) + shaped->baseline, G_MAXUINT, G_MAXUINT);
      glyph_sink_finish (&sink);
      return;
    }
  {
    PangoRectangle logical;

    pango_layout_get_extents (text, NULL, &logical);
    cairo_move_to (frame->cr, rect->x, text_top (rect, (double) logical.height / PANGO_SCALE));
  }
  pango_cairo_show_layout (frame->cr, text);
}

/* Adds the glyphs of a label (an event's, or a badge's count, never
 * cut) to sink, as draw_label () would draw them on pixels, in a colour
 * set by the caller; FALSE when it must be drawn on its own. */
static gboolean
add_label_glyphs (const Frame          *frame,
                  GlyphSink            *sink,
                  PangoLayout          *text,
                  const EntenteRect    *rect,
                  const EntenteTextCut *cut)
{
  const EntenteShapedText *shaped;
  double baseline;

  if (!frame->raster || text == NULL)
    return FALSE;
  shaped = _entente_shaped_text_get (text);
  if (shaped == NULL)
    return FALSE;
  baseline = text_top (rect, shaped->height) + shaped->baseline;
  if (cut == NULL || frame->ellipsis == NULL)
    show_runs (sink, shaped, rect->x, baseline, G_MAXUINT, G_MAXUINT);
  else
    {
      show_runs (sink, shaped, rect->x, baseline, cut->run, cut->n_glyphs);
      show_runs (sink, frame->ellipsis, rect->x + cut->width, baseline, G_MAXUINT, G_MAXUINT);
    }
  /* One call a text. Glyphs whose boxes may overlap, as neighbours'
   * nearly always do, cairo composites through a mask the size of the
   * box round all of them: the labels of a whole view in one call
   * blended a mask as large as the plot, an eighth of a month's frame at
   * a million events. In a crowd, a call a text costs no more. */
  flush_glyphs (sink);
  return TRUE;
}

/* An event's label: its layout, or where the layout cut it (see
 * EntenteEventItem), the part of it that fits followed by "…". */
static void
draw_label (const Frame          *frame,
            PangoLayout          *text,
            const EntenteRect    *rect,
            const EntenteTextCut *cut,
            EntenteColor          color,
            double                alpha)
{
  GlyphSink sink;

  if (text == NULL)
    return;
  if (frame->raster && _entente_shaped_text_get (text) != NULL)
    {
      glyph_sink_init (&sink, frame->cr);
      set_color (frame->cr, color, alpha);
      add_label_glyphs (frame, &sink, text, rect, cut);
      glyph_sink_finish (&sink);
      return;
    }
  if (cut == NULL || frame->ellipsis == NULL || _entente_shaped_text_get (text) == NULL)
    {
      draw_text (frame, text, rect, color, alpha);
      return;
    }

  /* Vector formats: Pango's own ellipsis, with the characters that
   * remain. */
  {
    g_autoptr(PangoLayout) elided = pango_layout_copy (text);

    pango_layout_set_ellipsize (elided, PANGO_ELLIPSIZE_END);
    pango_layout_set_width (elided, (int) ceil (rect->width * PANGO_SCALE));
    draw_text (frame, elided, rect, color, alpha);
  }
}

static void
aligned_rectangle (cairo_t *cr,
                   double   x0,
                   double   y0,
                   double   x1,
                   double   y1)
{
  x0 = floor (x0);
  y0 = floor (y0);
  cairo_rectangle (cr, x0, y0, ceil (x1) - x0, ceil (y1) - y0);
}

/* Lines pass behind labels: once they are drawn, the plot's background
 * is painted again inside each label's box, so no stem or grid line
 * strikes through words. Clipping the lines out around every label
 * instead made each of them composite through a clip of hundreds of
 * boxes, which cost more than the rest of a frame. The boxes are whole
 * pixels, which makes the clip of the repaint a region: quick to apply,
 * and clear of a cairo 1.16 assertion on unaligned boxes. */
static void
clear_under_labels (const Frame *frame,
                    GArray      *labels,
                    void       (*paint_background) (const Frame *frame))
{
  cairo_t *cr = frame->cr;

  if (labels->len == 0)
    return;
  cairo_save (cr);
  for (guint i = 0; i < labels->len; i++)
    {
      const EntenteRect *r = &g_array_index (labels, EntenteRect, i);

      aligned_rectangle (cr, r->x - 2, r->y, r->x + r->width + 2, r->y + r->height);
    }
  cairo_clip (cr);
  paint_background (frame);
  cairo_restore (cr);
}

/* Markers */

guint
entente_render_marker_shape (int category)
{
  if (category < 0)
    return SHAPE_RING;
  return (guint) category % N_SHAPES;
}

static void
polygon (cairo_t *cr,
         double   x,
         double   y,
         double   radius,
         guint    n,
         double   rotation,
         double   inner)
{
  guint points = inner > 0 ? 2 * n : n;

  for (guint i = 0; i < points; i++)
    {
      double r = (inner > 0 && i % 2 == 1) ? inner : radius;
      double angle = rotation + 2 * G_PI * i / points;

      if (i == 0)
        cairo_move_to (cr, x + r * cos (angle), y + r * sin (angle));
      else
        cairo_line_to (cr, x + r * cos (angle), y + r * sin (angle));
    }
  cairo_close_path (cr);
}

void
entente_render_marker_path (cairo_t *cr,
                            guint    shape,
                            double   x,
                            double   y,
                            double   size)
{
  double r = size / 2;

  g_return_if_fail (cr != NULL);

  /* Sizes are evened out by eye, so that no shape looks heavier. */
  cairo_new_sub_path (cr);
  switch (shape)
    {
    case 0: /* circle */
    case SHAPE_RING:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    case 1: /* diamond */
      polygon (cr, x, y, r * 1.25, 4, -G_PI / 2, 0);
      break;
    case 2: /* square */
      cairo_rectangle (cr, x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
      break;
    case 3: /* triangle, point up */
      polygon (cr, x, y + r * 0.15, r * 1.3, 3, -G_PI / 2, 0);
      break;
    case 4: /* triangle, point down */
      polygon (cr, x, y - r * 0.15, r * 1.3, 3, G_PI / 2, 0);
      break;
    case 5: /* hexagon */
      polygon (cr, x, y, r * 1.08, 6, 0, 0);
      break;
    case 6: /* star */
      polygon (cr, x, y, r * 1.35, 5, -G_PI / 2, r * 0.6);
      break;
    case 7: /* pentagon */
    default:
      polygon (cr, x, y, r * 1.12, 5, -G_PI / 2, 0);
      break;
    }
}

/* A category's colour as a marker draws it, held to the style's
 * contrast; the style's fallback for none. */
static EntenteColor
marker_color (EntenteDataset     *dataset,
              const EntenteStyle *style,
              int                 category)
{
  const EntenteKind *kind;

  if (category < 0)
    return style->fallback;
  kind = entente_dataset_get_category (dataset, category);
  return entente_style_marker_color (style, entente_style_kind_rgb (style, kind->has_color, kind->color, category));
}

static guint32
kind_rgb (const Frame *frame,
          guint        index)
{
  const EntenteKind *kind = entente_dataset_get_period_kind (frame->dataset, index);

  return entente_style_kind_rgb (frame->style, kind->has_color, kind->color, index);
}

static EntenteColor
category_color (const Frame *frame,
                int          category)
{
  if (category < 0)
    return frame->style->fallback;
  return frame->marker_colors[category];
}

/* Fills the markers of shape in cr's current path. */
static void
fill_marker_path (cairo_t            *cr,
                  const EntenteStyle *style,
                  guint               shape,
                  EntenteColor        color,
                  double              alpha)
{
  if (shape == SHAPE_RING)
    {
      set_color (cr, style->plot_background, alpha);
      cairo_fill_preserve (cr);
      set_color (cr, color, alpha);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      return;
    }
  set_color (cr, color, alpha);
  cairo_fill_preserve (cr);
  /* A thin rim in the plot's colour keeps neighbours apart. */
  set_color (cr, style->plot_background, alpha * 0.9);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

void
entente_render_category_marker (EntenteDataset     *dataset,
                                const EntenteStyle *style,
                                int                 category,
                                double              x,
                                double              y,
                                double              size,
                                cairo_t            *cr)
{
  guint shape = entente_render_marker_shape (category);

  g_return_if_fail (ENTENTE_IS_DATASET (dataset));
  g_return_if_fail (style != NULL && cr != NULL);
  g_return_if_fail (category < (int) entente_dataset_get_n_categories (dataset));

  cairo_save (cr);
  cairo_new_path (cr);
  entente_render_marker_path (cr, shape, x, y, size);
  fill_marker_path (cr, style, shape, marker_color (dataset, style, category), 1);
  cairo_restore (cr);
}

/* Markers on pixels come from sprites: each look is drawn once for each
 * offset within a pixel that occurs (in SPRITE_STEPS) into a small image,
 * which is then copied. Tracing hundreds of small curves and their rims
 * cost more than all the rest of a frame; copying them costs a twentieth
 * of that. Vector formats get the paths themselves. */
static gboolean
is_raster (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Zeroed before it is filled, so that it hashes and compares as bytes. */
typedef struct {
  guint32 shape;
  float   color[4];
  float   rim[4];
  float   alpha;
  /* What else shapes it: a bar's fill strength, a pill's radius. */
  float   detail;
  float   scale;
  float   surface_scale;  /* the part of scale the surface carries */
  guint32 offset_x;  /* in SPRITE_STEPS of a device pixel */
  guint32 offset_y;
} SpriteKey;

static guint
sprite_key_hash (gconstpointer data)
{
  const guint8 *bytes = data;
  guint hash = 2166136261u;

  for (gsize i = 0; i < sizeof (SpriteKey); i++)
    hash = (hash ^ bytes[i]) * 16777619u;
  return hash;
}

static gboolean
sprite_key_equal (gconstpointer a,
                  gconstpointer b)
{
  return memcmp (a, b, sizeof (SpriteKey)) == 0;
}

/* Per thread: an export drawn off the main thread has its own. */
static GPrivate sprites = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static GHashTable *
sprite_table (void)
{
  GHashTable *table = g_private_get (&sprites);

  if (table == NULL)
    {
      table = g_hash_table_new_full (sprite_key_hash, sprite_key_equal, g_free,
                                     (GDestroyNotify) cairo_surface_destroy);
      g_private_set (&sprites, table);
    }
  return table;
}

static void
add_sprite (GHashTable      *table,
            const SpriteKey *key,
            cairo_surface_t *sprite)
{
  if (g_hash_table_size (table) >= MAX_SPRITES)
    g_hash_table_remove_all (table);
  g_hash_table_insert (table, g_memdup2 (key, sizeof *key), sprite);
}

static void
sprite_key_init (const Frame  *frame,
                 guint         shape,
                 EntenteColor  color,
                 double        alpha,
                 guint         offset_x,
                 guint         offset_y,
                 SpriteKey    *key)
{
  memset (key, 0, sizeof *key);
  key->shape = shape;
  key->color[0] = color.r;
  key->color[1] = color.g;
  key->color[2] = color.b;
  key->color[3] = color.a;
  key->rim[0] = frame->style->plot_background.r;
  key->rim[1] = frame->style->plot_background.g;
  key->rim[2] = frame->style->plot_background.b;
  key->rim[3] = frame->style->plot_background.a;
  key->alpha = alpha;
  key->scale = 1 / frame->pixel;
  key->surface_scale = frame->surface_scale;
  key->offset_x = offset_x;
  key->offset_y = offset_y;
}

/* A context to draw a sprite on as the chart is drawn: with the same
 * part of the scale carried by the surface and the same part by the
 * transformation. Cairo divides curves into segments by a tolerance in
 * the units of the transformation, so a marker drawn under a scaling on
 * the sprite and on a surface of scale 2 on the chart (as a HiDPI window
 * has it) came out with edges up to 49 levels apart. */
static cairo_t *
sprite_begin (const Frame     *frame,
              cairo_surface_t *sprite)
{
  cairo_t *cr;

  cairo_surface_set_device_scale (sprite, frame->surface_scale, frame->surface_scale);
  cr = cairo_create (sprite);
  cairo_scale (cr, 1 / (frame->pixel * frame->surface_scale), 1 / (frame->pixel * frame->surface_scale));
  return cr;
}

/* From now on the sprite is copied pixel for pixel. */
static void
sprite_end (cairo_t         *cr,
            cairo_surface_t *sprite)
{
  cairo_destroy (cr);
  cairo_surface_set_device_scale (sprite, 1, 1);
  cairo_surface_flush (sprite);
}

static cairo_surface_t *
get_sprite (const Frame  *frame,
            guint         shape,
            EntenteColor  color,
            double        alpha,
            guint         offset_x,
            guint         offset_y,
            int          *origin)
{
  GHashTable *table = sprite_table ();
  double scale = 1 / frame->pixel;
  int size;
  SpriteKey key;
  cairo_surface_t *sprite;
  cairo_t *cr;

  sprite_key_init (frame, shape, color, alpha, offset_x, offset_y, &key);
  /* The marker's centre, in device pixels from the sprite's corner. */
  *origin = (int) ceil (SPRITE_HALF * scale);
  sprite = g_hash_table_lookup (table, &key);
  if (sprite != NULL)
    return sprite;

  size = 2 * *origin + 1;
  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = sprite_begin (frame, sprite);
  {
    double x = (*origin + (double) offset_x / SPRITE_STEPS) / scale;
    double y = (*origin + (double) offset_y / SPRITE_STEPS) / scale;

    if (shape == SPRITE_DOT)
      {
        cairo_arc (cr, x, y, 2, 0, 2 * G_PI);
        set_color (cr, color, alpha);
        cairo_fill (cr);
      }
    else
      {
        /* The same drawing as on the chart. */
        entente_render_marker_path (cr, shape, x, y, MARKER);
        fill_marker_path (cr, frame->style, shape, color, alpha);
      }
  }
  sprite_end (cr, sprite);
  add_sprite (table, &key, sprite);
  return sprite;
}

/* The pixels of the surface drawn on, for sprites to be copied onto
 * without cairo: a crowded view has well over a thousand markers, dots
 * and bar ends, and a cairo operation for each cost several times the
 * copy. Only where device pixels are the surface's own, shifted by
 * whole pixels, and the clip is one rectangle. */
typedef struct _DirectPixels {
  cairo_surface_t *surface;
  guint8          *data;
  int              stride;
  int              dx;      /* a device pixel's place in the surface */
  int              dy;
  /* The pixels the clip leaves whole, and those it touches at all, in
   * the surface; exclusive ends. A sprite partly between the two goes
   * through cairo, which blends the clip's edge. */
  int              x0, y0, x1, y1;
  int              outer_x0, outer_y0, outer_x1, outer_y1;
} DirectPixels;

static gboolean
whole (double value,
       int   *out)
{
  double rounded = round (value);

  if (fabs (value - rounded) > 1e-6 || fabs (rounded) > G_MAXINT / 2)
    return FALSE;
  *out = (int) rounded;
  return TRUE;
}

/* Fills in direct for drawing on cr as it is now, clipped further to
 * area (in user units); FALSE when sprites must go through cairo.
 * Called before area is clipped to: cairo describes a clip only while
 * it lies on whole pixels. */
static gboolean
direct_pixels_init (DirectPixels      *direct,
                    cairo_t           *cr,
                    double             pixel,
                    const EntenteRect *area)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *clip;
  cairo_matrix_t matrix;
  double scale_x, scale_y, offset_x, offset_y, left, top, right, bottom;
  gboolean usable;

  memset (direct, 0, sizeof *direct);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_image_surface_get_data (target) == NULL)
    return FALSE;
  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  if (matrix.xy != 0 || matrix.yx != 0 ||
      fabs (matrix.xx * scale_x * pixel - 1) > 1e-9 || fabs (matrix.yy * scale_y * pixel - 1) > 1e-9 ||
      !whole (matrix.x0 * scale_x + offset_x, &direct->dx) ||
      !whole (matrix.y0 * scale_y + offset_y, &direct->dy))
    return FALSE;

  clip = cairo_copy_clip_rectangle_list (cr);
  usable = clip->status == CAIRO_STATUS_SUCCESS && clip->num_rectangles == 1;
  if (usable)
    {
      /* User units to device pixels, then to the surface's. */
      const cairo_rectangle_t *r = &clip->rectangles[0];

      left = MAX (r->x, area->x) / pixel + direct->dx;
      top = MAX (r->y, area->y) / pixel + direct->dy;
      right = MIN (r->x + r->width, area->x + area->width) / pixel + direct->dx;
      bottom = MIN (r->y + r->height, area->y + area->height) / pixel + direct->dy;
      usable = fabs (left) < G_MAXINT / 2 && fabs (right) < G_MAXINT / 2 &&
               fabs (top) < G_MAXINT / 2 && fabs (bottom) < G_MAXINT / 2;
    }
  cairo_rectangle_list_destroy (clip);
  if (!usable)
    return FALSE;

  direct->surface = target;
  direct->stride = cairo_image_surface_get_stride (target);
  direct->data = cairo_image_surface_get_data (target);
  direct->outer_x0 = MAX ((int) floor (left + 1e-6), 0);
  direct->outer_y0 = MAX ((int) floor (top + 1e-6), 0);
  direct->outer_x1 = MIN ((int) ceil (right - 1e-6), cairo_image_surface_get_width (target));
  direct->outer_y1 = MIN ((int) ceil (bottom - 1e-6), cairo_image_surface_get_height (target));
  direct->x0 = MAX ((int) ceil (left - 1e-6), direct->outer_x0);
  direct->y0 = MAX ((int) ceil (top - 1e-6), direct->outer_y0);
  direct->x1 = MIN ((int) floor (right + 1e-6), direct->outer_x1);
  direct->y1 = MIN ((int) floor (bottom + 1e-6), direct->outer_y1);
  return TRUE;
}

/* Around sprites copied by hand: cairo's drawing is finished before,
 * and told of the change after. */
static void
direct_begin (const Frame *frame)
{
  if (frame->direct != NULL)
    cairo_surface_flush (frame->direct->surface);
}

static void
direct_end (const Frame *frame)
{
  if (frame->direct != NULL)
    cairo_surface_mark_dirty (frame->direct->surface);
}

/* Premultiplied source over destination, rounded as pixman rounds, so
 * that the result is the one cairo gives. */
static inline guint32
over_pixel (guint32 src,
            guint32 dst)
{
  guint32 inverse = 255 - (src >> 24);
  guint32 rb = (dst & 0xff00ff) * inverse + 0x800080;
  guint32 ag = ((dst >> 8) & 0xff00ff) * inverse + 0x800080;

  rb = ((rb + ((rb >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  ag = ((ag + ((ag >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  rb += src & 0xff00ff;
  ag += (src >> 8) & 0xff00ff;
  /* Saturated, channel by channel. */
  rb = (rb | (0x10000100 - ((rb >> 8) & 0xff00ff))) & 0xff00ff;
  ag = (ag | (0x10000100 - ((ag >> 8) & 0xff00ff))) & 0xff00ff;
  return rb | ag << 8;
}

/* FALSE when the sprite must go through cairo instead. */
static gboolean
blit_sprite (const DirectPixels *direct,
             cairo_surface_t    *sprite,
             int                 x,
             int                 y)
{
  const guint8 *src = cairo_image_surface_get_data (sprite);
  int src_stride = cairo_image_surface_get_stride (sprite);
  int width = cairo_image_surface_get_width (sprite);
  int height = cairo_image_surface_get_height (sprite);
  int x0, x1, y0, y1;

  x += direct->dx;
  y += direct->dy;
  /* Wholly outside the clip: nothing to do. */
  if (x >= direct->outer_x1 || y >= direct->outer_y1 ||
      x + width <= direct->outer_x0 || y + height <= direct->outer_y0)
    return TRUE;
  x0 = MAX (x, direct->x0);
  x1 = MIN (x + width, direct->x1);
  y0 = MAX (y, direct->y0);
  y1 = MIN (y + height, direct->y1);
  /* Across the clip's blended edge. */
  if ((x0 > x && x0 > direct->outer_x0) || (x1 < x + width && x1 < direct->outer_x1) ||
      (y0 > y && y0 > direct->outer_y0) || (y1 < y + height && y1 < direct->outer_y1))
    return FALSE;

  for (int row = y0; row < y1; row++)
    {
      const guint32 *s = (const guint32 *) (gconstpointer) (src + (row - y) * src_stride) + (x0 - x);
      guint32 *d = (guint32 *) (gpointer) (direct->data + row * direct->stride) + x0;

      for (int column = x0; column < x1; column++, s++, d++)
        {
          if (*s == 0)
            continue;
          *d = *s >> 24 == 0xff ? *s : over_pixel (*s, *d);
        }
    }
  return TRUE;
}

/* A sprite with its corner at (x, y) in device pixels, pixel for pixel.
 * Drawing at one user unit to the pixel, as on screen at scale 1, needs
 * no change of the transformation, which costs as much as the copy. */
static void
paint_sprite (const Frame     *frame,
              cairo_surface_t *sprite,
              double           x,
              double           y)
{
  cairo_t *cr = frame->cr;
  int width = cairo_image_surface_get_width (sprite);
  int height = cairo_image_surface_get_height (sprite);

  if (frame->direct != NULL)
    {
      if (blit_sprite (frame->direct, sprite, (int) x, (int) y))
        return;
      /* Through cairo after all, in the midst of copies by hand. */
      cairo_surface_mark_dirty (frame->direct->surface);
    }
  if (frame->unscaled)
    {
      cairo_set_source_surface (cr, sprite, x, y);
      cairo_rectangle (cr, x, y, width, height);
      cairo_fill (cr);
    }
  else
    {
      cairo_save (cr);
      cairo_scale (cr, frame->pixel, frame->pixel);
      cairo_translate (cr, x, y);
      cairo_set_source_surface (cr, sprite, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  if (frame->direct != NULL)
    cairo_surface_flush (frame->direct->surface);
}

static void
paint_marker_sprite (const Frame  *frame,
                     guint         shape,
                     EntenteColor  color,
                     double        alpha,
                     double        x,
                     double        y)
{
  double scale = 1 / frame->pixel;
  double qx = round (x * scale * SPRITE_STEPS) / SPRITE_STEPS;
  double qy = round (y * scale * SPRITE_STEPS) / SPRITE_STEPS;
  double ix = floor (qx), iy = floor (qy);
  cairo_surface_t *sprite;
  int origin;

  sprite = get_sprite (frame, shape, color, alpha, (guint) ((qx - ix) * SPRITE_STEPS),
                       (guint) ((qy - iy) * SPRITE_STEPS), &origin);
  paint_sprite (frame, sprite, ix - origin, iy - origin);
}

/* A span's bar as drawn. Where the span goes on beyond the view, the bar
 * runs on past the plot's edge, which the clip then cuts square: a span
 * the view cuts short must not look as if it began or ended there. */
static EntenteRect
drawn_bar (const Frame            *frame,
           const EntenteEventItem *item)
{
  const EntenteEvent *event = entente_dataset_get_event (frame->dataset, item->event);
  const EntenteViewport *viewport = entente_layout_get_viewport (frame->layout);
  EntenteRect bar = item->bar;
  double right = bar.x + bar.width;

  if (bar.width <= 0)
    return bar;
  if (event->start_day < viewport->from_day)
    bar.x = MIN (bar.x, frame->plot.x - BAR_OVERHANG);
  if (event->end_day > viewport->to_day)
    right = MAX (right, frame->plot.x + frame->plot.width + BAR_OVERHANG);
  bar.width = right - bar.x;
  return bar;
}

/* A span's bar: a rounded rectangle, filled and outlined. */
static void
bar_path (cairo_t           *cr,
          const EntenteRect *bar)
{
  rounded_rect (cr, bar->x, bar->y, bar->width, bar->height, bar->height / 2);
}

/* A bar's fill: the category's colour, faint, on the plot's colour. A
 * bar a search dims is this fill faded, so that it fades into whatever
 * band lies under it as the rest of what is dimmed does. */
static EntenteColor
bar_fill (const Frame  *frame,
          EntenteColor  color)
{
  EntenteColor tint = color;

  tint.a = color.a * frame->style->span_alpha;
  return entente_color_over (tint, frame->style->plot_background);
}

static void
fill_bar_path (const Frame  *frame,
               EntenteColor  color,
               double        alpha)
{
  cairo_t *cr = frame->cr;

  set_color (cr, bar_fill (frame, color), alpha);
  cairo_fill_preserve (cr);
  set_color (cr, color, alpha * frame->style->outline_alpha);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* On pixels a bar or a badge is drawn in pieces: its rounded ends from
 * sprites, and the straight stretch between them as boxes of whole
 * device pixels, filled (and for a bar, outlined along the top and the
 * bottom). The ends of the stretch fall on pixel boundaries, so the
 * pieces meet without a seam. Tracing the outline of every bar cost as
 * much as all the rest of the items, and filling the rounded paths of
 * the badges of a crowded view as much as a tenth of its frame. The x
 * is rounded to a sixteenth of a pixel, like the markers'. */
typedef struct {
  double x0;           /* the ends, in device pixels, rounded */
  double x1;
  double y;            /* the top */
  double radius;       /* in user units */
  double inner_left;   /* the straight stretch, on pixel boundaries */
  double inner_right;
} PillPieces;

static gboolean
pill_pieces (const Frame       *frame,
             const EntenteRect *rect,
             PillPieces        *pieces)
{
  double scale = 1 / frame->pixel;

  pieces->radius = rect->height / 2;
  pieces->x0 = round (rect->x * scale * SPRITE_STEPS) / SPRITE_STEPS;
  pieces->x1 = round ((rect->x + rect->width) * scale * SPRITE_STEPS) / SPRITE_STEPS;
  pieces->y = round (rect->y * scale * SPRITE_STEPS) / SPRITE_STEPS;
  pieces->inner_left = ceil (pieces->x0 + pieces->radius * scale);
  pieces->inner_right = floor (pieces->x1 - pieces->radius * scale);
  return pieces->inner_right - pieces->inner_left >= 1;
}

static gboolean
bar_pieces (const Frame       *frame,
            const EntenteRect *bar,
            PillPieces        *pieces)
{
  /* Bars are one height; a shorter one is the path's. */
  return bar->height == 2 * BAR_RADIUS && pill_pieces (frame, bar, pieces);
}

/* The sprite of one rounded end of a bar (outlined) or of a badge or a
 * cluster's stretch (only filled); origin_x and origin_y receive where
 * its corner goes, in device pixels. */
static cairo_surface_t *
get_pill_end (const Frame      *frame,
              const PillPieces *pieces,
              gboolean          outlined,
              gboolean          start,
              EntenteColor      color,
              double            alpha,
              double           *origin_x,
              double           *origin_y)
{
  GHashTable *table = sprite_table ();
  double scale = 1 / frame->pixel;
  double edge = start ? pieces->x0 : pieces->x1;
  double offset_x = edge - floor (edge), offset_y = pieces->y - floor (pieces->y);
  /* What the outline adds around a bar's shape. */
  double half_line = outlined ? scale / 2 : 0;
  double radius = pieces->radius;
  double left, top, width, height, x;
  SpriteKey key;
  cairo_surface_t *sprite;
  Frame sprite_frame = *frame;
  EntenteRect shape;

  top = floor (pieces->y - half_line);
  height = ceil (pieces->y + 2 * radius * scale + half_line) - top;
  if (start)
    {
      left = floor (pieces->x0 - half_line);
      width = pieces->inner_left - left;
    }
  else
    {
      left = pieces->inner_right;
      width = ceil (pieces->x1 + half_line) - left;
    }
  *origin_x = left;
  *origin_y = top;

  sprite_key_init (frame, outlined ? (start ? SPRITE_BAR_START : SPRITE_BAR_END)
                                   : (start ? SPRITE_PILL_START : SPRITE_PILL_END),
                   color, alpha, (guint) (offset_x * SPRITE_STEPS), (guint) (offset_y * SPRITE_STEPS), &key);
  key.detail = outlined ? frame->style->span_alpha : radius;
  sprite = g_hash_table_lookup (table, &key);
  if (sprite != NULL)
    return sprite;

  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  sprite_frame.cr = sprite_begin (frame, sprite);
  /* A shape long enough that its other end lies beyond the sprite. */
  x = start ? pieces->x0 - left : pieces->x1 - left - 8 * radius * scale;
  shape = (EntenteRect) { x / scale, (pieces->y - top) / scale, 8 * radius, 2 * radius };
  rounded_rect (sprite_frame.cr, shape.x, shape.y, shape.width, shape.height, radius);
  if (outlined)
    fill_bar_path (&sprite_frame, color, alpha);
  else
    {
      set_color (sprite_frame.cr, color, alpha);
      cairo_fill (sprite_frame.cr);
    }
  sprite_end (sprite_frame.cr, sprite);
  add_sprite (table, &key, sprite);
  return sprite;
}

static void
paint_pill_ends (const Frame      *frame,
                 const PillPieces *pieces,
                 gboolean          outlined,
                 EntenteColor      color,
                 double            alpha)
{
  for (int start = 0; start < 2; start++)
    {
      double x, y;
      cairo_surface_t *sprite = get_pill_end (frame, pieces, outlined, start, color, alpha, &x, &y);

      paint_sprite (frame, sprite, x, y);
    }
}

static void
draw_marker (const Frame  *frame,
             int           category,
             double        x,
             double        y,
             double        size,
             double        alpha)
{
  cairo_t *cr = frame->cr;
  guint shape = entente_render_marker_shape (category);
  EntenteColor color = category_color (frame, category);

  entente_render_marker_path (cr, shape, x, y, size);
  fill_marker_path (cr, frame->style, shape, color, alpha);
}

/* Bands */

static double
band_strength (const EntenteBand *band,
               double             x)
{
  double in = 1, out = 1;

  if (x <= band->x0 || x >= band->x1)
    return 0;
  if (x < band->x0_full)
    in = (x - band->x0) / (band->x0_full - band->x0);
  if (x > band->x1_full)
    out = (band->x1 - x) / (band->x1 - band->x1_full);
  return CLAMP (MIN (in, out), 0, 1);
}

static void
add_stop (cairo_pattern_t   *pattern,
          const EntenteBand *band,
          EntenteColor       color,
          double             left,
          double             right,
          double             x)
{
  double alpha = band_strength (band, CLAMP (x, left + 1e-6, right - 1e-6));

  if (x < left || x > right)
    return;
  cairo_pattern_add_color_stop_rgba (pattern, (x - left) / (right - left),
                                     color.r, color.g, color.b, color.a * alpha);
}

/* The stretch of the plot that a band covers; FALSE when none. */
static gboolean
band_stretch (const Frame       *frame,
              const EntenteBand *band,
              double            *left,
              double            *right)
{
  *left = MAX (band->x0, frame->plot.x);
  *right = MIN (band->x1, frame->plot.x + frame->plot.width);
  return *right > *left;
}

static void
draw_band (const Frame       *frame,
           const EntenteBand *band)
{
  cairo_t *cr = frame->cr;
  const EntentePeriod *period = entente_dataset_get_period (frame->dataset, band->period);
  guint32 rgb = kind_rgb (frame, period->kind);
  EntenteColor color = entente_color_from_rgb (rgb);
  double left, right;
  double top = frame->plot.y;
  double height = frame->plot.height;

  if (!band_stretch (frame, band, &left, &right))
    return;

  color.a = frame->style->band_alpha;
  if (band->x0_full > left || band->x1_full < right)
    {
      /* Only the visible stretch gets a gradient, with the strength at
       * its ends worked out here: far-off stops would overflow cairo's
       * fixed-point coordinates at a deep zoom. */
      cairo_pattern_t *pattern = cairo_pattern_create_linear (left, 0, right, 0);
      double p = frame->pixel;
      /* Between the fades the band is even: plain colour there is
       * cheaper than a gradient. The seams fall on whole device pixels,
       * so that no pixel is painted half by each. */
      double solid_left = ceil (CLAMP (MIN (band->x0_full, band->x1_full), left, right) / p) * p;
      double solid_right = floor (CLAMP (MAX (band->x1_full, band->x0_full), left, right) / p) * p;

      add_stop (pattern, band, color, left, right, left);
      if (band->x0_full > left && band->x0_full < right)
        add_stop (pattern, band, color, left, right, MIN (band->x0_full, band->x1_full));
      if (band->x1_full > left && band->x1_full < right)
        add_stop (pattern, band, color, left, right, MAX (band->x1_full, band->x0_full));
      add_stop (pattern, band, color, left, right, right);
      cairo_set_source (cr, pattern);
      if (solid_right - solid_left > 2 * p)
        {
          if (solid_left > left)
            cairo_rectangle (cr, left, top, solid_left - left, height);
          if (solid_right < right)
            cairo_rectangle (cr, solid_right, top, right - solid_right, height);
          cairo_fill (cr);
          cairo_rectangle (cr, solid_left, top, solid_right - solid_left, height);
          cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
        }
      else
        cairo_rectangle (cr, left, top, right - left, height);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }
  else
    {
      cairo_rectangle (cr, left, top, right - left, height);
      cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
      cairo_fill (cr);
    }
}

/* An exact date is a hard edge, and a fine line says so. */
static void
draw_band_edges (const Frame       *frame,
                 const EntenteBand *band)
{
  cairo_t *cr = frame->cr;
  const EntentePeriod *period = entente_dataset_get_period (frame->dataset, band->period);
  EntenteColor color = entente_color_from_rgb (kind_rgb (frame, period->kind));
  double left, right;
  double top = frame->plot.y;
  double height = frame->plot.height;

  if (!band_stretch (frame, band, &left, &right))
    return;
  color.a = frame->style->dark ? 0.55 : 0.75;
  if (band->x0 == band->x0_full && band->x0 > frame->plot.x && band->x0 < right)
    add_vline (frame, band->x0, top, top + height);
  if (band->x1 == band->x1_full && band->x1 < frame->plot.x + frame->plot.width && band->x1 > left)
    add_vline (frame, band->x1 - frame->pixel, top, top + height);
  set_color (cr, color, 1);
  cairo_fill (cr);
}

/* A selected or hovered item, or a selected period's label: a box
 * round it. */
static void
draw_highlight (const Frame       *frame,
                const EntenteRect *r,
                EntenteColor       color,
                double             fill_alpha)
{
  cairo_t *cr = frame->cr;

  rounded_rect (cr, r->x - 3, r->y - 1, r->width + 6, r->height + 2, 6);
  set_color (cr, color, fill_alpha);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  set_color (cr, color, 1);
  cairo_stroke (cr);
}

/* The selected period: its outer edges in the selection's colour, over
 * the plot's height, where events are drawn over them as over its other
 * lines. */
static void
draw_selected_band_edges (const Frame       *frame,
                          const EntenteBand *band)
{
  double left, right;
  double top = frame->plot.y;
  double bottom = frame->plot.y + frame->plot.height;

  if (!band_stretch (frame, band, &left, &right))
    return;
  if (band->x0 >= frame->plot.x)
    cairo_rectangle (frame->cr, band->x0, top, SELECTED_EDGE, bottom - top);
  if (band->x1 <= frame->plot.x + frame->plot.width)
    cairo_rectangle (frame->cr, band->x1 - SELECTED_EDGE, top, SELECTED_EDGE, bottom - top);
  set_color (frame->cr, frame->style->accent, 1);
  cairo_fill (frame->cr);
}

static void
draw_band_label (const Frame       *frame,
                 const EntenteBand *band)
{
  const EntentePeriod *period = entente_dataset_get_period (frame->dataset, band->period);
  EntenteColor color = frame->band_label_colors[period->kind];

  if (frame->state->selected_period == (int) band->period && band->text != NULL)
    draw_highlight (frame, &band->text_rect, frame->style->accent, 0.16);
  draw_text (frame, band->text, &band->text_rect, color, 1);
}

/* Axis and ticks */

/* A faint strip around the axis: what lies in it, both parties did (or
 * neither), while the parties' own events lie beyond it. */
static void
draw_joint_zone (const Frame *frame)
{
  double top, bottom;

  if (!_entente_layout_get_joint_zone (frame->layout, &top, &bottom))
    return;
  cairo_rectangle (frame->cr, frame->plot.x, top, frame->plot.width, bottom - top);
  set_color (frame->cr, frame->style->joint_zone, 1);
  cairo_fill (frame->cr);
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const ColumnRun *ra = a, *rb = b;

  if (ra->rgb != rb->rgb)
    return ra->rgb < rb->rgb ? -1 : 1;
  return ra->from - rb->from;
}

/* On pixels, the plot's colour with its bands over it is worked out for
 * each device column: bands tint whole columns, and painting them as
 * translucent fills of the plot's height, with gradients where they
 * fade, cost a crowded frame more than all its lines. A column takes a
 * band's strength at its centre, as the gradient would, times the part
 * of it the band covers. Opaque fills of whole columns are plain copies.
 * Sorted by colour, so that each colour is one fill. */
static GArray *
plan_columns (const Frame *frame)
{
  guint n_bands;
  const EntenteBand *bands = entente_layout_get_bands (frame->layout, &n_bands);
  double p = frame->pixel;
  int first = (int) floor (frame->plot.x / p);
  int end = (int) ceil ((frame->plot.x + frame->plot.width) / p);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (ColumnRun));
  g_autofree EntenteColor *tints = g_new (EntenteColor, MAX (n_bands, 1));

  for (guint i = 0; i < n_bands; i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (frame->dataset, bands[i].period);

      tints[i] = entente_color_from_rgb (kind_rgb (frame, period->kind));
    }
  for (int column = first; column < end; column++)
    {
      double left = column * p, right = left + p;
      EntenteColor color = frame->style->plot_background;
      guint32 rgb;

      for (guint i = 0; i < n_bands; i++)
        {
          const EntenteBand *band = &bands[i];
          double covered = (MIN (right, band->x1) - MAX (left, band->x0)) / p;
          EntenteColor tint = tints[i];

          if (covered <= 0)
            continue;
          tint.a = frame->style->band_alpha * MIN (covered, 1) *
                   band_strength (band, CLAMP (left + p / 2, band->x0 + 1e-6, band->x1 - 1e-6));
          color = entente_color_over (tint, color);
        }
      rgb = (guint32) round (CLAMP (color.r, 0, 1) * 255) << 16 |
            (guint32) round (CLAMP (color.g, 0, 1) * 255) << 8 |
            (guint32) round (CLAMP (color.b, 0, 1) * 255);
      if (runs->len > 0 && g_array_index (runs, ColumnRun, runs->len - 1).rgb == rgb)
        g_array_index (runs, ColumnRun, runs->len - 1).to = column + 1;
      else
        {
          ColumnRun run = { rgb, column, column + 1 };

          g_array_append_val (runs, run);
        }
    }
  g_array_sort (runs, compare_runs);
  return runs;
}

/* The plot's own colour, its bands and the joint zone: everything under
 * the lines. The plot's colour is opaque, so painting this again over
 * anything restores exactly these pixels. */
static void
paint_plot_background (const Frame *frame)
{
  cairo_t *cr = frame->cr;
  guint n_bands;
  const EntenteBand *bands = entente_layout_get_bands (frame->layout, &n_bands);

  if (frame->columns != NULL)
    {
      double p = frame->pixel;
      double top = floor (frame->plot.y / p) * p;
      double bottom = ceil ((frame->plot.y + frame->plot.height) / p) * p;

      for (guint i = 0; i < frame->columns->len; i++)
        {
          const ColumnRun *run = &g_array_index (frame->columns, ColumnRun, i);

          cairo_rectangle (cr, run->from * p, top, (run->to - run->from) * p, bottom - top);
          if (i + 1 < frame->columns->len && g_array_index (frame->columns, ColumnRun, i + 1).rgb == run->rgb)
            continue;
          cairo_set_source_rgb (cr, (run->rgb >> 16) / 255.0, ((run->rgb >> 8) & 0xff) / 255.0,
                                (run->rgb & 0xff) / 255.0);
          cairo_fill (cr);
        }
    }
  else
    {
      set_color (cr, frame->style->plot_background, 1);
      cairo_paint (cr);
      for (guint i = 0; i < n_bands; i++)
        draw_band (frame, &bands[i]);
    }
  draw_joint_zone (frame);
}

static void
draw_grid (const Frame       *frame,
           const EntenteTick *ticks,
           guint              n_ticks)
{
  cairo_t *cr = frame->cr;
  double bottom = frame->lanes_bottom + 3;

  for (guint i = 0; i < n_ticks; i++)
    {
      if (!ticks[i].major)
        continue;
      add_vline (frame, ticks[i].x, frame->lanes_top, bottom);
    }
  set_color (cr, frame->style->grid, 1);
  cairo_fill (cr);
}

/* A histogram bar as whole device pixels: a pixel short of its column,
 * so that neighbours stay apart, and from its base as far as it goes. */
static void
add_volume_bar (const Frame       *frame,
                const EntenteRect *bar,
                gboolean           up)
{
  double p = frame->pixel;
  double x0 = floor (bar->x / p) * p;
  double x1 = MAX (floor ((bar->x + bar->width) / p) * p - p, x0 + p);
  double height = round (bar->height / p) * p;

  if (height <= 0)
    return;
  if (up)
    cairo_rectangle (frame->cr, x0, floor ((bar->y + bar->height) / p) * p - height, x1 - x0, height);
  else
    cairo_rectangle (frame->cr, x0, ceil (bar->y / p) * p, x1 - x0, height);
}

/* A column's bar above the axis (up) or below it, of all its events or
 * of the matches. */
static const EntenteRect *
volume_bar (const EntenteVolume *volume,
            gboolean             matched,
            gboolean             up)
{
  if (matched)
    return up ? &volume->matched_above : &volume->matched_below;
  return up ? &volume->above : &volume->below;
}

/* Every column's bars, of all events or of the matches. */
static void
add_volume_bars (const Frame         *frame,
                 const EntenteVolume *volume,
                 guint                n,
                 gboolean             matched)
{
  for (guint i = 0; i < n; i++)
    {
      add_volume_bar (frame, volume_bar (&volume[i], matched, TRUE), TRUE);
      add_volume_bar (frame, volume_bar (&volume[i], matched, FALSE), FALSE);
    }
}

/* Where events are counted rather than shown, the lanes are mostly
 * empty: a faint histogram in them shows how many events each side has
 * over time, drawn before the lines and words that may pass over it.
 * While a search is active, the bars of its matches stand over those of
 * all events, which fade as the events that do not match do. */
static void
draw_volume (const Frame *frame)
{
  guint n;
  const EntenteVolume *volume = entente_layout_get_volume (frame->layout, &n, NULL);
  gboolean searching = frame->state->matches != NULL;
  int hovered = frame->state->hovered_volume;

  if (n == 0)
    return;
  add_volume_bars (frame, volume, n, FALSE);
  set_color (frame->cr, frame->style->cluster, searching ? VOLUME_ALPHA / 2 : VOLUME_ALPHA);
  cairo_fill (frame->cr);
  if (searching)
    {
      add_volume_bars (frame, volume, n, TRUE);
      set_color (frame->cr, frame->style->accent, MATCHED_ALPHA);
      cairo_fill (frame->cr);
    }

  /* The bar pointed at, once more over itself, in the colour of the
   * bars drawn last. */
  if (hovered >= 0 && (guint) hovered < n)
    {
      gboolean up = frame->state->hovered_side == ENTENTE_SIDE_ABOVE;

      add_volume_bar (frame, volume_bar (&volume[hovered], searching, up), up);
      set_color (frame->cr, searching ? frame->style->accent : frame->style->cluster,
                 searching ? MATCHED_ALPHA : VOLUME_ALPHA);
      cairo_fill (frame->cr);
    }
}

static void
draw_axis (const Frame       *frame,
           const EntenteTick *ticks,
           guint              n_ticks)
{
  cairo_t *cr = frame->cr;
  double y = frame->axis_y;

  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, frame->plot.x, y);
  cairo_rel_line_to (cr, frame->plot.width, 0);
  set_color (cr, frame->style->axis, 1);
  cairo_stroke (cr);

  /* Notches on the axis: long for labelled ticks, short for the rest. */
  for (guint i = 0; i < n_ticks; i++)
    {
      double half = ticks[i].major ? 4.5 : 2.5;

      add_vline (frame, ticks[i].x, y - half, y + half);
    }
  cairo_fill (cr);
}

/* Events */

static double
event_alpha (const Frame *frame,
             guint        event)
{
  if (frame->state->matches != NULL && !frame->state->matches[event])
    return frame->style->dim_alpha;
  return 1;
}

/* Stems are drawn together for each strength: one path of whole-pixel
 * boxes for the lines, and the dots at the axis as sprites on pixels (one
 * path on vector surfaces). A drawing operation costs far more than the
 * few points of a stem. */
typedef enum {
  STEM_LINES,
  STEM_DOTS,
} StemPart;

/* Where a stem meets the axis is the date itself, marked with a dot. On
 * pixels the dots' places are gathered in dots (in device pixels, as
 * sprites are placed) to be drawn once each: events of one date share a
 * dot, which a path fills once however many stems lead to it. */
static void
add_stem (const Frame *frame,
          StemPart     part,
          GArray      *dots,
          double       x,
          double       from_y)
{
  cairo_t *cr = frame->cr;
  double to_y = frame->axis_y;

  if (fabs (to_y - from_y) < 1)
    return;
  if (part == STEM_LINES)
    add_vline (frame, x, from_y, to_y);
  else if (frame->raster)
    {
      double qx = round (x / frame->pixel * SPRITE_STEPS) / SPRITE_STEPS;

      g_array_append_val (dots, qx);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, to_y, 2, 0, 2 * G_PI);
      cairo_close_path (cr);
    }
}

/* Orders doubles, or groups of them by their first. */
static int
compare_doubles (const void *a,
                 const void *b)
{
  const double *da = a, *db = b;

  return *da < *db ? -1 : *da > *db;
}

static void
paint_dots (const Frame *frame,
            GArray      *dots,
            double       alpha)
{
  const double *x = (const double *) (gpointer) dots->data;

  if (dots->len == 0)
    return;
  qsort (dots->data, dots->len, sizeof (double), compare_doubles);
  direct_begin (frame);
  for (guint i = 0; i < dots->len; i++)
    if (i == 0 || x[i] != x[i - 1])
      paint_marker_sprite (frame, SPRITE_DOT, frame->style->axis, alpha, x[i] * frame->pixel, frame->axis_y);
  direct_end (frame);
  g_array_set_size (dots, 0);
}

static void
draw_stems (const Frame            *frame,
            const EntenteEventItem *items,
            guint                   n_items,
            const EntenteCluster   *clusters,
            guint                   n_clusters)
{
  cairo_t *cr = frame->cr;
  /* Full strength, then what a search dims. */
  gboolean dimmed[2] = { FALSE, FALSE };
  g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_items && frame->state->matches != NULL; i++)
    dimmed[event_alpha (frame, items[i].event) < 1] = TRUE;
  if (frame->state->matches == NULL)
    dimmed[0] = TRUE;

  for (guint pass = 0; pass < 2; pass++)
    {
      double alpha = pass == 0 ? 1 : frame->style->dim_alpha;

      if (!dimmed[pass] && !(pass == 0 && n_clusters > 0))
        continue;
      for (StemPart part = STEM_LINES; part <= STEM_DOTS; part++)
        {
          if (pass == 0)
            for (guint i = 0; i < n_clusters; i++)
              {
                const EntenteCluster *cluster = &clusters[i];

                if (cluster->side != ENTENTE_SIDE_AXIS)
                  add_stem (frame, part, dots, cluster->rect.x + cluster->rect.height / 2,
                            cluster->y + (cluster->y < frame->axis_y ? BADGE_HALF : -BADGE_HALF));
              }
          for (guint i = 0; i < n_items; i++)
            {
              const EntenteEventItem *item = &items[i];

              if (fabs (item->y - frame->axis_y) < 1 ||
                  (event_alpha (frame, item->event) < 1) != (pass == 1))
                continue;
              add_stem (frame, part, dots, item->x,
                        item->y + (item->y < frame->axis_y ? MARKER / 2 : -MARKER / 2));
            }
          if (part == STEM_DOTS && frame->raster)
            {
              paint_dots (frame, dots, alpha);
              continue;
            }
          set_color (cr, part == STEM_LINES ? frame->style->stem : frame->style->axis, alpha);
          cairo_fill (cr);
        }
    }
}

static void
draw_item (const Frame            *frame,
           const EntenteEventItem *item,
           guint                   index)
{
  cairo_t *cr = frame->cr;
  const EntenteEvent *event = entente_dataset_get_event (frame->dataset, item->event);
  double alpha = event_alpha (frame, item->event);
  gboolean selected = frame->state->selected_event == (int) item->event;
  gboolean hovered = frame->state->hovered_event == (int) item->event;

  if (selected)
    draw_highlight (frame, &item->rect, frame->style->accent, 0.16);
  else if (hovered)
    draw_highlight (frame, &item->rect, frame->style->hover, 0.10);

  if (item->bar.width > 0)
    {
      EntenteRect bar = drawn_bar (frame, item);

      bar_path (cr, &bar);
      fill_bar_path (frame, category_color (frame, event->category), alpha);
    }

  if (selected)
    {
      cairo_arc (cr, item->x, item->y, MARKER / 2 + 3.5, 0, 2 * G_PI);
      set_color (cr, frame->style->accent, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  draw_marker (frame, event->category, item->x, item->y, MARKER, alpha);
  draw_label (frame, item->text, &item->text_rect, _entente_layout_get_label_cut (frame->layout, index),
              frame->style->text, alpha);
}

/* Items go in layers, by colour: bars, then markers, then labels (as
 * sprites, boxes and glyph runs on pixels, as one path per colour on
 * vector surfaces). Items never overlap, so this looks the same as
 * drawing them one by one, for a fraction of the operations. The
 * selected and hovered items, with their highlights, come last. */
static void
draw_items (const Frame            *frame,
            const EntenteEventItem *items,
            guint                   n_items)
{
  cairo_t *cr = frame->cr;
  /* Groups: by category (none first), then full strength or dimmed. */
  guint n_groups = 2 * (entente_dataset_get_n_categories (frame->dataset) + 1);
  g_autofree guint *starts = g_new0 (guint, n_groups + 1);
  g_autofree guint *order = g_new (guint, MAX (n_items, 1));
  g_autofree guint *group_of = g_new (guint, MAX (n_items, 1));
  /* The bars of a group that are drawn in pieces, worked out once. */
  g_autofree PillPieces *pieced = g_new (PillPieces, MAX (n_items, 1));
  guint n_ordered = 0;

  for (guint i = 0; i < n_items; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (frame->dataset, items[i].event);

      group_of[i] = G_MAXUINT;
      if (frame->state->selected_event == (int) items[i].event ||
          frame->state->hovered_event == (int) items[i].event)
        continue;
      group_of[i] = 2 * (event->category + 1) + (event_alpha (frame, items[i].event) < 1);
      starts[group_of[i] + 1]++;
    }
  for (guint g = 0; g < n_groups; g++)
    starts[g + 1] += starts[g];
  {
    g_autofree guint *next = g_memdup2 (starts, sizeof (guint) * n_groups);

    for (guint i = 0; i < n_items; i++)
      if (group_of[i] != G_MAXUINT)
        {
          order[next[group_of[i]]++] = i;
          n_ordered++;
        }
  }

  for (guint g = 0; g < n_groups; g++)
    {
      int category = (int) (g / 2) - 1;
      EntenteColor color = category_color (frame, category);
      double alpha = g % 2 ? frame->style->dim_alpha : 1;
      EntenteColor fill = bar_fill (frame, color);
      double line = color.a * alpha * frame->style->outline_alpha;
      gboolean any = FALSE;
      guint n_pieced = 0;

      /* Whole paths where bars cannot be drawn in pieces. */
      for (guint k = starts[g]; k < starts[g + 1]; k++)
        {
          EntenteRect bar = drawn_bar (frame, &items[order[k]]);

          if (bar.width <= 0)
            continue;
          if (frame->raster && bar_pieces (frame, &bar, &pieced[n_pieced]))
            n_pieced++;
          else
            {
              bar_path (cr, &bar);
              any = TRUE;
            }
        }
      if (any)
        fill_bar_path (frame, color, alpha);
      if (n_pieced == 0)
        continue;

      /* The straight stretches: inside, then the top and bottom lines.
       * Where the top falls mid-pixel, as at scale 1, the fill stops at
       * whole rows, which cairo copies instead of blending through a
       * mask, and the two rows it leaves are the outline's: they get
       * the outline over half the fill, one colour (over is
       * associative), in the outline's pass. */
      for (int part = 0; part < 3; part++)
        {
          gboolean any_part = FALSE;

          for (guint j = 0; j < n_pieced; j++)
            {
              const PillPieces *pieces = &pieced[j];
              double p = frame->pixel;
              double x = pieces->inner_left * p;
              double width = (pieces->inner_right - pieces->inner_left) * p;
              double height = 2 * pieces->radius;
              double top = pieces->y * p;
              gboolean split = fabs (pieces->y - floor (pieces->y) - 0.5) < 1e-6;

              if (part == 0)
                cairo_rectangle (cr, x, split ? top + p / 2 : top, width, split ? height - p : height);
              else if (split == (part == 2))
                {
                  cairo_rectangle (cr, x, top - 0.5, width, 1);
                  cairo_rectangle (cr, x, top + height - 0.5, width, 1);
                }
              else
                continue;
              any_part = TRUE;
            }
          if (!any_part)
            continue;
          if (part == 0)
            cairo_set_source_rgba (cr, fill.r, fill.g, fill.b, alpha);
          else if (part == 1)
            cairo_set_source_rgba (cr, color.r, color.g, color.b, line);
          else
            {
              /* The outline over half the fill, premultiplied. */
              double half = alpha / 2;
              double a = line + half * (1 - line);

              cairo_set_source_rgba (cr, (color.r * line + fill.r * half * (1 - line)) / a,
                                     (color.g * line + fill.g * half * (1 - line)) / a,
                                     (color.b * line + fill.b * half * (1 - line)) / a, a);
            }
          cairo_fill (cr);
        }
      direct_begin (frame);
      for (guint j = 0; j < n_pieced; j++)
        paint_pill_ends (frame, &pieced[j], TRUE, color, alpha);
      direct_end (frame);
    }

  for (guint g = 0; g < n_groups; g++)
    {
      int category = (int) (g / 2) - 1;
      guint shape = entente_render_marker_shape (category);
      EntenteColor color = category_color (frame, category);
      double alpha = g % 2 ? frame->style->dim_alpha : 1;

      if (starts[g] == starts[g + 1])
        continue;
      if (frame->raster)
        {
          direct_begin (frame);
          for (guint k = starts[g]; k < starts[g + 1]; k++)
            paint_marker_sprite (frame, shape, color, alpha, items[order[k]].x, items[order[k]].y);
          direct_end (frame);
          continue;
        }
      for (guint k = starts[g]; k < starts[g + 1]; k++)
        entente_render_marker_path (cr, shape, items[order[k]].x, items[order[k]].y, MARKER);
      fill_marker_path (cr, frame->style, shape, color, alpha);
    }

  /* On pixels, the labels of one strength are drawn from their glyphs
   * in one colour, set once. A label without shaped glyphs is drawn on
   * its own in the same colour. */
  for (guint dimmed = 0; dimmed < 2; dimmed++)
    {
      double alpha = dimmed ? frame->style->dim_alpha : 1;
      GlyphSink sink;

      /* Only a search dims anything. */
      if (dimmed && frame->state->matches == NULL)
        break;
      glyph_sink_init (&sink, cr);
      set_color (cr, frame->style->text, alpha);
      for (guint k = 0; k < n_ordered; k++)
        {
          const EntenteEventItem *item = &items[order[k]];
          const EntenteTextCut *cut = _entente_layout_get_label_cut (frame->layout, order[k]);

          if ((event_alpha (frame, item->event) != 1) != dimmed)
            continue;
          if (!add_label_glyphs (frame, &sink, item->text, &item->text_rect, cut))
            draw_label (frame, item->text, &item->text_rect, cut, frame->style->text, alpha);
        }
      glyph_sink_finish (&sink);
    }

  for (guint i = 0; i < n_items; i++)
    if (group_of[i] == G_MAXUINT && frame->state->selected_event != (int) items[i].event)
      draw_item (frame, &items[i], i);
  /* The selection goes last so that nothing covers its highlight. */
  for (guint i = 0; i < n_items; i++)
    if (frame->state->selected_event == (int) items[i].event)
      draw_item (frame, &items[i], i);
}

/* Pills of one colour that never overlap (badges, stretches): on
 * pixels their straight middles as boxes in one fill and their ends
 * from sprites; where a pill is too short for that, and on vector
 * surfaces, its path. */
static void
draw_pills (const Frame       *frame,
            const EntenteRect *pills,
            guint              n_pills,
            EntenteColor       color,
            double             alpha)
{
  cairo_t *cr = frame->cr;
  g_autofree PillPieces *pieces = g_new (PillPieces, MAX (n_pills, 1));
  guint n_pieces = 0;

  for (guint i = 0; i < n_pills; i++)
    {
      const EntenteRect *r = &pills[i];
      PillPieces *p = &pieces[n_pieces];

      if (frame->raster && pill_pieces (frame, r, p))
        {
          cairo_rectangle (cr, p->inner_left * frame->pixel, p->y * frame->pixel,
                           (p->inner_right - p->inner_left) * frame->pixel, r->height);
          n_pieces++;
        }
      else
        rounded_rect (cr, r->x, r->y, r->width, r->height, r->height / 2);
    }
  set_color (cr, color, alpha);
  cairo_fill (cr);
  direct_begin (frame);
  for (guint i = 0; i < n_pieces; i++)
    paint_pill_ends (frame, &pieces[i], FALSE, color, alpha);
  direct_end (frame);
}

/* The stretches of time the badges stand for, marked on the axis as
 * pills. Where their rounded ends would touch they are one pill, so
 * that nothing is blended twice. Stroked with round caps, they cost
 * more than the rest of the badges. */
static void
draw_cluster_stretches (const Frame          *frame,
                        const EntenteCluster *clusters,
                        guint                 n_clusters)
{
  g_autofree double *spans = NULL;   /* x0, x1 pairs */
  g_autofree EntenteRect *pills = NULL;
  guint n = 0;

  if (n_clusters == 0)
    return;
  spans = g_new (double, 2 * n_clusters);
  for (guint i = 0; i < n_clusters; i++)
    {
      spans[2 * i] = MAX (clusters[i].x0, frame->plot.x);
      spans[2 * i + 1] = MAX (MIN (clusters[i].x1, frame->plot.x + frame->plot.width), spans[2 * i] + 0.01);
    }
  qsort (spans, n_clusters, 2 * sizeof (double), compare_doubles);
  for (guint i = 1; i < n_clusters; i++)
    {
      if (spans[2 * i] <= spans[2 * n + 1] + 2 * STRETCH_HALF)
        spans[2 * n + 1] = MAX (spans[2 * n + 1], spans[2 * i + 1]);
      else
        {
          n++;
          spans[2 * n] = spans[2 * i];
          spans[2 * n + 1] = spans[2 * i + 1];
        }
    }
  n++;

  pills = g_new (EntenteRect, n);
  for (guint i = 0; i < n; i++)
    pills[i] = (EntenteRect) { spans[2 * i] - STRETCH_HALF, frame->axis_y - STRETCH_HALF,
                               spans[2 * i + 1] - spans[2 * i] + 2 * STRETCH_HALF, 2 * STRETCH_HALF };
  draw_pills (frame, pills, n, frame->style->cluster, 0.35);
}

/* Where a badge's count goes: centred in it. */
static void
cluster_count_rect (const EntenteCluster *cluster,
                    EntenteRect          *text_rect)
{
  const EntenteRect *r = &cluster->rect;
  const EntenteShapedText *shaped = _entente_shaped_text_get (cluster->text);
  double width, height;

  if (shaped != NULL)
    {
      width = shaped->width;
      height = shaped->height;
    }
  else
    {
      PangoRectangle logical;

      pango_layout_get_extents (cluster->text, NULL, &logical);
      width = (double) logical.width / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
    }
  *text_rect = (EntenteRect) { r->x + (r->width - width) / 2, r->y + (r->height - height) / 2, width, height };
}

/* Whether a badge is drawn faded: a search is active and none of its
 * events match. */
static gboolean
cluster_faded (const Frame          *frame,
               const EntenteCluster *cluster)
{
  return frame->state->matches != NULL && cluster->matched == 0;
}

/* Badges: the highlighted ones' rings, then every badge as a pill,
 * then the counts. Badges never overlap. */
static void
draw_clusters (const Frame          *frame,
               const EntenteCluster *clusters,
               guint                 n_clusters)
{
  cairo_t *cr = frame->cr;
  g_autofree EntenteRect *badges = NULL;
  GlyphSink sink;

  if (n_clusters == 0)
    return;
  badges = g_new (EntenteRect, n_clusters);
  for (guint i = 0; i < n_clusters; i++)
    if (frame->state->hovered_cluster == (int) i || frame->selected_cluster == (int) i)
      {
        const EntenteRect *r = &clusters[i].rect;
        gboolean selected = frame->selected_cluster == (int) i;

        rounded_rect (cr, r->x - 3, r->y - 3, r->width + 6, r->height + 6, (r->height + 6) / 2);
        set_color (cr, selected ? frame->style->accent : frame->style->hover, 1);
        cairo_set_line_width (cr, 2);
        cairo_stroke (cr);
      }
  /* While a search is active, badges without a match fade as the events
   * that do not match do: first those, then the others. */
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean faded = pass == 0;
      double alpha = faded ? frame->style->dim_alpha : 1;
      guint n = 0;

      if (faded && frame->state->matches == NULL)
        continue;
      for (guint i = 0; i < n_clusters; i++)
        if (cluster_faded (frame, &clusters[i]) == faded)
          badges[n++] = clusters[i].rect;
      if (n == 0)
        continue;
      draw_pills (frame, badges, n, frame->style->cluster, alpha);

      /* The counts: on pixels from their glyphs, like the labels. */
      glyph_sink_init (&sink, cr);
      set_color (cr, frame->style->cluster_text, alpha);
      for (guint i = 0; i < n_clusters; i++)
        {
          EntenteRect rect;

          if (cluster_faded (frame, &clusters[i]) != faded)
            continue;
          cluster_count_rect (&clusters[i], &rect);
          if (!add_label_glyphs (frame, &sink, clusters[i].text, &rect, NULL))
            draw_text (frame, clusters[i].text, &rect, frame->style->cluster_text, alpha);
        }
      glyph_sink_finish (&sink);
    }
}


/* Chrome */

/* Rounds the plot's corners by painting the canvas over what lies
 * outside the curves. */
static void
cut_corners (const Frame *frame,
             double       radius)
{
  cairo_t *cr = frame->cr;
  const EntenteRect *p = &frame->plot;
  double left = p->x, top = p->y, right = p->x + p->width, bottom = p->y + p->height;

  radius = MIN (radius, MIN (p->width, p->height) / 2);
  if (radius <= 0)
    return;
  cairo_move_to (cr, left, top);
  cairo_arc_negative (cr, left + radius, top + radius, radius, 3 * G_PI / 2, G_PI);
  cairo_close_path (cr);
  cairo_move_to (cr, right, top);
  cairo_arc (cr, right - radius, top + radius, radius, 3 * G_PI / 2, 2 * G_PI);
  cairo_close_path (cr);
  cairo_move_to (cr, right, bottom);
  cairo_arc_negative (cr, right - radius, bottom - radius, radius, G_PI / 2, 0);
  cairo_close_path (cr);
  cairo_move_to (cr, left, bottom);
  cairo_arc (cr, left + radius, bottom - radius, radius, G_PI / 2, G_PI);
  cairo_close_path (cr);
  set_color (cr, frame->style->background, 1);
  cairo_fill (cr);
}

static void
draw_legend (const Frame *frame)
{
  cairo_t *cr = frame->cr;
  guint n_items;
  const EntenteLegendItem *items = entente_layout_get_legend (frame->layout, &n_items);

  for (guint i = 0; i < _entente_layout_get_n_legend_heads (frame->layout); i++)
    {
      EntenteRect rect;
      PangoLayout *text = _entente_layout_get_legend_head (frame->layout, i, &rect);

      draw_text (frame, text, &rect, frame->style->text_dim, 1);
    }

  for (guint i = 0; i < n_items; i++)
    {
      const EntenteLegendItem *item = &items[i];
      const EntenteRect *s = &item->swatch;
      double alpha = item->hidden ? 0.4 : 1;

      if (item->type == ENTENTE_LEGEND_PERIOD_KIND)
        {
          guint32 rgb = kind_rgb (frame, item->index);
          EntenteColor fill = entente_style_band_color (frame->style, rgb);
          EntenteColor edge = entente_color_from_rgb (rgb);

          rounded_rect (cr, s->x + 0.5, s->y + 0.5, s->width - 1, s->height - 1, 3);
          set_color (cr, fill, alpha);
          cairo_fill_preserve (cr);
          set_color (cr, edge, alpha);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      else
        draw_marker (frame, item->index, s->x + s->width / 2, s->y + s->height / 2, MARKER, alpha);

      draw_text (frame, item->text, &item->text_rect, frame->style->text, alpha);
      if (item->hidden)
        {
          /* Struck through: switched off, and still there to switch on. */
          cairo_move_to (cr, item->text_rect.x, item->text_rect.y + item->text_rect.height / 2);
          cairo_rel_line_to (cr, item->text_rect.width, 0);
          set_color (cr, frame->style->text, alpha);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
    }
}

static void
draw_chrome (const Frame *frame)
{
  EntenteRect rect;
  PangoLayout *text;

  text = entente_layout_get_title (frame->layout, &rect);
  draw_text (frame, text, &rect, frame->style->text, 1);
  text = entente_layout_get_range_text (frame->layout, &rect);
  draw_text (frame, text, &rect, frame->style->text_dim, 1);
  text = entente_layout_get_subtitle (frame->layout, &rect);
  draw_text (frame, text, &rect, frame->style->text_dim, 1);
  text = entente_layout_get_footer (frame->layout, &rect);
  draw_text (frame, text, &rect, frame->style->text_dim, 1);
  draw_legend (frame);
}

static void
draw (EntenteLayout            *layout,
      const EntenteStyle       *style,
      const EntenteRenderState *state,
      cairo_t                  *cr,
      gboolean                  raster)
{
  EntenteRenderState no_state;
  const EntenteViewport *viewport;
  Frame frame = { 0, };
  const EntenteTick *ticks;
  const EntenteBand *bands;
  const EntenteEventItem *items;
  const EntenteCluster *clusters;
  guint n_ticks, n_bands, n_items, n_clusters;
  double radius;
  gboolean chrome;
  EntenteRect rect;
  PangoLayout *text;
  g_autoptr(GArray) labels = NULL;
  g_autofree EntenteColor *marker_colors = NULL;
  g_autofree EntenteColor *band_label_colors = NULL;
  g_autoptr(GArray) columns = NULL;
  DirectPixels direct = { 0, };

  g_return_if_fail (ENTENTE_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  if (state == NULL)
    {
      entente_render_state_init (&no_state);
      state = &no_state;
    }

  viewport = entente_layout_get_viewport (layout);
  frame.layout = layout;
  frame.dataset = entente_layout_get_dataset (layout);
  frame.style = style != NULL ? style : entente_layout_get_style (layout);
  frame.state = state;
  frame.cr = cr;
  frame.pixel = 1 / viewport->scale;
  frame.raster = raster;
  {
    double surface_x, surface_y;

    cairo_surface_get_device_scale (cairo_get_group_target (cr), &surface_x, &surface_y);
    frame.surface_scale = surface_x > 0 ? surface_x : 1;
  }
  {
    cairo_matrix_t matrix;

    cairo_get_matrix (cr, &matrix);
    frame.unscaled = frame.pixel == 1 && matrix.xx == 1 && matrix.yy == 1 &&
                     matrix.xy == 0 && matrix.yx == 0 &&
                     matrix.x0 == floor (matrix.x0) && matrix.y0 == floor (matrix.y0);
  }
  frame.axis_y = entente_layout_get_axis_y (layout);
  entente_layout_get_plot_rect (layout, &frame.plot);
  _entente_layout_get_lanes (layout, &frame.lanes_top, &frame.lanes_bottom);
  chrome = _entente_layout_has_chrome (layout);
  radius = chrome ? 8 : 0;

  /* On the heap: a dataset may define any number of kinds. */
  marker_colors = frame.marker_colors = g_new (EntenteColor, MAX (entente_dataset_get_n_categories (frame.dataset), 1));
  for (guint i = 0; i < entente_dataset_get_n_categories (frame.dataset); i++)
    frame.marker_colors[i] = marker_color (frame.dataset, frame.style, (int) i);
  band_label_colors = frame.band_label_colors = g_new (EntenteColor, MAX (entente_dataset_get_n_period_kinds (frame.dataset), 1));
  for (guint i = 0; i < entente_dataset_get_n_period_kinds (frame.dataset); i++)
    frame.band_label_colors[i] = entente_style_band_label_color (frame.style, kind_rgb (&frame, i));
  if (_entente_layout_get_ellipsis (layout) != NULL)
    frame.ellipsis = _entente_shaped_text_get (_entente_layout_get_ellipsis (layout));
  frame.selected_cluster = -1;
  if (state->selected_event >= 0)
    {
      guint index;

      if (entente_layout_find_event (layout, state->selected_event, &index) == ENTENTE_PLACED_CLUSTER)
        frame.selected_cluster = index;
    }

  ticks = entente_layout_get_ticks (layout, &n_ticks);
  bands = entente_layout_get_bands (layout, &n_bands);
  items = entente_layout_get_items (layout, &n_items);
  clusters = entente_layout_get_clusters (layout, &n_clusters);
  if (frame.raster)
    columns = frame.columns = plan_columns (&frame);

  cairo_save (cr);

  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  set_color (cr, frame.style->background, 1);
  cairo_fill (cr);

  /* A rectangle, not the rounded one: a clip along curves would make
   * every drawing operation in the plot composite through a mask. The
   * corners are cut afterwards. */
  cairo_save (cr);
  if (frame.raster && direct_pixels_init (&direct, cr, frame.pixel, &frame.plot))
    frame.direct = &direct;
  cairo_rectangle (cr, frame.plot.x, frame.plot.y, frame.plot.width, frame.plot.height);
  cairo_clip (cr);
  paint_plot_background (&frame);

  /* Lines first, then what they lead to, then words on top. */
  for (guint i = 0; i < n_bands; i++)
    {
      draw_band_edges (&frame, &bands[i]);
      if ((int) bands[i].period == frame.state->selected_period)
        draw_selected_band_edges (&frame, &bands[i]);
    }
  draw_grid (&frame, ticks, n_ticks);
  draw_volume (&frame);
  draw_axis (&frame, ticks, n_ticks);

  draw_cluster_stretches (&frame, clusters, n_clusters);
  draw_stems (&frame, items, n_items, clusters, n_clusters);
  labels = entente_layout_collect_text_rects (layout);
  clear_under_labels (&frame, labels, paint_plot_background);
  draw_items (&frame, items, n_items);
  draw_clusters (&frame, clusters, n_clusters);

  for (guint i = 0; i < n_bands; i++)
    draw_band_label (&frame, &bands[i]);
  for (guint i = 0; i < n_ticks; i++)
    draw_text (&frame, ticks[i].text, &ticks[i].text_rect, frame.style->text_dim, 1);
  for (EntenteSide side = ENTENTE_SIDE_ABOVE; side <= ENTENTE_SIDE_BELOW; side++)
    {
      text = entente_layout_get_party_label (layout, side, &rect);
      draw_text (&frame, text, &rect, frame.style->text_dim, 1);
    }
  cairo_restore (cr);
  frame.direct = NULL;
  cut_corners (&frame, radius);

  if (chrome)
    {
      rounded_rect (cr, frame.plot.x + 0.5, frame.plot.y + 0.5,
                    frame.plot.width - 1, frame.plot.height - 1, radius);
      set_color (cr, frame.style->plot_border, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      draw_chrome (&frame);
    }

  cairo_restore (cr);
}

void
entente_render_draw (EntenteLayout            *layout,
                     const EntenteStyle       *style,
                     const EntenteRenderState *state,
                     cairo_t                  *cr)
{
  g_return_if_fail (cr != NULL);
  draw (layout, style, state, cr, is_raster (cr));
}

void
_entente_render_draw_paths (EntenteLayout            *layout,
                            const EntenteStyle       *style,
                            const EntenteRenderState *state,
                            cairo_t                  *cr)
{
  draw (layout, style, state, cr, FALSE);
}

/* Overview */

void
entente_render_overview_box (double  from_day,
                             double  to_day,
                             double  window_from,
                             double  window_to,
                             double  width,
                             double *x0,
                             double *x1)
{
  double scale = width / (to_day - from_day);

  *x0 = CLAMP ((window_from - from_day) * scale, 0, width);
  *x1 = CLAMP ((window_to - from_day) * scale, 0, width);
}

void
entente_render_overview (EntenteDataset     *dataset,
                         const EntenteStyle *style,
                         double              from_day,
                         double              to_day,
                         double              window_from,
                         double              window_to,
                         double              width,
                         double              height,
                         cairo_t            *cr)
{
  double scale;
  guint n_events;
  guint columns;
  double wx0, wx1;

  g_return_if_fail (ENTENTE_IS_DATASET (dataset));
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (to_day > from_day && width > 0 && height > 0);

  scale = width / (to_day - from_day);
  n_events = entente_dataset_get_n_events (dataset);

  cairo_save (cr);
  rounded_rect (cr, 0, 0, width, height, 4);
  cairo_clip (cr);
  set_color (cr, style->plot_background, 1);
  cairo_paint (cr);

  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);
      const EntenteKind *kind = entente_dataset_get_period_kind (dataset, period->kind);
      EntenteColor color = entente_color_from_rgb (
        entente_style_kind_rgb (style, kind->has_color, kind->color, period->kind));
      double x0 = (entente_date_start_day (&period->start) - from_day) * scale;
      double x1 = (entente_date_end_day (&period->end) - from_day) * scale;

      x0 = MAX (x0, 0);
      x1 = MIN (x1, width);
      if (x1 <= x0)
        continue;
      cairo_rectangle (cr, x0, 0, x1 - x0, height);
      set_color (cr, color, style->band_alpha * 1.6);
      cairo_fill (cr);
    }

  /* Density, one two-pixel column at a time: two binary searches each,
   * whatever the size of the dataset. */
  columns = (guint) ceil (width / 2);
  if (n_events > 0)
    {
      guint prev = entente_dataset_lower_bound (dataset, (gint64) ceil (from_day));

      for (guint c = 0; c < columns; c++)
        {
          double day = from_day + (c + 1) * 2 / scale;
          guint next = entente_dataset_lower_bound (dataset, (gint64) ceil (day));
          guint count = next - prev;

          if (count > 0)
            {
              double h = MIN (height - 4, 4 + log2 (count + 1) * 3);

              cairo_rectangle (cr, c * 2, height - h, 1.5, h);
            }
          prev = next;
        }
      set_color (cr, style->text_dim, 0.8);
      cairo_fill (cr);
    }

  entente_render_overview_box (from_day, to_day, window_from, window_to, width, &wx0, &wx1);
  rounded_rect (cr, wx0 + 1, 1, MAX (wx1 - wx0 - 2, 2), height - 2, 3);
  set_color (cr, style->accent, 0.15);
  cairo_fill_preserve (cr);
  set_color (cr, style->accent, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  cairo_restore (cr);
}
