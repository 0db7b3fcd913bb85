/* entente-text-cache.h: text measured once for every layout of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_TEXT_CACHE (entente_text_cache_get_type ())
G_DECLARE_FINAL_TYPE (EntenteTextCache, entente_text_cache, ENTENTE, TEXT_CACHE, GObject)

/* Measuring and shaping text is most of what a layout costs. Layouts
 * given the same cache (through EntenteLayoutOptions) keep what they
 * measured for the next one, so that a view panning or zooming through a
 * dataset measures only what comes into view. A cache serves the layouts
 * of one dataset, made on one thread at a time; it keeps the size of
 * every event label it measured and the shaped text of the most recent
 * few thousand strings. */
EntenteTextCache *entente_text_cache_new (EntenteDataset *dataset);

G_END_DECLS
