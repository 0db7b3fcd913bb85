/* entente-search.h: finding text in a dataset's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-dataset.h"

G_BEGIN_DECLS

/* A search's text may begin with this and the id of one of the
 * dataset's sources ("source:radchenko-2020"): then only the events
 * that quote that source match, and the rest of the text, after a
 * space, is looked for in them. Not translated: it is typed as it is in
 * any language, as a dataset's ids are. */
#define ENTENTE_SEARCH_SOURCE_PREFIX "source:"

/* Which events hold text in their title, summary or excerpts, ignoring
 * case as Unicode folds it (and, after ENTENTE_SEARCH_SOURCE_PREFIX and
 * a source's id, quote that source): one flag per event, and their
 * count in n_found. Only the events flagged in within (one flag per event of the
 * dataset) are looked at, or all when it is NULL: the matches of a text
 * that this text holds, when the user types on, narrow it down. It only
 * reads the dataset, so it may run on a thread of its own; once
 * cancellable is cancelled it stops and returns NULL. */
gboolean *entente_search_events (EntenteDataset *dataset,
                                 const char     *text,
                                 const gboolean *within,
                                 GCancellable   *cancellable,
                                 guint          *n_found);
/* Whether text narrows broader down: folded as a search folds them,
 * every string that holds text holds broader (and text keeps to the
 * source broader keeps to, if any), so the matches of text are among
 * those of broader, and may be looked for within them. */
gboolean  entente_search_narrows (EntenteDataset *dataset,
                                  const char     *text,
                                  const char     *broader);
/* The words of a search's text that are looked for, past the source it
 * keeps to, if it names one (its index in source, or -1): a pointer
 * into text. */
const char *entente_search_split (EntenteDataset *dataset,
                                  const char     *text,
                                  int            *source);

/* Where text holds needle, ignoring case as a search does: the byte
 * offsets into text of each match's start and end, in turn, appended to
 * ranges (of guint). Matches do not overlap; one that begins or ends
 * within a character's folding (the second "s" of "ß") takes in the
 * whole character. Nothing for an empty needle, or text that is not
 * UTF-8. */
void      entente_search_find    (const char     *text,
                                  const char     *needle,
                                  GArray         *ranges);

G_END_DECLS
