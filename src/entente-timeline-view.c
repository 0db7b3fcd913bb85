/* entente-timeline-view.c: the chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "entente-date.h"
#include "entente-render.h"
#include "entente-style.h"
#include "entente-text.h"
#include "entente-timeline-view.h"

/* The closest zoom shows this many days across the view. */
#define MIN_SPAN_DAYS   4.0
#define ANIMATION_USEC  (250 * G_TIME_SPAN_MILLISECOND)
#define ZOOM_STEP       1.25
/* How far Page Up and Page Down move the view, in views: most of one,
 * so that what was at one edge is still in sight at the other. */
#define PAGE_SHARE      0.75
/* Movement that turns a click into a drag. */
#define DRAG_THRESHOLD  4.0
/* A fling or a touchpad swipe pans on, slowing down: its speed falls by
 * this much a second (to 2 % in one), and below the least speed, in
 * pixels a second, it stops. */
#define KINETIC_FRICTION 4.0
#define KINETIC_MIN_SPEED 20.0
/* What a unit of sideways scrolling moves the view by, in pixels. */
#define SCROLL_PIXELS   20.0
/* entente_timeline_view_show_days (): the days shown round those asked
 * for. */
#define SHOW_DAYS_ROOM  1.25
/* Zoom to Event and Zoom to Period show at least a year: an event is seen
 * among its neighbours. */
#define ZOOM_TO_MIN_DAYS 366.0
/* The widest a tooltip's line grows, in characters, before it wraps. */
#define TOOLTIP_WIDTH_CHARS 50

struct _EntenteTimelineView
{
  GtkWidget parent_instance;

  /* Owned references */
  EntenteDataset *dataset;
  EntenteLayout  *layout;       /* NULL when it must be rebuilt */
  /* The layout made before layout, or before the one to come: a layout
   * of the same scale keeps its events in the same lanes, so that labels
   * stay put as the view pans, as an event is selected or as a category
   * is hidden. Kept for exports, which follow it too. */
  EntenteLayout  *follows;
  /* What every layout of the dataset measured: a pan or a zoom measures
   * only the text that comes into view. */
  EntenteTextCache *text_cache;
  EntenteStyle   *style;
  double          text_scale;   /* the style's, from the system */
  GBytes         *matched;      /* a search's flags, one per event, or NULL */
  const gboolean *matches;      /* matched's data, or NULL */
  gboolean       *hidden_categories;
  gboolean       *hidden_kinds;

  /* The viewport */
  double          from_day;
  double          to_day;
  double          min_from;     /* the whole range: the widest zoom */
  double          max_to;

  /* Animation between two ranges, or kinetic panning: one at a time */
  guint           tick_id;
  gint64          anim_start_time;
  double          anim_from[2];
  double          anim_to[2];
  double          kinetic_speed;  /* days a second, later positive; 0
                                   * unless panning on */
  gint64          kinetic_time;   /* of the last step */

  /* Pointer and selection */
  int             selected_event;
  int             selected_period;
  int             hovered_event;
  int             hovered_cluster;
  int             hovered_volume;
  EntenteSide     hovered_side;
  double          pointer_x;
  double          drag_from_day;
  double          drag_to_day;
  gboolean        dragged;
  double          zoom_begin_from;
  double          zoom_begin_to;
  GtkWidget      *menu;         /* the context menu, once opened */
  GtkWidget      *tooltip_label;
};

G_DEFINE_FINAL_TYPE (EntenteTimelineView, entente_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SELECTED_EVENT,
  PROP_SELECTED_PERIOD,
  PROP_FROM_DAY,
  PROP_TO_DAY,
  N_PROPS
};

enum {
  FILTERS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_selection_actions (EntenteTimelineView *self);

/* Nothing hovered any more: the pointer left, or the event, badge or
 * bar it was over belongs to a layout about to go. */
static void
forget_hover (EntenteTimelineView *self)
{
  self->hovered_event = -1;
  self->hovered_cluster = -1;
  self->hovered_volume = -1;
}

static void
invalidate (EntenteTimelineView *self)
{
  if (self->layout != NULL)
    {
      g_clear_object (&self->follows);
      self->follows = g_steal_pointer (&self->layout);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* What lies under a pointer that has not moved may have changed: a
   * tooltip shown before a load, a zoom or a pan would name an event no
   * longer there. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* Whether layout draws event as itself, with its label, away from the
 * edges: what a reader needs to see which marker is selected. An edge
 * where the timeline itself ends does not count: no view brings an event
 * further from it, and zooming in for it only loses the rest. */
static gboolean
shows_with_label (EntenteTimelineView *self,
                  EntenteLayout       *layout,
                  guint                event)
{
  const EntenteEventItem *item = entente_layout_find_labelled (layout, event);
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  EntenteRect plot;
  double x, margin;

  if (item == NULL)
    return FALSE;
  entente_layout_get_plot_rect (layout, &plot);
  if (item->bar.width > 0)
    {
      /* A span's marker sits at the edge of the view when it began
       * before it; the bar is what shows. Half of it in view, or half
       * the view filled by it, is enough: no zoom shows more of a span
       * longer than the view. */
      double x0 = MAX (item->bar.x, plot.x);
      double x1 = MIN (item->bar.x + item->bar.width, plot.x + plot.width);

      return x1 - x0 >= MIN (item->bar.width, plot.width) / 2;
    }
  x = item->marker.x + item->marker.width / 2;
  margin = plot.width * 0.05;
  return (x >= plot.x + margin || viewport->from_day <= self->min_from) &&
         (x <= plot.x + plot.width - margin || viewport->to_day >= self->max_to);
}

static EntenteLayout *
build_layout (EntenteTimelineView *self,
              double               from_day,
              double               to_day)
{
  EntenteLayoutOptions options = { 0 };
  EntenteViewport viewport;

  viewport.from_day = from_day;
  viewport.to_day = to_day;
  viewport.width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  viewport.height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  viewport.scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  options.hidden_categories = self->hidden_categories;
  options.hidden_kinds = self->hidden_kinds;
  options.text_cache = self->text_cache;
  options.matches = self->matches;
  if (from_day == self->from_day && to_day == self->to_day)
    options.previous = self->follows;
  return entente_layout_new_for_selection (self->dataset, &viewport, self->style, &options,
                                           self->selected_event);
}

EntenteLayout *
entente_timeline_view_get_layout (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), NULL);

  if (self->layout == NULL && self->dataset != NULL)
    self->layout = build_layout (self, self->from_day, self->to_day);
  return self->layout;
}

gboolean
entente_timeline_view_get_dark (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), FALSE);
  return self->style->dark;
}

const EntenteStyle *
entente_timeline_view_get_style (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), NULL);
  return self->style;
}

/* How much larger than usual the system draws text: GNOME's large-text
 * setting raises the font resolution from 96 dpi. */
static double
text_scale (EntenteTimelineView *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? dpi / (96.0 * 1024) : 1.0;
}

/* The chart follows the system's dark style, its high contrast and its
 * text size, as libadwaita's own widgets around it do. */
