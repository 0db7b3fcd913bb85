/* bench-minimal-window.c: the least a libadwaita application can show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick for Entente's start-up: an application with an id, as
 * Entente has, opening a window of Entente's default size with a header
 * bar and one drawn widget. With ENTENTE_EXIT_AFTER_FIRST_FRAME=1 it
 * quits once that widget's first frame is painted, the same signal
 * Entente's timeline gives.
 */
#include <adwaita.h>

static gboolean drawn = FALSE;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, widget);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);

  if (!drawn && g_strcmp0 (g_getenv ("ENTENTE_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (area)), "after-paint",
                      G_CALLBACK (after_paint_cb), area);
  drawn = TRUE;
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, NULL, NULL);
  gtk_box_append (GTK_BOX (box), area);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.entente.BenchMinimal",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
