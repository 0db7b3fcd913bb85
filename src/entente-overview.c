/* entente-overview.c: the whole range in a strip, with the view marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "entente-overview.h"
#include "entente-render.h"
#include "entente-style.h"

#define STRIP_HEIGHT 28
/* The view's box is at least this wide to grab, however narrow it is
 * drawn: a month in three centuries is a fraction of a pixel. */
#define MIN_GRAB_WIDTH 12

struct _EntenteOverview
{
  GtkWidget parent_instance;

  /* Borrowed references: the view outlives the strip beside it. */
  EntenteTimelineView *view;

  double               drag_center;
};

G_DEFINE_FINAL_TYPE (EntenteOverview, entente_overview, GTK_TYPE_WIDGET)

static gboolean
whole_range (EntenteOverview *self,
             double          *from,
             double          *to)
{
  EntenteDataset *dataset = self->view ? entente_timeline_view_get_dataset (self->view) : NULL;

  if (dataset == NULL)
    return FALSE;
  entente_layout_default_range (dataset, from, to);
  return TRUE;
}

static void
entente_overview_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  EntenteOverview *self = ENTENTE_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double from, to, view_from, view_to;
  cairo_t *cr;

  if (!whole_range (self, &from, &to) || width <= 0 || height <= 0)
    return;

  /* What is shown now, not where an animation is heading. */
  g_object_get (self->view, "from-day", &view_from, "to-day", &view_to, NULL);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  entente_render_overview (entente_timeline_view_get_dataset (self->view),
                           entente_timeline_view_get_style (self->view),
                           from, to, view_from, view_to, width, height, cr);
  cairo_destroy (cr);
}

static void
entente_overview_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = STRIP_HEIGHT;
  else
    *minimum = *natural = 100;
}

/* Centres the view on the day under x, keeping its zoom. */
static void
center_view_at (EntenteOverview *self,
                double           x,
                gboolean         animate)
{
  double from, to, view_from, view_to, day, span;
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  if (!whole_range (self, &from, &to))
    return;
  entente_timeline_view_get_range (self->view, &view_from, &view_to);
  span = view_to - view_from;
  day = from + x / width * (to - from);
  entente_timeline_view_set_range (self->view, day - span / 2, day + span / 2, animate);
}

/* Where the view's box is drawn: its centre, and whether x is on it. */
static gboolean
on_view_box (EntenteOverview *self,
             double           x,
             double          *center)
{
  double from, to, view_from, view_to, x0, x1;
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  if (!whole_range (self, &from, &to) || to <= from)
    return FALSE;
  entente_timeline_view_get_range (self->view, &view_from, &view_to);
  entente_render_overview_box (from, to, view_from, view_to, width, &x0, &x1);
  *center = (x0 + x1) / 2;
  return fabs (x - *center) <= MAX (x1 - x0, MIN_GRAB_WIDTH) / 2;
}

/* A click beside the view's box moves the view there; on the box, it
 * stays, so that the box can be grabbed. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            EntenteOverview *self)
{
  double center;

  if (!on_view_box (self, x, &center))
    center_view_at (self, x, TRUE);
}

/* The box follows the pointer from where it was grabbed; grabbed
 * beside it, the view is first centred under the pointer. */
static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               EntenteOverview *self)
{
  double center;

  self->drag_center = on_view_box (self, x, &center) ? center : x;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             EntenteOverview *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                EntenteOverview *self)
{
  center_view_at (self, self->drag_center + dx, FALSE);
}

static void
view_changed_cb (EntenteOverview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
entente_overview_set_view (EntenteOverview     *self,
                           EntenteTimelineView *view)
{
  g_return_if_fail (ENTENTE_IS_OVERVIEW (self));
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (view));

  self->view = view;
  g_signal_connect_object (view, "notify::from-day", G_CALLBACK (view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::to-day", G_CALLBACK (view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
entente_overview_class_init (EntenteOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = entente_overview_snapshot;
  widget_class->measure = entente_overview_measure;
  gtk_widget_class_set_css_name (widget_class, "overview");
}

static void
entente_overview_init (EntenteOverview *self)
{
  GtkGesture *gesture;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("The whole timeline: drag to move the view"));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
entente_overview_new (void)
{
  return g_object_new (ENTENTE_TYPE_OVERVIEW, NULL);
}