static void
update_style (EntenteTimelineView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  double scale = text_scale (self);

  if (self->style != NULL && self->style->dark == dark && self->style->high_contrast == high_contrast &&
      self->text_scale == scale)
    return;
  g_clear_pointer (&self->style, entente_style_free);
  self->style = entente_style_new_full (dark, high_contrast);
  entente_style_scale_text (self->style, scale);
  self->text_scale = scale;
  invalidate (self);
}

static void
style_changed_cb (EntenteTimelineView *self)
{
  update_style (self);
}

/* ENTENTE_EXIT_AFTER_FIRST_FRAME=1 makes the application quit once the
 * chart's first frame has been painted, so that a benchmark can time
 * start-up to the first frame (bench/entente-bench.c). */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GtkWidget     *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, widget);
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
}

static void
exit_after_first_frame (GtkWidget *widget)
{
  static gboolean done = FALSE;

  if (done || g_strcmp0 (g_getenv ("ENTENTE_EXIT_AFTER_FIRST_FRAME"), "1") != 0)
    return;
  done = TRUE;
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), widget);
}

static void
entente_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  EntenteRenderState state;
  EntenteLayout *layout;
  cairo_t *cr;

  layout = entente_timeline_view_get_layout (self);
  if (layout == NULL || width <= 0 || height <= 0)
    return;

  entente_render_state_init (&state);
  state.selected_event = self->selected_event;
  state.selected_period = self->selected_period;
  state.hovered_event = self->hovered_event;
  state.hovered_cluster = self->hovered_cluster;
  state.hovered_volume = self->hovered_volume;
  state.hovered_side = self->hovered_side;
  state.matches = self->matches;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  entente_render_draw (layout, self->style, &state, cr);
  cairo_destroy (cr);
  exit_after_first_frame (widget);
}

static void
entente_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  const EntenteViewport *viewport;

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
  if (self->layout != NULL)
    {
      viewport = entente_layout_get_viewport (self->layout);
      if (viewport->width != width || viewport->height != height)
        invalidate (self);
    }
}

static void
entente_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  /* Small enough for a phone; the chart adapts its detail to the room.
   * The natural width decides where the sources panel stops sitting beside
   * the chart and folds over it: below about 1000 pixels of window. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      *minimum = 220;
      *natural = 600;
    }
}

/* The viewport */

static void
clamp_range (EntenteTimelineView *self,
             double              *from,
             double              *to)
{
  double span = *to - *from;
  double max_span = self->max_to - self->min_from;

  span = CLAMP (span, MIN_SPAN_DAYS, max_span);
  if (*from < self->min_from)
    *from = self->min_from;
  if (*from + span > self->max_to)
    *from = self->max_to - span;
  *to = *from + span;
}

static void
apply_range (EntenteTimelineView *self,
             double               from,
             double               to)
{
  clamp_range (self, &from, &to);
  if (from == self->from_day && to == self->to_day)
    return;

  self->from_day = from;
  self->to_day = to;
  forget_hover (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_DAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_DAY]);
}

static void
stop_animation (EntenteTimelineView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  self->kinetic_speed = 0;
}

static gboolean
animation_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  double t = (double) (gdk_frame_clock_get_frame_time (clock) - self->anim_start_time) / ANIMATION_USEC;
  double eased;

  t = CLAMP (t, 0.0, 1.0);
  eased = 1.0 - pow (1.0 - t, 3.0);
  apply_range (self,
               self->anim_from[0] + (self->anim_to[0] - self->anim_from[0]) * eased,
               self->anim_from[1] + (self->anim_to[1] - self->anim_from[1]) * eased);

  if (t >= 1.0)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* An animation heads for a range; panning on goes where it goes, and is
 * where it is. */
static gboolean
heading_for_target (EntenteTimelineView *self)
{
  return self->tick_id != 0 && self->kinetic_speed == 0;
}

static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = MAX (now - self->kinetic_time, 0) / (double) G_USEC_PER_SEC;
  double from = self->from_day, to = self->to_day;
  double width = MAX (gtk_widget_get_width (widget), 1);
  double decay = exp (-KINETIC_FRICTION * dt);
  /* The distance the decaying speed covers in dt, exactly: a step at the
   * speed the frame began with would carry a fling further the longer
   * the frames, and so further on a slow machine. */
  double moved = self->kinetic_speed * (1 - decay) / KINETIC_FRICTION;

  self->kinetic_time = now;
  apply_range (self, from + moved, to + moved);
  self->kinetic_speed *= decay;
  /* Slowed to a crawl. At an end of the timeline, the range is held
   * there until then. */
  if (fabs (self->kinetic_speed) * width / (to - from) < KINETIC_MIN_SPEED)
    {
      self->tick_id = 0;
      self->kinetic_speed = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Pans on at speed days a second, slowing down. */
static void
start_kinetic (EntenteTimelineView *self,
               double               speed)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  stop_animation (self);
  if (clock == NULL || fabs (speed) * width / (self->to_day - self->from_day) < KINETIC_MIN_SPEED)
    return;
  self->kinetic_speed = speed;
  self->kinetic_time = gdk_frame_clock_get_frame_time (clock);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL, NULL);
}

void
entente_timeline_view_set_range (EntenteTimelineView *self,
                                 double               from_day,
                                 double               to_day,
                                 gboolean             animate)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));

  stop_animation (self);
  clamp_range (self, &from_day, &to_day);

  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !adw_get_enable_animations (GTK_WIDGET (self)))
    {
      apply_range (self, from_day, to_day);
      return;
    }

  self->anim_from[0] = self->from_day;
  self->anim_from[1] = self->to_day;
  self->anim_to[0] = from_day;
  self->anim_to[1] = to_day;
  self->anim_start_time = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb, NULL, NULL);
}

void
entente_timeline_view_get_range (EntenteTimelineView *self,
                                 double              *from_day,
                                 double              *to_day)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));

  if (from_day != NULL)
    *from_day = heading_for_target (self) ? self->anim_to[0] : self->from_day;
  if (to_day != NULL)
    *to_day = heading_for_target (self) ? self->anim_to[1] : self->to_day;
}

/* Zooms in on the days from from to to, with a margin. */
static void
open_days (EntenteTimelineView *self,
           double               from,
           double               to)
{
  const EntenteViewport *viewport = entente_layout_get_viewport (self->layout);
  double margin = MAX ((to - from) * 0.15, MIN_SPAN_DAYS);

  /* The margin stays within the view: opening never zooms out. */
  entente_timeline_view_set_range (self, MAX (from - margin, viewport->from_day),
                                   MIN (to + margin, viewport->to_day), TRUE);
}

void
entente_timeline_view_open_cluster (EntenteTimelineView *self,
                                    guint                index)
{
  const EntenteCluster *clusters;
  guint n;

  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (self->layout != NULL);

  clusters = entente_layout_get_clusters (self->layout, &n);
  g_return_if_fail (index < n);
  open_days (self, clusters[index].from_day, clusters[index].to_day);
}

void
entente_timeline_view_open_volume (EntenteTimelineView *self,
                                   guint                index)
{
  const EntenteVolume *volume;
  guint n;

  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (self->layout != NULL);

  volume = entente_layout_get_volume (self->layout, &n, NULL);
  g_return_if_fail (index < n);
  open_days (self, volume[index].from_day, volume[index].to_day);
}

