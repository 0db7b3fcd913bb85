/* entente-print.h: the chart on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "entente-dataset.h"
#include "entente-export.h"

G_BEGIN_DECLS

/* A print operation for the chart as shown (as
 * entente_timeline_view_get_export_options () gives it, with matches the
 * bytes of its search's flags or NULL): one page, landscape unless
 * chosen otherwise, on white, in the window's contrast and text size.
 * What it needs is copied or held, so that the window may change while
 * the print dialog is open. */
GtkPrintOperation *entente_print_operation_new (EntenteDataset             *dataset,
                                                const EntenteExportOptions *shown,
                                                GBytes                     *matches);

G_END_DECLS
