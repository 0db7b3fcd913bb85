/* entente-sources-window.h: every source of a dataset, with its citation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_SOURCES_WINDOW (entente_sources_window_get_type ())
G_DECLARE_FINAL_TYPE (EntenteSourcesWindow, entente_sources_window, ENTENTE, SOURCES_WINDOW, AdwWindow)

/* Lists the sources of dataset in its order, each with its citation and
 * how much the dataset quotes it, in a window over parent. */
EntenteSourcesWindow *entente_sources_window_present (GtkWindow      *parent,
                                                      EntenteDataset *dataset);
/* Lists dataset's sources instead, as when its file is read again. */
void                  entente_sources_window_set_dataset (EntenteSourcesWindow *self,
                                                          EntenteDataset       *dataset);

G_END_DECLS