void
entente_timeline_view_zoom_to_fit (EntenteTimelineView *self)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  entente_timeline_view_set_range (self, self->min_from, self->max_to, TRUE);
}

void
entente_timeline_view_get_limits (EntenteTimelineView *self,
                                  double              *from_day,
                                  double              *to_day)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  *from_day = self->min_from;
  *to_day = self->max_to;
}

gboolean
entente_timeline_view_show_days (EntenteTimelineView *self,
                                 double               from_day,
                                 double               to_day,
                                 double               min_span)
{
  double span, center;

  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), FALSE);

  if (self->dataset == NULL || to_day <= self->min_from || from_day >= self->max_to)
    return FALSE;
  span = MAX ((to_day - from_day) * SHOW_DAYS_ROOM, min_span);
  center = (from_day + to_day) / 2;
  entente_timeline_view_set_range (self, center - span / 2, center + span / 2, TRUE);
  return TRUE;
}

static double
day_at_x (EntenteTimelineView *self,
          double               x)
{
  EntenteLayout *layout = entente_timeline_view_get_layout (self);

  if (layout == NULL)
    return (self->from_day + self->to_day) / 2;
  return entente_layout_day_for_x (layout, x);
}

/* Zooms by factor (> 1 shows less time) keeping the day under x still. */
void
entente_timeline_view_zoom (EntenteTimelineView *self,
                            double               factor,
                            double               around_x)
{
  double from, to, anchor, new_span, left;

  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  entente_timeline_view_get_range (self, &from, &to);
  anchor = day_at_x (self, around_x);
  if (anchor < from || anchor > to)
    anchor = (from + to) / 2;
  left = (anchor - from) / (to - from);
  new_span = (to - from) / factor;
  entente_timeline_view_set_range (self, anchor - left * new_span,
                                   anchor + (1 - left) * new_span, FALSE);
}

static double
plot_center_x (EntenteTimelineView *self)
{
  EntenteLayout *layout = entente_timeline_view_get_layout (self);
  EntenteRect plot;

  if (layout == NULL)
    return gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  entente_layout_get_plot_rect (layout, &plot);
  return plot.x + plot.width / 2;
}

/* Selection */

gboolean
entente_timeline_view_is_shown (EntenteTimelineView *self,
                                guint                event)
{
  const EntenteEvent *e;

  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), FALSE);

  if (self->dataset == NULL || event >= entente_dataset_get_n_events (self->dataset))
    return FALSE;
  /* The flag first: stepping through a search's rare matches asks of
   * every event between them. */
  if (self->matches != NULL && !self->matches[event])
    return FALSE;
  e = entente_dataset_get_event (self->dataset, event);
  return e->category < 0 || !self->hidden_categories[e->category];
}

void
entente_timeline_view_collect_shown (EntenteTimelineView *self,
                                     GArray              *events)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (events != NULL);

  if (self->dataset != NULL)
    entente_dataset_collect_events (self->dataset, self->hidden_categories, self->matches, events);
}

/* Brings the selected event into view: centred when it was outside, and
 * closer, halving the span, while it sits in a cluster or has no room
 * for its label. Where events crowd that can take a score of layouts,
 * most of them of a few days, the cheapest there are. */
static void
reveal_event (EntenteTimelineView *self,
              guint                event)
{
  const EntenteEvent *e = entente_dataset_get_event (self->dataset, event);
  double from, to, span, center;

  entente_timeline_view_get_range (self, &from, &to);
  {
    /* Without an animation under way that is the view's own layout,
     * which the next frame then draws instead of laying out again. */
    g_autoptr(EntenteLayout) target = heading_for_target (self)
                                      ? build_layout (self, from, to)
                                      : g_object_ref (entente_timeline_view_get_layout (self));

    if (shows_with_label (self, target, event))
      return;
  }

  span = to - from;
  /* A span is shown whole, as Zoom to Event shows it: a slice from its
   * middle shows neither when it began nor when it ended. */
  if (e->is_span)
    span = MAX (span, (e->end_day - e->start_day) * SHOW_DAYS_ROOM);
  center = e->is_span ? (e->start_day + e->end_day) / 2.0 : e->start_day + 0.5;
  for (;;)
    {
      g_autoptr(EntenteLayout) candidate = NULL;

      from = center - span / 2;
      to = center + span / 2;
      clamp_range (self, &from, &to);
      candidate = build_layout (self, from, to);
      /* The span asked for, not the one clamped: it halves every time,
       * so this ends. */
      if (shows_with_label (self, candidate, event) || span <= MIN_SPAN_DAYS)
        break;
      span /= 2;
    }

  entente_timeline_view_set_range (self, from, to, TRUE);
}

/* Screen readers hear what is selected: the picture itself says nothing
 * to them. */
static void
update_accessible_description (EntenteTimelineView *self)
{
  g_autofree char *description = NULL;

  if (self->selected_event >= 0)
    {
      const EntenteEvent *event = entente_dataset_get_event (self->dataset, self->selected_event);
      g_autofree char *date = entente_event_format_dates (event);
      const char *category = entente_dataset_get_category_label (self->dataset, event->category);
      const char *actor = entente_dataset_get_actor_label (self->dataset, event->actor);
      GString *s = g_string_new (NULL);

      /* TRANSLATORS: what a screen reader says of the selected event */
      g_string_printf (s, _("Selected event: %s, %s"), event->title, date);
      if (category != NULL)
        g_string_append_printf (s, ", %s", category);
      if (actor != NULL)
        g_string_append_printf (s, ", %s", actor);
      description = g_string_free (s, FALSE);
    }
  else if (self->selected_period >= 0)
    {
      const EntentePeriod *period = entente_dataset_get_period (self->dataset, self->selected_period);
      g_autofree char *dates = entente_date_format_range (&period->start, &period->end);

      description = g_strdup_printf (_("Selected period: %s, %s"), period->label, dates);
    }
  else
    description = g_strdup (_("Nothing selected. Use the arrow keys to step through the events, "
                              "Control and the arrow keys through the periods, "
                              "and Page Up and Page Down to move in time."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_selection (EntenteTimelineView *self,
               int                  event,
               int                  period)
{
  gboolean event_changed = event != self->selected_event;
  gboolean period_changed = period != self->selected_period;

  self->selected_event = event;
  self->selected_period = period;
  /* The layout may give the selected event a place of its own. */
  if (event_changed)
    invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible_description (self);
  update_selection_actions (self);

  if (event_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
  if (period_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PERIOD]);
}

void
entente_timeline_view_select_event (EntenteTimelineView *self,
                                    int                  event)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));

  if (self->dataset == NULL || event < 0 || (guint) event >= entente_dataset_get_n_events (self->dataset))
    event = -1;
  set_selection (self, event, -1);
  if (event >= 0)
    reveal_event (self, event);
}

int
entente_timeline_view_get_selected_event (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), -1);
  return self->selected_event;
}

void
entente_timeline_view_select_period (EntenteTimelineView *self,
                                     int                  period)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));

  if (self->dataset == NULL || period < 0 || (guint) period >= entente_dataset_get_n_periods (self->dataset))
    period = -1;
  set_selection (self, -1, period);
}

int
entente_timeline_view_get_selected_period (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), -1);
  return self->selected_period;
}

