/* test-data.h: datasets for tests that need one loaded, not tested
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "entente-dataset.h"

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
