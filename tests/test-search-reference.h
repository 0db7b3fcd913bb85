/* test-search-reference.h: what a search must find, found the slow way
 *
 * For the search's tests and its fuzz target, which check the search's
 * short cuts against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "entente-dataset.h"

/* What a search must find, the slow way: every string folded whole. */
static inline gboolean
entente_test_search_reference (EntenteDataset     *dataset,
                               const EntenteEvent *event,
                               const char         *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);
  const char *fields[2] = { event->title, event->summary };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *folded = fields[i] ? g_utf8_casefold (fields[i], -1) : NULL;

      if (folded != NULL && strstr (folded, needle) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < event->n_excerpts; i++)
    {
      g_autofree char *folded =
        g_utf8_casefold (entente_dataset_get_excerpt (dataset, event->first_excerpt + i)->quote, -1);

      if (strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}