/* Selects the first event shown from i on, stepping by direction. */
static gboolean
select_shown_from (EntenteTimelineView *self,
                   gint64               i,
                   int                  direction)
{
  gint64 n = entente_dataset_get_n_events (self->dataset);

  for (; i >= 0 && i < n; i += direction)
    {
      if (entente_timeline_view_is_shown (self, i))
        {
          entente_timeline_view_select_event (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
entente_timeline_view_select_next (EntenteTimelineView *self,
                                   int                  direction)
{
  gint64 n;
  gboolean found;

  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);

  if (self->dataset == NULL)
    return FALSE;
  n = entente_dataset_get_n_events (self->dataset);

  if (self->selected_event >= 0)
    found = select_shown_from (self, self->selected_event + direction, direction);
  else if (self->selected_period >= 0)
    {
      /* From where the period begins: its first event, or the one
       * before it. */
      const EntentePeriod *period = entente_dataset_get_period (self->dataset, self->selected_period);
      gint64 i = entente_dataset_lower_bound (self->dataset, entente_date_start_day (&period->start));

      found = select_shown_from (self, direction > 0 ? i : i - 1, direction);
    }
  else
    {
      /* From where the reader is looking: the first event that begins in
       * the view (or the last, going back), not the dataset's first, which
       * would take them centuries away. A search's first match may lie
       * behind the view; then it is the dataset's first. */
      gint64 i = direction > 0 ? entente_dataset_lower_bound (self->dataset, (gint64) ceil (self->from_day))
                               : (gint64) entente_dataset_lower_bound (self->dataset, (gint64) ceil (self->to_day)) - 1;

      found = select_shown_from (self, i, direction) ||
              select_shown_from (self, direction > 0 ? 0 : n - 1, direction);
    }
  if (!found)
    gtk_widget_error_bell (GTK_WIDGET (self));
  return found;
}

gboolean
entente_timeline_view_select_next_period (EntenteTimelineView *self,
                                          int                  direction)
{
  gint64 i, n;

  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);

  if (self->dataset == NULL)
    return FALSE;
  n = entente_dataset_get_n_periods (self->dataset);

  if (self->selected_period >= 0)
    i = self->selected_period + direction;
  else
    {
      /* The first that reaches into the view, or the last that begins
       * before its end. */
      for (i = direction > 0 ? 0 : n - 1; i >= 0 && i < n; i += direction)
        {
          const EntentePeriod *period = entente_dataset_get_period (self->dataset, i);

          if (direction > 0 ? entente_date_end_day (&period->end) > self->from_day
                            : entente_date_start_day (&period->start) < self->to_day)
            break;
        }
    }

  for (; i >= 0 && i < n; i += direction)
    {
      const EntentePeriod *period = entente_dataset_get_period (self->dataset, i);
      double start = entente_date_start_day (&period->start);
      double end = entente_date_end_day (&period->end);

      if (self->hidden_kinds[period->kind])
        continue;
      set_selection (self, -1, (int) i);
      if (end <= self->from_day || start >= self->to_day)
        entente_timeline_view_show_days (self, start, end, ZOOM_TO_MIN_DAYS);
      return TRUE;
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
  return FALSE;
}

void
entente_timeline_view_select_first (EntenteTimelineView *self)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  if (self->dataset != NULL && !select_shown_from (self, 0, 1))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

void
entente_timeline_view_select_last (EntenteTimelineView *self)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  if (self->dataset != NULL &&
      !select_shown_from (self, (gint64) entente_dataset_get_n_events (self->dataset) - 1, -1))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Filters */

void
entente_timeline_view_get_export_options (EntenteTimelineView  *self,
                                          EntenteExportOptions *options)
{
  double from, to;

  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (options != NULL);

  entente_timeline_view_get_range (self, &from, &to);
  /* The layout shown, made if it is still to come, followed the one
   * before it: so does an export of the same view. */
  entente_timeline_view_get_layout (self);
  options->previous = self->follows;
  options->has_range = TRUE;
  options->from_day = (gint64) floor (from);
  options->to_day = (gint64) ceil (to);
  options->dark = self->style->dark;
  options->high_contrast = self->style->high_contrast;
  options->text_scale = self->text_scale;
  options->selected_event = self->selected_event;
  options->selected_period = self->selected_period;
  options->hidden_categories = self->hidden_categories;
  options->hidden_kinds = self->hidden_kinds;
  options->matches = self->matches;
}

/* Sets one of n flags; returns whether it changed. */
static gboolean
set_flag (gboolean *flags,
          guint     index,
          guint     n,
          gboolean  value)
{
  if (flags == NULL || index >= n || flags[index] == value)
    return FALSE;
  flags[index] = value;
  return TRUE;
}

static gboolean
any_set (const gboolean *flags,
         guint           n)
{
  for (guint i = 0; i < n; i++)
    if (flags[i])
      return TRUE;
  return FALSE;
}

/* Show All Categories and Show All Periods have something to do only
 * while one is hidden. */
static void
update_filter_actions (EntenteTimelineView *self)
{
  gboolean categories = FALSE, kinds = FALSE;

  if (self->dataset != NULL)
    {
      categories = any_set (self->hidden_categories, entente_dataset_get_n_categories (self->dataset));
      kinds = any_set (self->hidden_kinds, entente_dataset_get_n_period_kinds (self->dataset));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.show-all-categories", categories);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.show-all-kinds", kinds);
}

static void
filters_changed (EntenteTimelineView *self)
{
  update_filter_actions (self);
  invalidate (self);
  g_signal_emit (self, signals[FILTERS_CHANGED], 0);
}

/* The matches set, or NULL. */
GBytes *
entente_timeline_view_get_matches (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), NULL);

  return self->matched;
}

void
entente_timeline_view_set_matches (EntenteTimelineView *self,
                                   GBytes              *matches)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (matches == NULL ||
                    (self->dataset != NULL &&
                     g_bytes_get_size (matches) == sizeof (gboolean) * entente_dataset_get_n_events (self->dataset)));

  /* No search before and none now: nothing to tell the event list,
   * which would go through every event to find that out. */
  if (matches == NULL && self->matched == NULL)
    return;
  g_clear_pointer (&self->matched, g_bytes_unref);
  self->matched = matches != NULL ? g_bytes_ref (matches) : NULL;
  self->matches = matches != NULL ? g_bytes_get_data (matches, NULL) : NULL;
  /* Badges and the histogram count the matches when laid out. */
  filters_changed (self);
}

void
entente_timeline_view_set_category_hidden (EntenteTimelineView *self,
                                           guint                category,
                                           gboolean             hidden)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  if (self->dataset == NULL)
    return;
  if (set_flag (self->hidden_categories, category, entente_dataset_get_n_categories (self->dataset), hidden))
    filters_changed (self);
}

void
entente_timeline_view_set_kind_hidden (EntenteTimelineView *self,
                                       guint                kind,
                                       gboolean             hidden)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  if (self->dataset == NULL)
    return;
  if (set_flag (self->hidden_kinds, kind, entente_dataset_get_n_period_kinds (self->dataset), hidden))
    filters_changed (self);
}

/* The dataset */

