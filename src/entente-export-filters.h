/* entente-export-filters.h: what a view hid and matched, kept for later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "entente-dataset.h"
#include "entente-export.h"

G_BEGIN_DECLS

/* What the window hid and its search matched when an export or a print
 * was asked for, copied or held: the export, on a thread, outlives both
 * the dialog and any change in the window. The matches, a flag for every
 * event, never change once made, so they are held rather than copied. */
typedef struct {
  gboolean      *hidden_categories;
  gboolean      *hidden_kinds;
  GBytes        *matches;
  EntenteLayout *previous;
} EntenteExportFilters;

/* From shown, as entente_timeline_view_get_export_options () gives it;
 * matches is the bytes whose data shown->matches is, or NULL. */
EntenteExportFilters *entente_export_filters_new   (EntenteDataset             *dataset,
                                                    const EntenteExportOptions *shown,
                                                    GBytes                     *matches);
void                  entente_export_filters_free  (EntenteExportFilters       *filters);
/* Points options' flags and previous layout at the filters', which must
 * outlive its use. */
void                  entente_export_filters_apply (const EntenteExportFilters *filters,
                                                    EntenteExportOptions       *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteExportFilters, entente_export_filters_free)

G_END_DECLS
