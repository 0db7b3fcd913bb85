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
#include "entente-search.h"

/* The strings a search looks in: the event's title, its summary when it
 * has one, and its quotations. */
static inline GPtrArray *
entente_test_event_strings (EntenteDataset     *dataset,
                            const EntenteEvent *event)
{
  GPtrArray *strings = g_ptr_array_new ();

  g_ptr_array_add (strings, (gpointer) event->title);
  if (event->summary != NULL)
    g_ptr_array_add (strings, (gpointer) event->summary);
  for (guint i = 0; i < event->n_excerpts; i++)
    g_ptr_array_add (strings, (gpointer) entente_dataset_get_excerpt (dataset, event->first_excerpt + i)->quote);
  return strings;
}

/* What a search must find, the slow way: every string folded whole. */
static inline gboolean
entente_test_search_reference (EntenteDataset     *dataset,
                               const EntenteEvent *event,
                               const char         *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autoptr(GPtrArray) strings = entente_test_event_strings (dataset, event);

  for (guint i = 0; i < strings->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (strings->pdata[i], -1);

      if (strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* How many places entente_search_find () gives for text in the event's
 * strings, or -1 when one of them is wrong: out of order, overlapping
 * the one before, not on whole characters, or not holding text once
 * folded. */
static inline int
entente_test_search_places (EntenteDataset     *dataset,
                            const EntenteEvent *event,
                            const char         *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autoptr(GPtrArray) strings = entente_test_event_strings (dataset, event);
  int places = 0;

  for (guint s = 0; s < strings->len; s++)
    {
      const char *string = strings->pdata[s];
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
      guint done = 0;

      entente_search_find (string, text, ranges);
      if (ranges->len % 2 != 0)
        return -1;
      for (guint r = 0; r < ranges->len; r += 2)
        {
          guint start = g_array_index (ranges, guint, r), end = g_array_index (ranges, guint, r + 1);
          g_autofree char *folded = NULL;

          if (start < done || start >= end || end > strlen (string) ||
              !g_utf8_validate (string + start, end - start, NULL))
            return -1;
          folded = g_utf8_casefold (string + start, end - start);
          if (strstr (folded, needle) == NULL)
            return -1;
          done = end;
          places++;
        }
    }
  return places;
}