void
entente_timeline_view_set_dataset (EntenteTimelineView *self,
                                   EntenteDataset      *dataset)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (dataset == NULL || ENTENTE_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  stop_animation (self);
  g_clear_object (&self->text_cache);
  g_clear_pointer (&self->matched, g_bytes_unref);
  self->matches = NULL;
  g_clear_pointer (&self->hidden_categories, g_free);
  g_clear_pointer (&self->hidden_kinds, g_free);
  forget_hover (self);

  if (dataset != NULL)
    {
      self->hidden_categories = g_new0 (gboolean, entente_dataset_get_n_categories (dataset) + 1);
      self->hidden_kinds = g_new0 (gboolean, entente_dataset_get_n_period_kinds (dataset) + 1);
      self->text_cache = entente_text_cache_new (dataset);
      entente_layout_default_range (dataset, &self->min_from, &self->max_to);
      self->from_day = self->min_from;
      self->to_day = self->max_to;
    }

  set_selection (self, -1, -1);
  update_filter_actions (self);
  invalidate (self);
  /* Nothing of another dataset's layout is of use, and it would keep
   * that dataset alive. */
  g_clear_object (&self->follows);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_DAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_DAY]);
}

EntenteDataset *
entente_timeline_view_get_dataset (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), NULL);
  return self->dataset;
}

/* Input */

