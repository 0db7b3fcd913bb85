/* entente-search.h: finding text in a dataset's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

/* Which events hold text in their title, summary or excerpts, ignoring
 * case as Unicode folds it: one flag per event, and their count in
 * n_found. It only reads the dataset, so it may run on a thread of its
 * own; once cancellable is cancelled it stops and returns NULL. */
gboolean *entente_search_events (EntenteDataset *dataset,
                                 const char     *text,
                                 GCancellable   *cancellable,
                                 guint          *n_found);

G_END_DECLS
