/* entente-print.c: the chart on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "entente-export-filters.h"
#include "entente-print.h"

/* Charts are laid out in pixels of 1/96 inch, as on screen: 12-pixel
 * labels come out at 9 points. */
#define POINTS_PER_PIXEL (72.0 / 96.0)

typedef struct {
  EntenteDataset       *dataset;
  EntenteExportOptions  options;
  EntenteExportFilters *filters;
} PrintJob;

static void
print_job_free (gpointer  data,
                GClosure *closure)
{
  PrintJob *job = data;

  g_clear_object (&job->dataset);
  g_clear_pointer (&job->filters, entente_export_filters_free);
  g_free (job);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  EntenteExportOptions options = job->options;

  options.width = (int) floor (gtk_print_context_get_width (context) / POINTS_PER_PIXEL);
  options.height = (int) floor (gtk_print_context_get_height (context) / POINTS_PER_PIXEL);
  if (options.width < 16 || options.height < 16)
    return;
  cairo_save (cr);
  cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  entente_export_draw (job->dataset, &options, cr);
  cairo_restore (cr);
}

GtkPrintOperation *
entente_print_operation_new (EntenteDataset             *dataset,
                             const EntenteExportOptions *shown,
                             GBytes                     *matches)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  PrintJob *job;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (shown != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  job->dataset = g_object_ref (dataset);
  job->options = *shown;
  /* Paper is white; and the page is laid out afresh at its own size. */
  job->options.dark = FALSE;
  job->options.on_paper = TRUE;
  job->filters = entente_export_filters_new (dataset, shown, matches);
  g_clear_object (&job->filters->previous);
  entente_export_filters_apply (job->filters, &job->options);

  operation = gtk_print_operation_new ();
  /* A timeline is wider than it is tall. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, entente_dataset_get_title (dataset));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job, print_job_free, 0);
  return operation;
}