static gboolean
hit_at (EntenteTimelineView *self,
        double               x,
        double               y,
        EntenteHit          *hit)
{
  EntenteLayout *layout = entente_timeline_view_get_layout (self);

  hit->type = ENTENTE_HIT_NONE;
  return layout != NULL && entente_layout_hit_test (layout, x, y, hit);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EntenteTimelineView      *self)
{
  EntenteHit hit;
  int event = -1, cluster = -1, volume = -1;
  EntenteSide side = self->hovered_side;
  gboolean clickable;

  self->pointer_x = x;
  hit_at (self, x, y, &hit);
  if (hit.type == ENTENTE_HIT_EVENT)
    event = hit.index;
  else if (hit.type == ENTENTE_HIT_CLUSTER)
    cluster = hit.index;
  else if (hit.type == ENTENTE_HIT_VOLUME)
    {
      volume = hit.index;
      side = hit.side;
    }

  clickable = hit.type == ENTENTE_HIT_EVENT || hit.type == ENTENTE_HIT_CLUSTER ||
              hit.type == ENTENTE_HIT_VOLUME || hit.type == ENTENTE_HIT_SOURCES ||
              hit.type == ENTENTE_HIT_LEGEND_KIND || hit.type == ENTENTE_HIT_LEGEND_CATEGORY;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), clickable ? "pointer" : NULL);

  if (event != self->hovered_event || cluster != self->hovered_cluster ||
      volume != self->hovered_volume || side != self->hovered_side)
    {
      self->hovered_event = event;
      self->hovered_cluster = cluster;
      self->hovered_volume = volume;
      self->hovered_side = side;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          EntenteTimelineView      *self)
{
  if (self->hovered_event != -1 || self->hovered_cluster != -1 || self->hovered_volume != -1)
    {
      forget_hover (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EntenteTimelineView      *self)
{
  double from, to, width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  entente_timeline_view_get_range (self, &from, &to);

  /* Sideways scrolling pans; the wheel zooms around the pointer. */
  if (dx != 0)
    {
      double shift = dx * SCROLL_PIXELS / width * (to - from);

      entente_timeline_view_set_range (self, from + shift, to + shift, FALSE);
    }
  if (dy != 0)
    entente_timeline_view_zoom (self, pow (ZOOM_STEP, -dy), self->pointer_x);
  return GDK_EVENT_STOP;
}

/* A touchpad swipe that ends moving pans on. */
static void
scroll_decelerate_cb (GtkEventControllerScroll *controller,
                      double                    vel_x,
                      double                    vel_y,
                      EntenteTimelineView      *self)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  start_kinetic (self, vel_x * SCROLL_PIXELS / width * (self->to_day - self->from_day));
}

/* So does a drag let go while moving: the timeline goes on the way the
 * pointer went. */
static void
swipe_cb (GtkGestureSwipe     *gesture,
          double               vel_x,
          double               vel_y,
          EntenteTimelineView *self)
{
  EntenteLayout *layout = entente_timeline_view_get_layout (self);
  EntenteRect plot;

  /* At the speed the drag moved it: the plot's width is the range's. */
  if (!self->dragged || layout == NULL)
    return;
  entente_layout_get_plot_rect (layout, &plot);
  start_kinetic (self, -vel_x / MAX (plot.width, 1) * (self->to_day - self->from_day));
}

static void
drag_begin_cb (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               EntenteTimelineView *self)
{
  stop_animation (self);
  self->drag_from_day = self->from_day;
  self->drag_to_day = self->to_day;
  self->dragged = FALSE;
}

static void
drag_update_cb (GtkGestureDrag      *gesture,
                double               dx,
                double               dy,
                EntenteTimelineView *self)
{
  EntenteLayout *layout;
  EntenteRect plot;
  double days_per_px;

  if (!self->dragged && fabs (dx) < DRAG_THRESHOLD && fabs (dy) < DRAG_THRESHOLD)
    return;
  self->dragged = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

  layout = entente_timeline_view_get_layout (self);
  if (layout == NULL)
    return;
  entente_layout_get_plot_rect (layout, &plot);
  days_per_px = (self->drag_to_day - self->drag_from_day) / MAX (plot.width, 1);
  apply_range (self, self->drag_from_day - dx * days_per_px, self->drag_to_day - dx * days_per_px);
}

static void
drag_end_cb (GtkGestureDrag      *gesture,
             double               dx,
             double               dy,
             EntenteTimelineView *self)
{
  if (self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
zoom_begin_cb (GtkGesture          *gesture,
               GdkEventSequence    *sequence,
               EntenteTimelineView *self)
{
  stop_animation (self);
  self->zoom_begin_from = self->from_day;
  self->zoom_begin_to = self->to_day;
}

static void
zoom_scale_changed_cb (GtkGestureZoom      *gesture,
                       double               scale,
                       EntenteTimelineView *self)
{
  double cx, cy, anchor, left, span;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    cx = plot_center_x (self);
  anchor = day_at_x (self, cx);
  left = (anchor - self->from_day) / (self->to_day - self->from_day);
  span = (self->zoom_begin_to - self->zoom_begin_from) / MAX (scale, 0.01);
  apply_range (self, anchor - left * span, anchor + (1 - left) * span);
}

static void
click_released_cb (GtkGestureClick     *gesture,
                   int                  n_press,
                   double               x,
                   double               y,
                   EntenteTimelineView *self)
{
  EntenteHit hit;

  if (self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2)
    {
      entente_timeline_view_zoom (self, 2.0, x);
      return;
    }

  hit_at (self, x, y, &hit);
  switch (hit.type)
    {
    case ENTENTE_HIT_EVENT:
      set_selection (self, hit.index, -1);
      break;
    case ENTENTE_HIT_CLUSTER:
      entente_timeline_view_open_cluster (self, hit.index);
      break;
    case ENTENTE_HIT_VOLUME:
      entente_timeline_view_open_volume (self, hit.index);
      break;
    case ENTENTE_HIT_PERIOD:
      set_selection (self, -1, hit.index);
      break;
    case ENTENTE_HIT_LEGEND_CATEGORY:
      entente_timeline_view_set_category_hidden (self, hit.index, !self->hidden_categories[hit.index]);
      break;
    case ENTENTE_HIT_LEGEND_KIND:
      entente_timeline_view_set_kind_hidden (self, hit.index, !self->hidden_kinds[hit.index]);
      break;
    case ENTENTE_HIT_SOURCES:
      /* The window's list of them, where there is one. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.sources", NULL);
      break;
    case ENTENTE_HIT_NONE:
    default:
      set_selection (self, -1, -1);
      break;
    }
}

/* "23 244 events here: click to zoom in" */
static char *
count_text (guint count)
{
  g_autofree char *number = entente_format_count (count);

  /* TRANSLATORS: %s is a number, written with the locale's digit
   * grouping, e.g. "23 244" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event here: click to zoom in",
                                       "%s events here: click to zoom in", count),
                          number);
}

/* While a search is active, how many of the events a badge or a bar
 * stands for match it, on a line of its own. */
static void
append_matched (EntenteTimelineView *self,
                GString             *text,
                guint                matched)
{
  g_autofree char *number = NULL;

  if (self->matches == NULL)
    return;
  number = entente_format_count (matched);
  /* TRANSLATORS: of the events a badge or a bar of the histogram stands
   * for; %s is a number with the locale's digit grouping */
  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s of them matches the search",
                                             "%s of them match the search", matched),
                          number);
}

/* Plain text: a title like "<b>" is shown as typed. NULL when the hit
 * has nothing to say. */
static char *
tooltip_text_for_hit (EntenteTimelineView *self,
                      const EntenteHit    *hit)
{
  if (hit->type == ENTENTE_HIT_EVENT)
    {
      const EntenteEvent *event = entente_dataset_get_event (self->dataset, hit->index);
      g_autofree char *dates = entente_event_format_dates (event);

      return g_strdup_printf ("%s\n%s", event->title, dates);
    }
  if (hit->type == ENTENTE_HIT_CLUSTER)
    {
      guint n;
      const EntenteCluster *cluster = &entente_layout_get_clusters (self->layout, &n)[hit->index];
      g_autofree char *count = count_text (cluster->count);
      GString *text = g_string_new (count);

      append_matched (self, text, cluster->matched);
      return g_string_free (text, FALSE);
    }
  if (hit->type == ENTENTE_HIT_VOLUME)
    {
      guint n;
      const EntenteVolume *volume = &entente_layout_get_volume (self->layout, &n, NULL)[hit->index];
      g_autofree char *count = count_text (volume->count[hit->side]);
      g_autofree char *days = entente_format_days (volume->from_day, volume->to_day);
      const char *party = entente_dataset_get_n_parties (self->dataset) == 2
                          ? entente_dataset_get_party (self->dataset, hit->side == ENTENTE_SIDE_ABOVE ? 0 : 1)
                          : NULL;
      GString *text = g_string_new (count);

      /* Who, and when: "China · 1950 – 1952", as the side panel joins
       * an event's category and actor. */
      if (party != NULL)
        g_string_append_printf (text, "\n%s · %s", party, days);
      else
        g_string_append_printf (text, "\n%s", days);
      append_matched (self, text, volume->matched[hit->side]);
      return g_string_free (text, FALSE);
    }
  if (hit->type == ENTENTE_HIT_SOURCES)
    return g_strdup (_("Every source, with its full citation: click to list them"));
  return NULL;
}

char *
entente_timeline_view_get_tooltip_text_at (EntenteTimelineView *self,
                                           double               x,
                                           double               y)
{
  EntenteHit hit;

  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), NULL);

  if (!hit_at (self, x, y, &hit))
    return NULL;
  return tooltip_text_for_hit (self, &hit);
}

GtkLabel *
entente_timeline_view_get_tooltip_label (EntenteTimelineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE_VIEW (self), NULL);
  return self->tooltip_label != NULL ? GTK_LABEL (self->tooltip_label) : NULL;
}

static gboolean
query_tooltip_cb (GtkWidget           *widget,
                  int                  x,
                  int                  y,
                  gboolean             keyboard_mode,
                  GtkTooltip          *tooltip,
                  EntenteTimelineView *self)
{
  g_autofree char *text = NULL;
  EntenteHit hit;

  /* The menu covers what the pointer is over, and says what it is for. */
  if (self->menu != NULL && gtk_widget_get_visible (self->menu))
    return FALSE;
  if (keyboard_mode)
    {
      if (self->selected_event < 0)
        return FALSE;
      hit.type = ENTENTE_HIT_EVENT;
      hit.index = self->selected_event;
    }
  else if (!hit_at (self, x, y, &hit))
    return FALSE;

  text = tooltip_text_for_hit (self, &hit);
  if (text == NULL)
    return FALSE;
  /* GTK's own tooltip label never wraps, and an event's title may be a
   * paragraph: set as plain text, it spanned the screen in one line. */
  if (self->tooltip_label == NULL)
    {
      self->tooltip_label = g_object_ref_sink (gtk_label_new (NULL));
      gtk_label_set_wrap (GTK_LABEL (self->tooltip_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->tooltip_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (self->tooltip_label), TOOLTIP_WIDTH_CHARS);
      gtk_label_set_xalign (GTK_LABEL (self->tooltip_label), 0);
    }
  gtk_label_set_text (GTK_LABEL (self->tooltip_label), text);
  gtk_tooltip_set_custom (tooltip, self->tooltip_label);
  return TRUE;
}

/* Keyboard actions */

static void
action_next (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  entente_timeline_view_select_next (ENTENTE_TIMELINE_VIEW (widget), 1);
}

static void
action_next_period (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  entente_timeline_view_select_next_period (ENTENTE_TIMELINE_VIEW (widget), 1);
}

static void
action_previous_period (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  entente_timeline_view_select_next_period (ENTENTE_TIMELINE_VIEW (widget), -1);
}

static void
action_previous (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  entente_timeline_view_select_next (ENTENTE_TIMELINE_VIEW (widget), -1);
}

static void
action_first (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  entente_timeline_view_select_first (ENTENTE_TIMELINE_VIEW (widget));
}

static void
action_last (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  entente_timeline_view_select_last (ENTENTE_TIMELINE_VIEW (widget));
}

static void
action_zoom_in (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  double from, to, center, span;

  /* Around the selection when there is one in view, else the middle. */
  entente_timeline_view_get_range (self, &from, &to);
  center = (from + to) / 2;
  if (self->selected_event >= 0)
    {
      const EntenteEvent *e = entente_dataset_get_event (self->dataset, self->selected_event);

      if (e->start_day >= from && e->start_day <= to)
        center = e->start_day;
    }
  span = (to - from) / 2;
  entente_timeline_view_set_range (self, center - span / 2, center + span / 2, TRUE);
}

static void
action_zoom_out (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  double from, to, span;

  entente_timeline_view_get_range (self, &from, &to);
  span = to - from;
  entente_timeline_view_set_range (self, from - span / 2, to + span / 2, TRUE);
}

/* Moves the view by pages of time (negative: earlier), or rings the bell
 * at either end of the timeline. */
static void
pan_pages (EntenteTimelineView *self,
           double               pages)
{
  double from, to, new_from, new_to;

  if (self->dataset == NULL)
    return;
  entente_timeline_view_get_range (self, &from, &to);
  new_from = from + pages * PAGE_SHARE * (to - from);
  new_to = new_from + (to - from);
  clamp_range (self, &new_from, &new_to);
  if (new_from == from)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  entente_timeline_view_set_range (self, new_from, new_to, TRUE);
}

/* timeline.pan: by the pages given, earlier when negative. */
static void
action_pan (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  pan_pages (ENTENTE_TIMELINE_VIEW (widget), g_variant_get_int32 (param));
}

static void
action_zoom_fit (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  entente_timeline_view_zoom_to_fit (ENTENTE_TIMELINE_VIEW (widget));
}

static void
action_clear (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  set_selection (ENTENTE_TIMELINE_VIEW (widget), -1, -1);
}

/* The context menu: what can be done with the event or the period
 * selected, which a right click or a long press selects first. */

static const EntenteEvent *
selected_event (EntenteTimelineView *self)
{
  return self->selected_event >= 0 ? entente_dataset_get_event (self->dataset, self->selected_event) : NULL;
}

static const EntentePeriod *
selected_period (EntenteTimelineView *self)
{
  return self->selected_period >= 0 ? entente_dataset_get_period (self->dataset, self->selected_period) : NULL;
}

static void
action_zoom_to_selection (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  const EntenteEvent *event = selected_event (self);
  const EntentePeriod *period = selected_period (self);
  double from, to;

  if (event != NULL)
    {
      from = event->start_day;
      to = event->end_day;
    }
  else if (period != NULL)
    {
      from = entente_date_start_day (&period->start);
      to = entente_date_end_day (&period->end);
    }
  else
    return;
  entente_timeline_view_show_days (self, from, to, ZOOM_TO_MIN_DAYS);
}

static void
action_copy_selection (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  const EntenteEvent *event = selected_event (self);
  const EntentePeriod *period = selected_period (self);
  g_autofree char *dates = NULL;
  g_autofree char *text = NULL;

  if (event != NULL)
    dates = entente_event_format_dates (event);
  else if (period != NULL)
    dates = entente_date_format_range (&period->start, &period->end);
  else
    return;

  /* TRANSLATORS: an event or a period copied as text, to paste into
   * notes: its title, then its dates */
  text = g_strdup_printf (_("%s (%s)"), event != NULL ? event->title : period->label, dates);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Copied to clipboard"));
}

static void
action_hide_category (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  const EntenteEvent *event = selected_event (self);

  if (event != NULL && event->category != ENTENTE_NO_CATEGORY)
    entente_timeline_view_set_category_hidden (self, event->category, TRUE);
}

static void
action_hide_kind (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  const EntentePeriod *period = selected_period (self);

  if (period != NULL)
    entente_timeline_view_set_kind_hidden (self, period->kind, TRUE);
}

/* Show Only and Show All: one entry of the legend alone (only), or
 * every one again (-1), of the categories or of the kinds of period.
 * The list hears of it once. */
static void
show_only (EntenteTimelineView *self,
           gboolean             kinds,
           GVariant            *param)
{
  int only = param != NULL ? g_variant_get_int32 (param) : -1;
  gboolean changed = FALSE;
  gboolean *hidden;
  guint n;

  if (self->dataset == NULL)
    return;
  n = kinds ? entente_dataset_get_n_period_kinds (self->dataset) : entente_dataset_get_n_categories (self->dataset);
  hidden = kinds ? self->hidden_kinds : self->hidden_categories;
  if (only >= (int) n)
    return;
  for (guint i = 0; i < n; i++)
    changed |= set_flag (hidden, i, n, only >= 0 && (int) i != only);
  if (changed)
    filters_changed (self);
}

/* timeline.show-only-category, timeline.show-all-categories */
static void
action_show_categories (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  show_only (ENTENTE_TIMELINE_VIEW (widget), FALSE, param);
}

/* timeline.show-only-kind, timeline.show-all-kinds */
static void
action_show_kinds (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  show_only (ENTENTE_TIMELINE_VIEW (widget), TRUE, param);
}

static void
update_selection_actions (EntenteTimelineView *self)
{
  const EntenteEvent *event = selected_event (self);
  gboolean selected = event != NULL || self->selected_period >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-to-selection", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.copy-selection", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.show-menu", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.hide-kind", self->selected_period >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.hide-category",
                                 event != NULL && event->category != ENTENTE_NO_CATEGORY);
}

/* A category (or, with kinds, a kind of period) as the legend names it,
 * for a menu item's label. */
static char *
legend_name (EntenteTimelineView *self,
             int                  index,
             gboolean             kinds)
{
  return entente_menu_label_plain (kinds ? entente_dataset_get_period_kind (self->dataset, index)->label
                                         : entente_dataset_get_category_label (self->dataset, index));
}

/* Show Only, for a category (or, with kinds, a period kind). */
static void
append_show_only (EntenteTimelineView *self,
                  GMenu               *menu,
                  int                  index,
                  gboolean             kinds)
{
  g_autofree char *name = legend_name (self, index, kinds);
  /* TRANSLATORS: in the context menus of an event and of the legend:
   * hides every category (or kind of period) but this one; %s is its
   * name */
  g_autofree char *label = g_strdup_printf (_("Show _Only “%s”"), name);
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, kinds ? "timeline.show-only-kind" : "timeline.show-only-category",
                                           g_variant_new_int32 (index));
  g_menu_append_item (menu, item);
}

