/* test-layout-checks.h: the rules every layout keeps, checked
 *
 * For the layout's tests and the chart's fuzz target, which checks them
 * on datasets made from its input. A broken rule aborts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-layout.h"

/* No label over another, or off the canvas. */
static inline void
check_texts (EntenteLayout *layout,
             const char    *what)
{
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  g_autoptr(GArray) rects = entente_layout_collect_text_rects (layout);

  for (guint i = 0; i < rects->len; i++)
    {
      const EntenteRect *a = &g_array_index (rects, EntenteRect, i);

      if (a->x < -0.01 || a->y < -0.01 ||
          a->x + a->width > viewport->width + 0.01 || a->y + a->height > viewport->height + 0.01)
        g_error ("%s: label %u (%.1f,%.1f %.1f×%.1f) leaves the %d×%d canvas",
                 what, i, a->x, a->y, a->width, a->height, viewport->width, viewport->height);
      for (guint j = i + 1; j < rects->len; j++)
        {
          const EntenteRect *b = &g_array_index (rects, EntenteRect, j);

          if (entente_rect_intersects (a, b))
            g_error ("%s: labels %u (%.1f,%.1f %.1f×%.1f) and %u (%.1f,%.1f %.1f×%.1f) overlap",
                     what, i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
        }
    }
}

/* Events and clusters are whole boxes (marker, bar, label): none may
 * touch another, and none may leave the plot's lanes. */
static inline void
check_items (EntenteLayout *layout,
             const char    *what)
{
  guint n_items, n_clusters;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);
  const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n_clusters);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (EntenteRect));
  EntenteRect plot;

  entente_layout_get_plot_rect (layout, &plot);
  for (guint i = 0; i < n_items; i++)
    {
      g_array_append_val (boxes, items[i].rect);
      if (items[i].text != NULL)
        {
          /* Labels lie inside the plot, and within their own box. */
          g_assert_cmpfloat (items[i].text_rect.x, >=, plot.x - 0.01);
          g_assert_cmpfloat (items[i].text_rect.x + items[i].text_rect.width, <=, plot.x + plot.width + 0.01);
          g_assert_cmpfloat (items[i].text_rect.x, >=, items[i].rect.x - 0.01);
          g_assert_cmpfloat (items[i].text_rect.width, >, 0);
          /* No label takes more than its share of a line. */
          if (items[i].text_rect.width > MIN (360, plot.width * 0.45) + 0.01)
            g_error ("%s: the label of event %u is %.1f px wide", what, items[i].event,
                     items[i].text_rect.width);
          /* A span's label lies on its bar or wholly after it, never
           * across the bar's end. */
          if (items[i].bar.width > 0)
            {
              double bar_end = items[i].bar.x + items[i].bar.width;
              double text_end = items[i].text_rect.x + items[i].text_rect.width;

              if (text_end > bar_end + 0.01 && items[i].text_rect.x < bar_end - 0.01)
                g_error ("%s: the label of event %u runs from %.1f across its bar's end at %.1f to %.1f",
                         what, items[i].event, items[i].text_rect.x, bar_end, text_end);
            }
        }
      g_assert_cmpfloat (items[i].rect.y, >=, plot.y);
      g_assert_cmpfloat (items[i].rect.y + items[i].rect.height, <=, plot.y + plot.height);
    }
  for (guint i = 0; i < n_clusters; i++)
    {
      g_array_append_val (boxes, clusters[i].rect);
      g_assert_cmpuint (clusters[i].count, >, 0);
      g_assert_cmpfloat (clusters[i].rect.x, >=, plot.x);
      g_assert_cmpfloat (clusters[i].rect.x + clusters[i].rect.width, <=, plot.x + plot.width + 0.01);
    }

  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len; j++)
      {
        const EntenteRect *a = &g_array_index (boxes, EntenteRect, i);
        const EntenteRect *b = &g_array_index (boxes, EntenteRect, j);

        if (entente_rect_intersects (a, b))
          g_error ("%s: event boxes %u (%.1f,%.1f %.1f×%.1f) and %u (%.1f,%.1f %.1f×%.1f) overlap",
                   what, i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
      }
}

/* Every event in view is drawn once or counted once in a cluster; every
 * other event is nowhere. */
static inline void
check_events_accounted (EntenteLayout              *layout,
                        const EntenteLayoutOptions *options,
                        const char                 *what)
{
  EntenteDataset *dataset = entente_layout_get_dataset (layout);
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  guint n_items, n_clusters, n_events;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);
  const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n_clusters);
  const EntenteEvent *events = entente_dataset_get_events (dataset, &n_events);
  g_autofree guint *per_cluster = g_new0 (guint, MAX (n_clusters, 1));
  g_autofree guint *matched = g_new0 (guint, MAX (n_clusters, 1));
  guint visible = 0, counted = n_items;

  for (guint i = 0; i < n_clusters; i++)
    counted += clusters[i].count;

  for (guint i = 0; i < n_events; i++)
    {
      gboolean hidden = options != NULL && options->hidden_categories != NULL &&
                        events[i].category >= 0 && options->hidden_categories[events[i].category];
      gboolean in_view = !hidden && events[i].start_day < viewport->to_day &&
                         events[i].end_day > viewport->from_day;
      guint index = G_MAXUINT;
      EntentePlacement placement = entente_layout_find_event (layout, i, &index);

      if (!in_view)
        {
          if (placement != ENTENTE_PLACED_NONE)
            g_error ("%s: event %u is out of view but placed", what, i);
          continue;
        }
      visible++;
      if (placement == ENTENTE_PLACED_ITEM)
        g_assert_cmpuint (items[index].event, ==, i);
      else if (placement == ENTENTE_PLACED_CLUSTER)
        {
          g_assert_cmpuint (index, <, n_clusters);
          g_assert_cmpuint (i, >=, clusters[index].first_event);
          g_assert_cmpuint (i, <=, clusters[index].last_event);
          per_cluster[index]++;
          if (options != NULL && options->matches != NULL && options->matches[i])
            matched[index]++;
        }
      else
        g_error ("%s: event %u (%s) is in view but neither drawn nor counted",
                 what, i, events[i].title);
    }

  if (visible != counted)
    g_error ("%s: %u events in view, %u drawn or counted", what, visible, counted);
  for (guint i = 0; i < n_clusters; i++)
    {
      g_assert_cmpuint (per_cluster[i], ==, clusters[i].count);
      /* With a search, a badge counts its matches too. */
      g_assert_cmpuint (matched[i], ==, clusters[i].matched);
    }
}
