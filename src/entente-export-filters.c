/* entente-export-filters.c: what a view hid and matched, kept for later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-export-filters.h"

EntenteExportFilters *
entente_export_filters_new (EntenteDataset             *dataset,
                            const EntenteExportOptions *shown,
                            GBytes                     *matches)
{
  EntenteExportFilters *filters;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (shown != NULL, NULL);
  g_return_val_if_fail (matches == NULL ?
                        shown->matches == NULL :
                        (g_bytes_get_data (matches, NULL) == shown->matches &&
                         g_bytes_get_size (matches) == sizeof (gboolean) * entente_dataset_get_n_events (dataset)),
                        NULL);

  filters = g_new0 (EntenteExportFilters, 1);
  if (shown->hidden_categories != NULL)
    filters->hidden_categories = g_memdup2 (shown->hidden_categories,
                                            sizeof (gboolean) * MAX (entente_dataset_get_n_categories (dataset), 1));
  if (shown->hidden_kinds != NULL)
    filters->hidden_kinds = g_memdup2 (shown->hidden_kinds,
                                       sizeof (gboolean) * MAX (entente_dataset_get_n_period_kinds (dataset), 1));
  if (matches != NULL)
    filters->matches = g_bytes_ref (matches);
  if (shown->previous != NULL)
    filters->previous = g_object_ref (shown->previous);
  return filters;
}

void
entente_export_filters_free (EntenteExportFilters *filters)
{
  if (filters == NULL)
    return;
  g_free (filters->hidden_categories);
  g_free (filters->hidden_kinds);
  g_clear_pointer (&filters->matches, g_bytes_unref);
  g_clear_object (&filters->previous);
  g_free (filters);
}

void
entente_export_filters_apply (const EntenteExportFilters *filters,
                              EntenteExportOptions       *options)
{
  g_return_if_fail (filters != NULL && options != NULL);

  options->hidden_categories = filters->hidden_categories;
  options->hidden_kinds = filters->hidden_kinds;
  options->matches = filters->matches != NULL ? g_bytes_get_data (filters->matches, NULL) : NULL;
  options->previous = filters->previous;
}