static GMenuModel *
context_menu_model (EntenteTimelineView *self)
{
  const EntenteEvent *event = selected_event (self);
  g_autoptr(GMenu) first = g_menu_new ();
  GMenu *menu = g_menu_new ();

  if (event != NULL)
    {
      g_menu_append (first, _("_Zoom to Event"), "timeline.zoom-to-selection");
      g_menu_append (first, _("_Copy Title and Date"), "timeline.copy-selection");
    }
  else
    {
      g_menu_append (first, _("_Zoom to Period"), "timeline.zoom-to-selection");
      g_menu_append (first, _("_Copy Name and Dates"), "timeline.copy-selection");
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));

  /* Its category, or its kind of period: hidden, or shown alone. */
  if (event == NULL || event->category != ENTENTE_NO_CATEGORY)
    {
      const EntentePeriod *period = selected_period (self);
      int index = event != NULL ? event->category : (int) period->kind;
      g_autoptr(GMenu) second = g_menu_new ();
      g_autofree char *name = legend_name (self, index, event == NULL);
      /* TRANSLATORS: in the context menu of an event (or a period):
       * hides every event of its category (or every period of its kind);
       * %s is the category or the kind, as the legend names it */
      g_autofree char *label = g_strdup_printf (_("_Hide “%s”"), name);

      g_menu_append (second, label, event != NULL ? "timeline.hide-category" : "timeline.hide-kind");
      append_show_only (self, second, index, event == NULL);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (second));
    }
  return G_MENU_MODEL (menu);
}

/* An entry in the legend, a category or a kind of period: to look at
 * it alone, and back. */
