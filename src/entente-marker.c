/* entente-marker.c: an event category's marker, as the chart draws it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "entente-marker.h"
#include "entente-render.h"
#include "entente-style.h"

#define SIZE 10.0  /* as on the chart */

struct _EntenteMarker
{
  GtkWidget       parent_instance;

  EntenteDataset *dataset;
  int             category;
};

G_DEFINE_FINAL_TYPE (EntenteMarker, entente_marker, GTK_TYPE_WIDGET)

/* The style every marker draws with, made again only when the system's
 * changes: a list redraws its markers at every step of a scroll. The
 * colours come out as the chart's, held to the same contrast. */
static const EntenteStyle *
marker_style (void)
{
  static EntenteStyle *style;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);

  if (style == NULL || style->dark != dark || style->high_contrast != high_contrast)
    {
      g_clear_pointer (&style, entente_style_free);
      style = entente_style_new_full (dark, high_contrast);
    }
  return style;
}

static void
entente_marker_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  EntenteMarker *self = ENTENTE_MARKER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->dataset == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  entente_render_category_marker (self->dataset, marker_style (), self->category,
                                  width / 2.0, height / 2.0, SIZE, cr);
  cairo_destroy (cr);
}

static void
entente_marker_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* Room for the marker and its rim. */
  *minimum = *natural = (int) SIZE + 4;
}

static void
entente_marker_dispose (GObject *object)
{
  EntenteMarker *self = ENTENTE_MARKER (object);

  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (entente_marker_parent_class)->dispose (object);
}

static void
entente_marker_class_init (EntenteMarkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_marker_dispose;
  widget_class->snapshot = entente_marker_snapshot;
  widget_class->measure = entente_marker_measure;
  gtk_widget_class_set_css_name (widget_class, "marker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
entente_marker_init (EntenteMarker *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->category = -1;
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
entente_marker_new (void)
{
  return g_object_new (ENTENTE_TYPE_MARKER, NULL);
}

void
entente_marker_set_category (EntenteMarker  *self,
                             EntenteDataset *dataset,
                             int             category)
{
  g_return_if_fail (ENTENTE_IS_MARKER (self));
  g_return_if_fail (dataset == NULL || ENTENTE_IS_DATASET (dataset));

  if (self->dataset == dataset && self->category == category)
    return;
  g_set_object (&self->dataset, dataset);
  self->category = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
entente_marker_get_category (EntenteMarker *self)
{
  g_return_val_if_fail (ENTENTE_IS_MARKER (self), -1);
  return self->category;
}
