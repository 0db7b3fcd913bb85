/* entente-export.h: write a chart to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "entente-dataset.h"
#include "entente-layout.h"

G_BEGIN_DECLS

#define ENTENTE_EXPORT_ERROR (entente_export_error_quark ())

typedef enum {
  ENTENTE_EXPORT_ERROR_FORMAT, /* unknown extension */
  ENTENTE_EXPORT_ERROR_RANGE,  /* from/to unparsable or empty */
  ENTENTE_EXPORT_ERROR_SIZE,   /* width/height/scale out of bounds */
  ENTENTE_EXPORT_ERROR_WRITE,  /* could not write or rename into place */
} EntenteExportError;

typedef enum {
  ENTENTE_EXPORT_PNG,
  ENTENTE_EXPORT_SVG,
  ENTENTE_EXPORT_PDF,
} EntenteExportFormat;

typedef struct {
  /* Visible range in days since 0001-01-01, end exclusive. When
   * has_range is FALSE the dataset's whole range (with a margin) is used. */
  gboolean has_range;
  gint64   from_day;
  gint64   to_day;
  int      width;   /* logical pixels (points for PDF/SVG), default 1600 */
  int      height;  /* default 900 */
  double   scale;   /* device pixels per logical pixel for PNG, default 1 */
  gboolean dark;
  gboolean high_contrast;  /* see EntenteStyle */
  double   text_scale;     /* see entente_style_scale_text (); default 1 */
  gboolean on_paper;       /* the canvas round the plot left white, to print */
  int      selected_event; /* -1 for none */
  int      selected_period; /* -1 for none */
  /* What the window hides and what its search matches, so that a chart
   * exported from it looks as it does there: one flag per category,
   * period kind and event, or NULL. Borrowed for the export's length. */
  const gboolean *hidden_categories;
  const gboolean *hidden_kinds;
  const gboolean *matches;
  /* The layout that the window's followed (see EntenteLayoutOptions),
   * so that a view exported at the window's size and range has every
   * event where the window has it; NULL for none. Borrowed likewise. */
  EntenteLayout  *previous;
} EntenteExportOptions;

GQuark   entente_export_error_quark        (void);

void     entente_export_options_init       (EntenteExportOptions *options);

/* From the path's extension (case-insensitive): .png, .svg, .pdf. */
gboolean entente_export_format_from_path   (const char           *path,
                                            EntenteExportFormat  *format,
                                            GError              **error);

/* Writes atomically: the chart goes to a temporary file beside path and is
 * renamed over it only once complete, so on failure nothing (or the old
 * file, untouched) is left at path. */
gboolean entente_export_to_file            (EntenteDataset             *dataset,
                                            const EntenteExportOptions *options,
                                            const char                 *path,
                                            GError                    **error);

/* The chart as the PNG export draws it, in memory: an ARGB32 image of
 * options->width × options->height times options->scale pixels. NULL,
 * with the reason, when the options cannot be drawn. */
cairo_surface_t *entente_export_to_image   (EntenteDataset             *dataset,
                                            const EntenteExportOptions *options,
                                            GError                    **error);

/* Draws the chart as an export would, options->width × options->height
 * in cr's units, onto cr as it is: for a page being printed. Nothing is
 * checked but what a caller could not have meant. */
void     entente_export_draw               (EntenteDataset             *dataset,
                                            const EntenteExportOptions *options,
                                            cairo_t                    *cr);

G_END_DECLS