static GMenuModel *
legend_menu_model (EntenteTimelineView *self,
                   guint                index,
                   gboolean             kinds)
{
  GMenu *menu = g_menu_new ();

  append_show_only (self, menu, index, kinds);
  if (kinds)
    g_menu_append (menu, _("Show _All Periods"), "timeline.show-all-kinds");
  else
    g_menu_append (menu, _("Show _All Categories"), "timeline.show-all-categories");
  return G_MENU_MODEL (menu);
}

/* Opens model, pointing at at, in the view's coordinates. */
static void
popup_menu (EntenteTimelineView *self,
            GMenuModel          *model,
            const EntenteRect   *at)
{
  GdkRectangle pointing = { (int) at->x, (int) at->y, MAX ((int) at->width, 1), MAX ((int) at->height, 1) };

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &pointing);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* The menu of the selection, pointing at at. */
static void
popup_selection_menu (EntenteTimelineView *self,
                      const EntenteRect   *at)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->selected_event < 0 && self->selected_period < 0)
    return;
  model = context_menu_model (self);
  popup_menu (self, model, at);
}

/* A right click or a long press on an event or a period selects it and
 * opens its menu there; on an entry of the legend, a category or a kind
 * of period, it opens that entry's. */
static gboolean
menu_at (EntenteTimelineView *self,
         double               x,
         double               y)
{
  EntenteRect at = { x, y, 1, 1 };
  EntenteHit hit;

  hit_at (self, x, y, &hit);
  if (hit.type == ENTENTE_HIT_LEGEND_CATEGORY || hit.type == ENTENTE_HIT_LEGEND_KIND)
    {
      g_autoptr(GMenuModel) model = legend_menu_model (self, hit.index, hit.type == ENTENTE_HIT_LEGEND_KIND);

      popup_menu (self, model, &at);
      return TRUE;
    }
  if (hit.type == ENTENTE_HIT_EVENT)
    set_selection (self, hit.index, -1);
  else if (hit.type == ENTENTE_HIT_PERIOD)
    set_selection (self, -1, hit.index);
  else
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  popup_selection_menu (self, &at);
  return TRUE;
}

static void
secondary_pressed_cb (GtkGestureClick     *gesture,
                      int                  n_press,
                      double               x,
                      double               y,
                      EntenteTimelineView *self)
{
  if (menu_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 EntenteTimelineView *self)
{
  if (menu_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
entente_timeline_view_popup_menu_at (EntenteTimelineView *self,
                                     GtkWidget           *widget)
{
  graphene_rect_t bounds;

  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    return;
  popup_selection_menu (self, &(EntenteRect) { bounds.origin.x, bounds.origin.y,
                                               bounds.size.width, bounds.size.height });
}

/* From the keyboard (the Menu key, Shift+F10): at the selected event,
 * or the label of the selected period; the middle of the view when that
 * is not in view. */
static void
action_show_menu (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (widget);
  EntenteLayout *layout = entente_timeline_view_get_layout (self);
  EntenteRect rect = { gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, 1, 1 };

  if (layout != NULL && self->selected_event >= 0)
    entente_layout_get_event_rect (layout, self->selected_event, &rect);
  else if (layout != NULL && self->selected_period >= 0)
    {
      guint n_bands;
      const EntenteBand *bands = entente_layout_get_bands (layout, &n_bands);

      for (guint i = 0; i < n_bands; i++)
        if ((int) bands[i].period == self->selected_period && bands[i].text != NULL)
          rect = bands[i].text_rect;
    }
  popup_selection_menu (self, &rect);
}

/* GObject */

static void
entente_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_int (value, self->selected_event);
      break;
    case PROP_SELECTED_PERIOD:
      g_value_set_int (value, self->selected_period);
      break;
    case PROP_FROM_DAY:
      g_value_set_double (value, self->from_day);
      break;
    case PROP_TO_DAY:
      g_value_set_double (value, self->to_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_timeline_view_dispose (GObject *object)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (object);

  stop_animation (self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->tooltip_label);
  g_clear_object (&self->layout);
  g_clear_object (&self->follows);
  g_clear_object (&self->text_cache);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (entente_timeline_view_parent_class)->dispose (object);
}

static void
entente_timeline_view_finalize (GObject *object)
{
  EntenteTimelineView *self = ENTENTE_TIMELINE_VIEW (object);

  g_clear_pointer (&self->style, entente_style_free);
  g_clear_pointer (&self->matched, g_bytes_unref);
  self->matches = NULL;
  g_clear_pointer (&self->hidden_categories, g_free);
  g_clear_pointer (&self->hidden_kinds, g_free);

  G_OBJECT_CLASS (entente_timeline_view_parent_class)->finalize (object);
}

static void
entente_timeline_view_class_init (EntenteTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = entente_timeline_view_get_property;
  object_class->dispose = entente_timeline_view_dispose;
  object_class->finalize = entente_timeline_view_finalize;

  widget_class->snapshot = entente_timeline_view_snapshot;
  widget_class->size_allocate = entente_timeline_view_size_allocate;
  widget_class->measure = entente_timeline_view_measure;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ENTENTE_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_int ("selected-event", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PERIOD] =
    g_param_spec_int ("selected-period", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_DAY] =
    g_param_spec_double ("from-day", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO_DAY] =
    g_param_spec_double ("to-day", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FILTERS_CHANGED] =
    g_signal_new ("filters-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "timeline.next-period", NULL, action_next_period);
  gtk_widget_class_install_action (widget_class, "timeline.previous-period", NULL, action_previous_period);
  gtk_widget_class_install_action (widget_class, "timeline.first", NULL, action_first);
  gtk_widget_class_install_action (widget_class, "timeline.last", NULL, action_last);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, action_zoom_fit);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "i", action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.clear-selection", NULL, action_clear);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-selection", NULL, action_zoom_to_selection);
  gtk_widget_class_install_action (widget_class, "timeline.copy-selection", NULL, action_copy_selection);
  gtk_widget_class_install_action (widget_class, "timeline.hide-category", NULL, action_hide_category);
  gtk_widget_class_install_action (widget_class, "timeline.hide-kind", NULL, action_hide_kind);
  gtk_widget_class_install_action (widget_class, "timeline.show-menu", NULL, action_show_menu);
  gtk_widget_class_install_action (widget_class, "timeline.show-only-category", "i", action_show_categories);
  gtk_widget_class_install_action (widget_class, "timeline.show-all-categories", NULL, action_show_categories);
  gtk_widget_class_install_action (widget_class, "timeline.show-only-kind", "i", action_show_kinds);
  gtk_widget_class_install_action (widget_class, "timeline.show-all-kinds", NULL, action_show_kinds);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "timeline.next-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "timeline.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.pan", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "timeline.pan", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.pan", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "timeline.pan", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "timeline.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "timeline.show-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
entente_timeline_view_init (EntenteTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->selected_event = -1;
  self->selected_period = -1;
  forget_hover (self);
  self->min_from = 0;
  self->max_to = 1;
  self->to_day = 1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (scroll_decelerate_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_swipe_new ();
  g_signal_connect (gesture, "swipe", G_CALLBACK (swipe_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_style (self);
  update_selection_actions (self);
  update_filter_actions (self);
}

GtkWidget *
entente_timeline_view_new (void)
{
  return g_object_new (ENTENTE_TYPE_TIMELINE_VIEW, NULL);
}
