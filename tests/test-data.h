/* test-data.h: datasets for tests that need one loaded, not tested
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "entente-dataset.h"
#include "entente-layout.h"

static inline EntenteDataset *
entente_test_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  EntenteDataset *dataset = entente_dataset_new_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* A dataset from its text, as if read from a file called name. */
static inline EntenteDataset *
entente_test_load_json (const char *json,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  EntenteDataset *dataset = entente_dataset_new_from_bytes (bytes, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* Far more events than a chart shows one by one: n of them, "Event 0"
 * on, a year each from 1700 to 1999 at random, every fourth by the
 * first party and the rest by the second. The text of the dataset. */
static inline char *
entente_test_many_events_json (guint       n,
                               guint32     seed,
                               const char *first,
                               const char *second)
{
  GString *json = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_string_printf (json, "{ \"format\": \"entente/1\", \"title\": \"Many\", "
                         "\"parties\": [\"%s\", \"%s\"], \"events\": [", first, second);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"Event %u\", \"date\": \"%d\", \"actor\": \"%s\" }",
                            i ? ", " : "", i, i, g_rand_int_range (rand, 1700, 2000), i % 4 ? second : first);
  g_string_append (json, "] }");
  return g_string_free (json, FALSE);
}

/* The same, loaded. */
static inline EntenteDataset *
entente_test_many_events (guint       n,
                          guint32     seed,
                          const char *first,
                          const char *second)
{
  g_autofree char *json = entente_test_many_events_json (n, seed, first, second);

  return entente_test_load_json (json, "many.json");
}

/* Of the events labelled in both layouts, with their marker in after
 * further than edge (a share of the plot's width) from either end, how
 * many after puts in another lane; *compared counts every one looked at. */
static inline guint
entente_test_lanes_changed (EntenteLayout *before,
                            EntenteLayout *after,
                            double         edge,
                            guint         *compared)
{
  const EntenteEventItem *a, *b;
  guint n_a, n_b, changed = 0;
  EntenteRect plot;

  a = entente_layout_get_items (before, &n_a);
  b = entente_layout_get_items (after, &n_b);
  entente_layout_get_plot_rect (after, &plot);
  for (guint j = 0; j < n_b; j++)
    {
      if (b[j].text == NULL || b[j].x < plot.x + plot.width * edge || b[j].x > plot.x + plot.width * (1 - edge))
        continue;
      for (guint i = 0; i < n_a; i++)
        if (a[i].event == b[j].event)
          {
            if (a[i].text != NULL)
              {
                changed += a[i].side != b[j].side || a[i].lane != b[j].lane;
                (*compared)++;
              }
            break;
          }
    }
  return changed;
}
