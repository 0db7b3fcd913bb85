/* entente-render.c: draws a layout on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "entente-layout-private.h"
#include "entente-render.h"

#define MARKER      10.0
#define N_SHAPES     8
#define SHAPE_RING   N_SHAPES  /* events without a category */
#define BADGE_HALF   8.0       /* half a cluster badge's height */

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
  /* Worked out once a frame: contrast adjustment is not free. */
  EntenteColor             *marker_colors;     /* by category */
  EntenteColor             *band_label_colors; /* by period kind */
  int                       selected_cluster;  /* holding the selection, or -1 */
} Frame;

void
entente_render_state_init (EntenteRenderState *state)
{
  g_return_if_fail (state != NULL);

  state->selected_event = -1;
  state->hovered_event = -1;
  state->hovered_cluster = -1;
  state->matches = NULL;
}

static void
set_color (cairo_t      *cr,
           EntenteColor  color,
           double        alpha)
{
  cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a * alpha);
}

/* A hairline centred on a device pixel, so it stays sharp. */
static double
crisp (const Frame *frame,
       double       v)
{
  return (floor (v / frame->pixel) + 0.5) * frame->pixel;
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

static void
draw_text (const Frame       *frame,
           PangoLayout       *text,
           const EntenteRect *rect,
           EntenteColor       color,
           double             alpha)
{
  if (text == NULL)
    return;
  cairo_move_to (frame->cr, rect->x, rect->y);
  set_color (frame->cr, color, alpha);
  pango_cairo_show_layout (frame->cr, text);
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

/* Lines pass behind labels: everything drawn until the next restore
 * leaves out each label's box, so no stem or grid line strikes through
 * words. One clip is far cheaper than outlining every glyph. Its boxes
 * are whole pixels, which makes it a region: quick to apply, and clear
 * of a cairo 1.16 assertion on unaligned even-odd boxes. */
static void
clip_out_labels (const Frame *frame,
                 GArray      *labels)
{
  cairo_t *cr = frame->cr;
  const EntenteRect *p = &frame->plot;

  cairo_save (cr);
  aligned_rectangle (cr, p->x, p->y, p->x + p->width, p->y + p->height);
  for (guint i = 0; i < labels->len; i++)
    {
      const EntenteRect *r = &g_array_index (labels, EntenteRect, i);

      aligned_rectangle (cr, r->x - 2, r->y, r->x + r->width + 2, r->y + r->height);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
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

static guint32
category_rgb (const Frame *frame,
              int          category)
{
  const EntenteKind *kind;

  if (category < 0)
    return 0x808080;
  kind = entente_dataset_get_category (frame->dataset, category);
  return entente_style_kind_rgb (frame->style, kind->has_color, kind->color, category);
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
  if (shape == SHAPE_RING)
    {
      set_color (cr, frame->style->plot_background, alpha);
      cairo_fill_preserve (cr);
      set_color (cr, color, alpha);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      return;
    }
  set_color (cr, color, alpha);
  cairo_fill_preserve (cr);
  /* A thin rim in the plot's colour keeps neighbours apart. */
  set_color (cr, frame->style->plot_background, alpha * 0.9);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
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

static void
draw_band (const Frame       *frame,
           const EntenteBand *band)
{
  cairo_t *cr = frame->cr;
  const EntentePeriod *period = entente_dataset_get_period (frame->dataset, band->period);
  guint32 rgb = kind_rgb (frame, period->kind);
  EntenteColor color = entente_color_from_rgb (rgb);
  double left = MAX (band->x0, frame->plot.x);
  double right = MIN (band->x1, frame->plot.x + frame->plot.width);
  double top = frame->plot.y;
  double height = frame->plot.height;

  if (right <= left)
    return;

  color.a = frame->style->band_alpha;
  cairo_rectangle (cr, left, top, right - left, height);
  if (band->x0_full > left || band->x1_full < right)
    {
      /* Only the visible stretch gets a gradient, with the strength at
       * its ends worked out here: far-off stops would overflow cairo's
       * fixed-point coordinates at a deep zoom. */
      cairo_pattern_t *pattern = cairo_pattern_create_linear (left, 0, right, 0);

      add_stop (pattern, band, color, left, right, left);
      if (band->x0_full > left && band->x0_full < right)
        add_stop (pattern, band, color, left, right, MIN (band->x0_full, band->x1_full));
      if (band->x1_full > left && band->x1_full < right)
        add_stop (pattern, band, color, left, right, MAX (band->x1_full, band->x0_full));
      add_stop (pattern, band, color, left, right, right);
      cairo_set_source (cr, pattern);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }
  else
    {
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
  double left = MAX (band->x0, frame->plot.x);
  double right = MIN (band->x1, frame->plot.x + frame->plot.width);
  double top = frame->plot.y;
  double height = frame->plot.height;

  if (right <= left)
    return;
  color.a = frame->style->dark ? 0.55 : 0.75;
  cairo_set_line_width (cr, frame->pixel);
  if (band->x0 == band->x0_full && band->x0 > frame->plot.x && band->x0 < right)
    {
      cairo_move_to (cr, crisp (frame, band->x0), top);
      cairo_rel_line_to (cr, 0, height);
    }
  if (band->x1 == band->x1_full && band->x1 < frame->plot.x + frame->plot.width && band->x1 > left)
    {
      cairo_move_to (cr, crisp (frame, band->x1 - frame->pixel), top);
      cairo_rel_line_to (cr, 0, height);
    }
  set_color (cr, color, 1);
  cairo_stroke (cr);
}

static void
draw_band_label (const Frame       *frame,
                 const EntenteBand *band)
{
  const EntentePeriod *period = entente_dataset_get_period (frame->dataset, band->period);
  EntenteColor color = frame->band_label_colors[period->kind];

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

static void
draw_grid (const Frame       *frame,
           const EntenteTick *ticks,
           guint              n_ticks)
{
  cairo_t *cr = frame->cr;
  double bottom = frame->lanes_bottom + 3;

  cairo_set_line_width (cr, frame->pixel);
  for (guint i = 0; i < n_ticks; i++)
    {
      if (!ticks[i].major)
        continue;
      cairo_move_to (cr, crisp (frame, ticks[i].x), frame->lanes_top);
      cairo_line_to (cr, crisp (frame, ticks[i].x), bottom);
    }
  set_color (cr, frame->style->grid, 1);
  cairo_stroke (cr);
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
  cairo_set_line_width (cr, frame->pixel);
  for (guint i = 0; i < n_ticks; i++)
    {
      double half = ticks[i].major ? 4.5 : 2.5;

      cairo_move_to (cr, crisp (frame, ticks[i].x), y - half);
      cairo_rel_line_to (cr, 0, 2 * half);
    }
  cairo_stroke (cr);
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

static void
draw_stem (const Frame *frame,
           double       x,
           double       from_y,
           double       alpha)
{
  cairo_t *cr = frame->cr;
  double to_y = frame->axis_y;
  double sx = crisp (frame, x);

  if (fabs (to_y - from_y) < 1)
    return;
  cairo_set_line_width (cr, frame->pixel);
  cairo_move_to (cr, sx, from_y);
  cairo_line_to (cr, sx, to_y);
  set_color (cr, frame->style->stem, alpha);
  cairo_stroke (cr);
  /* Where the stem meets the axis: the date itself. */
  cairo_arc (cr, x, to_y, 2, 0, 2 * G_PI);
  set_color (cr, frame->style->axis, alpha);
  cairo_fill (cr);
}

static void
draw_item_stem (const Frame            *frame,
                const EntenteEventItem *item)
{
  double from_y;

  if (fabs (item->y - frame->axis_y) < 1)
    return;
  from_y = item->y + (item->y < frame->axis_y ? MARKER / 2 : -MARKER / 2);
  draw_stem (frame, item->x, from_y, event_alpha (frame, item->event));
}

static void
draw_highlight (const Frame            *frame,
                const EntenteEventItem *item,
                EntenteColor            color,
                double                  fill_alpha)
{
  cairo_t *cr = frame->cr;
  const EntenteRect *r = &item->rect;

  rounded_rect (cr, r->x - 3, r->y - 1, r->width + 6, r->height + 2, 6);
  set_color (cr, color, fill_alpha);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  set_color (cr, color, 1);
  cairo_stroke (cr);
}

static void
draw_item (const Frame            *frame,
           const EntenteEventItem *item)
{
  cairo_t *cr = frame->cr;
  const EntenteEvent *event = entente_dataset_get_event (frame->dataset, item->event);
  double alpha = event_alpha (frame, item->event);
  gboolean selected = frame->state->selected_event == (int) item->event;
  gboolean hovered = frame->state->hovered_event == (int) item->event;

  if (selected)
    draw_highlight (frame, item, frame->style->accent, 0.16);
  else if (hovered)
    draw_highlight (frame, item, frame->style->hover, 0.10);

  if (item->bar.width > 0)
    {
      EntenteColor color = category_color (frame, event->category);

      rounded_rect (cr, item->bar.x, item->bar.y, item->bar.width, item->bar.height,
                    item->bar.height / 2);
      set_color (cr, color, alpha * frame->style->span_alpha);
      cairo_fill_preserve (cr);
      set_color (cr, color, alpha * 0.7);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  if (selected)
    {
      cairo_arc (cr, item->x, item->y, MARKER / 2 + 3.5, 0, 2 * G_PI);
      set_color (cr, frame->style->accent, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  draw_marker (frame, event->category, item->x, item->y, MARKER, alpha);
  draw_text (frame, item->text, &item->text_rect, frame->style->text, alpha);
}

static void
draw_cluster_stretch (const Frame          *frame,
                      const EntenteCluster *cluster)
{
  cairo_t *cr = frame->cr;
  double x0 = MAX (cluster->x0, frame->plot.x);
  double x1 = MIN (cluster->x1, frame->plot.x + frame->plot.width);

  /* The stretch of time the badge stands for, marked on the axis. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 5);
  cairo_move_to (cr, x0, frame->axis_y);
  cairo_line_to (cr, MAX (x1, x0 + 0.01), frame->axis_y);
  set_color (cr, frame->style->cluster, 0.35);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (cluster->side != ENTENTE_SIDE_AXIS)
    {
      double y = cluster->y + (cluster->y < frame->axis_y ? BADGE_HALF : -BADGE_HALF);

      draw_stem (frame, cluster->rect.x + cluster->rect.height / 2, y, 1);
    }
}

static void
draw_cluster (const Frame          *frame,
              const EntenteCluster *cluster,
              guint                 index)
{
  cairo_t *cr = frame->cr;
  const EntenteRect *r = &cluster->rect;
  double width, height;
  PangoRectangle logical;

  if (frame->state->hovered_cluster == (int) index || frame->selected_cluster == (int) index)
    {
      gboolean selected = frame->selected_cluster == (int) index;

      rounded_rect (cr, r->x - 3, r->y - 3, r->width + 6, r->height + 6, (r->height + 6) / 2);
      set_color (cr, selected ? frame->style->accent : frame->style->hover, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  rounded_rect (cr, r->x, r->y, r->width, r->height, r->height / 2);
  set_color (cr, frame->style->cluster, 1);
  cairo_fill (cr);

  pango_layout_get_extents (cluster->text, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;
  cairo_move_to (cr, r->x + (r->width - width) / 2, r->y + (r->height - height) / 2);
  set_color (cr, frame->style->cluster_text, 1);
  pango_cairo_show_layout (cr, cluster->text);
}

/* Chrome */

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

void
entente_render_draw (EntenteLayout            *layout,
                     const EntenteStyle       *style,
                     const EntenteRenderState *state,
                     cairo_t                  *cr)
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
  int selected_item = -1;
  EntenteRect rect;
  PangoLayout *text;
  g_autoptr(GArray) labels = NULL;
  g_autofree EntenteColor *marker_colors = NULL;
  g_autofree EntenteColor *band_label_colors = NULL;

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
  frame.axis_y = entente_layout_get_axis_y (layout);
  entente_layout_get_plot_rect (layout, &frame.plot);
  _entente_layout_get_lanes (layout, &frame.lanes_top, &frame.lanes_bottom);
  chrome = _entente_layout_has_chrome (layout);
  radius = chrome ? 8 : 0;

  /* On the heap: a dataset may define any number of kinds. */
  marker_colors = frame.marker_colors = g_new (EntenteColor, MAX (entente_dataset_get_n_categories (frame.dataset), 1));
  for (guint i = 0; i < entente_dataset_get_n_categories (frame.dataset); i++)
    frame.marker_colors[i] = entente_style_marker_color (frame.style, category_rgb (&frame, i));
  band_label_colors = frame.band_label_colors = g_new (EntenteColor, MAX (entente_dataset_get_n_period_kinds (frame.dataset), 1));
  for (guint i = 0; i < entente_dataset_get_n_period_kinds (frame.dataset); i++)
    frame.band_label_colors[i] = entente_style_band_label_color (frame.style, kind_rgb (&frame, i));
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

  cairo_save (cr);

  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  set_color (cr, frame.style->background, 1);
  cairo_fill (cr);

  cairo_save (cr);
  rounded_rect (cr, frame.plot.x, frame.plot.y, frame.plot.width, frame.plot.height, radius);
  cairo_clip (cr);
  set_color (cr, frame.style->plot_background, 1);
  cairo_paint (cr);

  for (guint i = 0; i < n_bands; i++)
    draw_band (&frame, &bands[i]);
  draw_joint_zone (&frame);

  /* Lines first, then what they lead to, then words on top. */
  labels = entente_layout_collect_text_rects (layout);
  clip_out_labels (&frame, labels);
  for (guint i = 0; i < n_bands; i++)
    draw_band_edges (&frame, &bands[i]);
  draw_grid (&frame, ticks, n_ticks);
  draw_axis (&frame, ticks, n_ticks);

  for (guint i = 0; i < n_clusters; i++)
    draw_cluster_stretch (&frame, &clusters[i]);
  for (guint i = 0; i < n_items; i++)
    draw_item_stem (&frame, &items[i]);
  cairo_restore (cr);
  for (guint i = 0; i < n_items; i++)
    {
      /* The selection goes last so that nothing covers its highlight. */
      if (state->selected_event == (int) items[i].event)
        selected_item = i;
      else
        draw_item (&frame, &items[i]);
    }
  if (selected_item >= 0)
    draw_item (&frame, &items[selected_item]);
  for (guint i = 0; i < n_clusters; i++)
    draw_cluster (&frame, &clusters[i], i);

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

/* Overview */

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

  wx0 = CLAMP ((window_from - from_day) * scale, 0, width);
  wx1 = CLAMP ((window_to - from_day) * scale, 0, width);
  rounded_rect (cr, wx0 + 1, 1, MAX (wx1 - wx0 - 2, 2), height - 2, 3);
  set_color (cr, style->accent, 0.15);
  cairo_fill_preserve (cr);
  set_color (cr, style->accent, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  cairo_restore (cr);
}
