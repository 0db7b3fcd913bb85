/* entente-export-dialog.h: choose how to export the chart, then write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_EXPORT_DIALOG (entente_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EntenteExportDialog, entente_export_dialog, ENTENTE, EXPORT_DIALOG, AdwWindow)

/* Offers the view [from_day, to_day) or the whole range, in the style the
 * window shows; parent receives a toast when the file is written. */
void entente_export_dialog_present (GtkWindow      *parent,
                                    EntenteDataset *dataset,
                                    double          from_day,
                                    double          to_day,
                                    gboolean        dark,
                                    int             selected_event);

G_END_DECLS
