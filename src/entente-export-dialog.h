/* entente-export-dialog.h: choose how to export the chart, then write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-dataset.h"
#include "entente-export.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_EXPORT_DIALOG (entente_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EntenteExportDialog, entente_export_dialog, ENTENTE, EXPORT_DIALOG, AdwWindow)

/* Offers the view shown (as entente_timeline_view_get_export_options ()
 * gives it, copied) or the whole range, in the style the window shows,
 * with what it hides and its search's matches, held from matches, whose
 * data shown->matches must be; parent receives a toast when the file is
 * written. */
void entente_export_dialog_present (GtkWindow                  *parent,
                                    EntenteDataset             *dataset,
                                    const EntenteExportOptions *shown,
                                    GBytes                     *matches);

/* Writes the chart as the dialog is set to file, as the file chooser's
 * Export button does, and closes the dialog. */
void entente_export_dialog_export_to (EntenteExportDialog *self,
                                      GFile               *file);

G_END_DECLS
