/* test-layout.c: the chart's geometry, checked for every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "entente-layout.h"
#include "entente-render.h"
#include "test-data.h"
#include "test-layout-checks.h"
#include "test-fonts.h"

static const int widths[] = { 360, 480, 640, 800, 1024, 1366, 1600, 1920, 2560, 3840 };
static const int heights[] = { 480, 640, 900, 1440 };

/* Datasets */

/* EDTF writes years with at least four digits and a sign before the era. */
static void
append_year (GString *out,
             int      year)
{
  if (year < 0)
    g_string_append_printf (out, "-%04d", -year);
  else
    g_string_append_printf (out, "%04d", year);
}

static void
append_date (GString *out,
             GRand   *rand,
             int      year)
{
  int precision = g_rand_int_range (rand, 0, 3);

  g_string_append_c (out, '"');
  append_year (out, year);
  if (precision >= 1)
    g_string_append_printf (out, "-%02d", g_rand_int_range (rand, 1, 13));
  if (precision >= 2)
    g_string_append_printf (out, "-%02d", g_rand_int_range (rand, 1, 29));
  g_string_append_c (out, '"');
}

static const char *words[] = {
  "treaty", "border", "visit", "summit", "loan", "clash", "envoy", "railway",
  "agreement", "crisis", "talks", "withdrawal", "congress", "Договор", "边界", "alliance",
};

/* Random but reproducible: events over [first_year, last_year] in bursts,
 * with spans, every precision, every kind of actor, titles of any length. */
static EntenteDataset *
synthetic_dataset (guint    n_events,
                   int      first_year,
                   int      last_year,
                   guint    n_parties,
                   guint32  seed)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  int span = last_year - first_year;

  g_string_append (json, "{\"format\": \"entente/1\", \"title\": \"Synthetic\", \"parties\": [");
  for (guint i = 0; i < n_parties; i++)
    g_string_append_printf (json, "%s\"Party %u\"", i ? ", " : "", i);
  g_string_append (json, "], \"sources\": [{\"id\": \"s\", \"title\": \"Synthetic source\"}],"
                         "\"period_kinds\": [{\"id\": \"a\", \"label\": \"Kind A\", \"color\": \"#8fb8de\"},"
                         "{\"id\": \"b\", \"label\": \"Kind B\", \"color\": \"#e8a099\"},"
                         "{\"id\": \"c\", \"label\": \"Kind C\"}],"
                         "\"categories\": [{\"id\": \"c0\", \"label\": \"Zero\", \"color\": \"#3b78c4\"},"
                         "{\"id\": \"c1\", \"label\": \"One\", \"color\": \"#d23c3c\"},"
                         "{\"id\": \"c2\", \"label\": \"Two\"}, {\"id\": \"c3\", \"label\": \"Three\"}],"
                         "\"periods\": [");
  /* Periods tile the range, some with soft boundaries. */
  for (int i = 0, year = first_year; year < last_year; i++)
    {
      int end = MIN (year + 1 + g_rand_int_range (rand, 0, MAX (span / 4, 1)), last_year);

      g_string_append_printf (json, "%s{\"id\": \"p%d\", \"kind\": \"%c\", \"label\": \"Period %d\", \"start\": \"",
                              i ? ", " : "", i, "abc"[i % 3], i);
      append_year (json, year);
      g_string_append (json, i % 2 ? "~" : "");
      g_string_append (json, "\", \"end\": \"");
      append_year (json, end);
      g_string_append (json, i % 3 == 1 ? "?\"}" : "\"}");
      year = end + 1;
    }
  g_string_append (json, "], \"events\": [");
  for (guint i = 0; i < n_events; i++)
    {
      /* Bursts: most events near one of a few centres. */
      int centre = first_year + (int) ((i % 5) * span / 5);
      int year = CLAMP (centre + g_rand_int_range (rand, -span / 10 - 1, span / 10 + 2),
                        first_year, last_year);
      int actor = g_rand_int_range (rand, 0, n_parties + 2);
      guint n_words = g_rand_int_range (rand, 1, 9);

      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": ", i ? ",\n" : "", i);
      append_date (json, rand, year);
      if (g_rand_int_range (rand, 0, 6) == 0)
        {
          g_string_append (json, ", \"end\": ");
          append_date (json, rand, MIN (year + 1 + g_rand_int_range (rand, 0, MAX (span / 8, 1)), last_year + 1));
        }
      g_string_append_printf (json, ", \"title\": \"Event %u", i);
      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (json, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (json, "\"");
      if (g_rand_int_range (rand, 0, 5) > 0)
        g_string_append_printf (json, ", \"category\": \"c%d\"", g_rand_int_range (rand, 0, 4));
      if (actor < (int) n_parties)
        g_string_append_printf (json, ", \"actor\": \"Party %d\"", actor);
      else if (actor == (int) n_parties && n_parties > 0)
        g_string_append (json, ", \"actor\": \"joint\"");
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");
  return entente_test_load_json (json->str, "synthetic.json");
}

/* Checks */

static double
expected_x (EntenteLayout *layout,
            double         day)
{
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  EntenteRect plot;

  entente_layout_get_plot_rect (layout, &plot);
  return (day - viewport->from_day) / (viewport->to_day - viewport->from_day) * plot.width + plot.x;
}

static void
check_ticks (EntenteLayout *layout,
             const char    *what)
{
  guint n_ticks, n_labels = 0;
  const EntenteTick *ticks = entente_layout_get_ticks (layout, &n_ticks);
  EntenteRect plot;
  const EntenteTick *previous = NULL;

  entente_layout_get_plot_rect (layout, &plot);
  for (guint i = 0; i < n_ticks; i++)
    {
      if (i > 0)
        {
          g_assert_cmpint (ticks[i].day, >, ticks[i - 1].day);
          g_assert_cmpfloat (ticks[i].x, >, ticks[i - 1].x);
        }
      g_assert_cmpfloat (fabs (ticks[i].x - expected_x (layout, ticks[i].day)), <, 0.01);
      if (ticks[i].text == NULL)
        continue;
      g_assert_true (ticks[i].major);
      n_labels++;
      if (previous != NULL)
        {
          /* Readable: a clear gap between neighbouring labels. */
          double gap = ticks[i].text_rect.x - (previous->text_rect.x + previous->text_rect.width);

          if (gap < 8)
            g_error ("%s: tick labels at %.1f and %.1f are %.1f px apart", what,
                     previous->x, ticks[i].x, gap);
        }
      previous = &ticks[i];
    }
  /* Days are the finest unit: a narrower view may show one or none. */
  if (plot.width >= 300 && n_labels < 2 &&
      entente_layout_get_viewport (layout)->to_day - entente_layout_get_viewport (layout)->from_day >= 3)
    g_error ("%s: %u tick labels", what, n_labels);
}

static void
check_bands (EntenteLayout *layout,
             const char    *what)
{
  EntenteDataset *dataset = entente_layout_get_dataset (layout);
  guint n_bands;
  const EntenteBand *bands = entente_layout_get_bands (layout, &n_bands);

  for (guint i = 0; i < n_bands; i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, bands[i].period);
      double start = expected_x (layout, entente_date_start_day (&period->start));
      double start_end = expected_x (layout, entente_date_end_day (&period->start));
      double end_start = expected_x (layout, entente_date_start_day (&period->end));
      double end = expected_x (layout, entente_date_end_day (&period->end));

      if (period->start.qualifier == ENTENTE_QUALIFIER_NONE)
        {
          if (fabs (bands[i].x0 - start) > 1 || bands[i].x0 != bands[i].x0_full)
            g_error ("%s: band %s starts at %.1f, not %.1f", what, period->id, bands[i].x0, start);
        }
      else
        {
          /* Soft across the whole uncertain date, and then some. */
          g_assert_cmpfloat (bands[i].x0, <=, start + 0.01);
          g_assert_cmpfloat (bands[i].x0_full, >=, start_end - 0.01);
          g_assert_cmpfloat (bands[i].x0, <, bands[i].x0_full);
        }

      if (period->end.qualifier == ENTENTE_QUALIFIER_NONE)
        {
          if (fabs (bands[i].x1 - end) > 1 || bands[i].x1 != bands[i].x1_full)
            g_error ("%s: band %s ends at %.1f, not %.1f", what, period->id, bands[i].x1, end);
        }
      else
        {
          g_assert_cmpfloat (bands[i].x1, >=, end - 0.01);
          g_assert_cmpfloat (bands[i].x1_full, <=, end_start + 0.01);
          g_assert_cmpfloat (bands[i].x1_full, <, bands[i].x1);
        }
    }
}

/* A bar's height is its count times the scale all bars share: *scale,
 * or, while that is 0, this bar's. FALSE for a bar of no height. */
static gboolean
check_bar_scale (const EntenteRect *bar,
                 guint              count,
                 double            *scale)
{
  if (count == 0)
    {
      g_assert_cmpfloat (bar->height, ==, 0);
      return FALSE;
    }
  /* As tall as the column is dense: the columns at the ends of the plot
   * may be narrower or wider than the others. */
  if (*scale == 0)
    *scale = bar->height * bar->width / count;
  g_assert_cmpfloat (fabs (bar->height * bar->width / count - *scale), <, 1e-9 * *scale);
  return TRUE;
}

/* The histogram, where there is one, counts every shown event that
 * begins in view once, on its side, in the column of its start; its bars
 * share one scale, grow from the axis's zone, and stay in the plot. */
static void
check_volume (EntenteLayout              *layout,
              const EntenteLayoutOptions *options,
              const char                 *what)
{
  EntenteDataset *dataset = entente_layout_get_dataset (layout);
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  gboolean two = entente_dataset_get_n_parties (dataset) == 2;
  gint64 from = (gint64) ceil (viewport->from_day), to = (gint64) ceil (viewport->to_day);
  guint n, max, n_events, largest = 0, expected[3] = { 0, 0, 0 }, found[3] = { 0, 0, 0 };
  guint expected_matched[3] = { 0, 0, 0 }, found_matched[3] = { 0, 0, 0 };
  const gboolean *matches = options != NULL ? options->matches : NULL;
  double matched_scale = 0;
  const EntenteVolume *volume = entente_layout_get_volume (layout, &n, &max);
  const EntenteEvent *events = entente_dataset_get_events (dataset, &n_events);
  double scale = 0;
  EntenteRect plot;
  EntenteHit hit;

  if (volume == NULL)
    {
      g_assert_cmpuint (n, ==, 0);
      return;
    }
  entente_layout_get_plot_rect (layout, &plot);
  for (guint i = 0; i < n_events; i++)
    {
      gboolean hidden = options != NULL && options->hidden_categories != NULL &&
                        events[i].category >= 0 && options->hidden_categories[events[i].category];

      EntenteSide side;

      if (hidden || events[i].start_day < from || events[i].start_day >= to)
        continue;
      if (!two || events[i].actor == 0)
        side = ENTENTE_SIDE_ABOVE;
      else if (events[i].actor == 1)
        side = ENTENTE_SIDE_BELOW;
      else
        side = ENTENTE_SIDE_AXIS;
      expected[side]++;
      if (matches != NULL && matches[i])
        expected_matched[side]++;
    }

  for (guint i = 0; i < n; i++)
    {
      const EntenteVolume *v = &volume[i];

      g_assert_cmpint (v->from_day, <, v->to_day);
      if (i > 0)
        g_assert_cmpint (volume[i - 1].to_day, <=, v->from_day);
      for (guint side = 0; side < 3; side++)
        {
          found[side] += v->count[side];
          found_matched[side] += v->matched[side];
          g_assert_cmpuint (v->matched[side], <=, v->count[side]);
        }
      /* Matches' bars: from the same bases, on a scale of their own. */
      check_bar_scale (&v->matched_above, v->matched[ENTENTE_SIDE_ABOVE], &matched_scale);
      check_bar_scale (&v->matched_below, v->matched[ENTENTE_SIDE_BELOW], &matched_scale);
      g_assert_cmpfloat (fabs (v->matched_above.y + v->matched_above.height - (v->above.y + v->above.height)), <, 1e-9);
      g_assert_cmpfloat (v->matched_below.y, ==, v->below.y);
      largest = MAX (largest, MAX (v->count[ENTENTE_SIDE_ABOVE], v->count[ENTENTE_SIDE_BELOW]));
      g_assert_cmpfloat (v->above.y, >=, plot.y);
      g_assert_cmpfloat (v->below.y + v->below.height, <=, plot.y + plot.height);
      g_assert_cmpfloat (v->above.y + v->above.height, ==, volume[0].above.y + volume[0].above.height);
      g_assert_cmpfloat (v->below.y, ==, volume[0].below.y);
      g_assert_cmpfloat (v->above.y + v->above.height, <, v->below.y);
      for (guint k = 0; k < 2; k++)
        {
          const EntenteRect *bar = k == 0 ? &v->above : &v->below;
          guint count = v->count[k == 0 ? ENTENTE_SIDE_ABOVE : ENTENTE_SIDE_BELOW];

          if (!check_bar_scale (bar, count, &scale))
            continue;

          /* The middle of a bar points at it, unless something drawn
           * over it is there. */
          entente_layout_hit_test (layout, bar->x + bar->width / 2, bar->y + bar->height / 2, &hit);
          if (hit.type != ENTENTE_HIT_EVENT && hit.type != ENTENTE_HIT_CLUSTER)
            {
              if (hit.type != ENTENTE_HIT_VOLUME || hit.index != i ||
                  hit.side != (k == 0 ? ENTENTE_SIDE_ABOVE : ENTENTE_SIDE_BELOW))
                g_error ("%s: the middle of column %u's bar %s the axis hits %d %u", what, i,
                         k == 0 ? "above" : "below", hit.type, hit.index);
            }
        }
    }
  g_assert_cmpuint (largest, ==, max);
  for (guint side = 0; side < 3; side++)
    {
      if (found[side] != expected[side])
        g_error ("%s: the histogram counts %u events on side %u, the dataset %u",
                 what, found[side], side, expected[side]);
      if (found_matched[side] != expected_matched[side])
        g_error ("%s: the histogram counts %u matches on side %u, the dataset %u",
                 what, found_matched[side], side, expected_matched[side]);
    }
}

static void
check_hits (EntenteLayout *layout)
{
  guint n_items, n_clusters, n_legend;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);
  const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n_clusters);
  const EntenteLegendItem *legend = entente_layout_get_legend (layout, &n_legend);
  EntenteRect footer;
  EntenteHit hit;

  for (guint i = 0; i < n_items; i++)
    {
      EntenteRect rect;

      g_assert_true (entente_layout_hit_test (layout, items[i].x, items[i].y, &hit));
      g_assert_cmpint (hit.type, ==, ENTENTE_HIT_EVENT);
      g_assert_cmpuint (hit.index, ==, items[i].event);
      g_assert_true (entente_layout_get_event_rect (layout, items[i].event, &rect));
      g_assert_true (entente_rect_contains (&rect, items[i].x, items[i].y));
    }
  for (guint i = 0; i < n_clusters; i++)
    {
      const EntenteRect *r = &clusters[i].rect;

      g_assert_true (entente_layout_hit_test (layout, r->x + r->width / 2, r->y + r->height / 2, &hit));
      g_assert_cmpint (hit.type, ==, ENTENTE_HIT_CLUSTER);
      g_assert_cmpuint (hit.index, ==, i);
    }
  for (guint i = 0; i < n_legend; i++)
    {
      const EntenteRect *r = &legend[i].rect;

      g_assert_true (entente_layout_hit_test (layout, r->x + r->width / 2, r->y + r->height / 2, &hit));
      g_assert_cmpint (hit.type, ==, legend[i].type == ENTENTE_LEGEND_CATEGORY
                                     ? ENTENTE_HIT_LEGEND_CATEGORY : ENTENTE_HIT_LEGEND_KIND);
      g_assert_cmpuint (hit.index, ==, legend[i].index);
    }
  if (entente_layout_get_footer (layout, &footer) != NULL)
    {
      g_assert_true (entente_layout_hit_test (layout, footer.x + footer.width / 2, footer.y + footer.height / 2, &hit));
      g_assert_cmpint (hit.type, ==, ENTENTE_HIT_SOURCES);
    }
  g_assert_false (entente_layout_hit_test (layout, -10, -10, &hit));
  g_assert_cmpint (hit.type, ==, ENTENTE_HIT_NONE);
}

static EntenteLayout *
check_view_styled (EntenteDataset             *dataset,
                   double                      from_day,
                   double                      to_day,
                   int                         width,
                   int                         height,
                   const EntenteLayoutOptions *options,
                   const EntenteStyle         *style)
{
  g_autoptr(EntenteLayout) layout = NULL;
  EntenteViewport viewport = { from_day, to_day, width, height, 1 };
  g_autofree char *what = g_strdup_printf ("%d×%d, days %.1f–%.1f", width, height, from_day, to_day);

  layout = entente_layout_new (dataset, &viewport, style, options);
  g_assert_nonnull (layout);
  check_texts (layout, what);
  check_items (layout, what);
  check_ticks (layout, what);
  check_bands (layout, what);
  check_events_accounted (layout, options, what);
  check_volume (layout, options, what);
  check_hits (layout);
  return g_steal_pointer (&layout);
}

static void
check_view (EntenteDataset             *dataset,
            double                      from_day,
            double                      to_day,
            int                         width,
            int                         height,
            const EntenteLayoutOptions *options)
{
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = check_view_styled (dataset, from_day, to_day, width, height, options, style);

  g_assert_nonnull (layout);
}

static double
day_of (int   year,
        guint month,
        guint day)
{
  return entente_days_from_civil (year, month, day);
}

/* Views: the whole range, then closer and closer, then panning. */
static void
check_views (EntenteDataset             *dataset,
             const EntenteLayoutOptions *options,
             guint                       width_step)
{
  double from, to, span;

  entente_layout_default_range (dataset, &from, &to);
  span = to - from;
  for (guint w = 0; w < G_N_ELEMENTS (widths); w += width_step)
    for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
      {
        check_view (dataset, from, to, widths[w], heights[h], options);
        for (double zoom = 4; zoom < span * 4; zoom *= 7)
          {
            double window = span / zoom;

            for (int pan = 0; pan < 3; pan++)
              {
                double start = from + (span - window) * pan / 2.0;

                check_view (dataset, start, start + window, widths[w], heights[h], options);
              }
          }
      }
}

/* Tests */

static void
test_bundled_views (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();

  check_views (dataset, NULL, 1);
  /* Close views where the bundled dataset is dense. */
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      check_view (dataset, day_of (1945, 1, 1), day_of (1970, 1, 1), widths[w], 900, NULL);
      check_view (dataset, day_of (1949, 1, 1), day_of (1950, 1, 1), widths[w], 640, NULL);
      check_view (dataset, day_of (1950, 2, 1), day_of (1950, 3, 1), widths[w], 640, NULL);
      check_view (dataset, day_of (1950, 2, 13), day_of (1950, 2, 16), widths[w], 480, NULL);
      check_view (dataset, day_of (1957, 6, 1) + 0.37, day_of (1961, 1, 1) + 0.81, widths[w], 480, NULL);
    }
}

/* The height of a text's line, as Pango lays it out. */
static double
text_height (PangoLayout *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

/* How many of the labels of events, periods and the legend are given
 * less height than their text's line; their count in n_labels. */
static guint
count_squeezed (EntenteLayout *layout,
                guint         *n_labels)
{
  const EntenteEventItem *items;
  const EntenteBand *bands;
  const EntenteLegendItem *legend;
  guint n, squeezed = 0;

  *n_labels = 0;
  items = entente_layout_get_items (layout, &n);
  for (guint i = 0; i < n; i++)
    if (items[i].text != NULL)
      {
        squeezed += items[i].text_rect.height < text_height (items[i].text) - 0.01;
        (*n_labels)++;
      }
  bands = entente_layout_get_bands (layout, &n);
  for (guint i = 0; i < n; i++)
    if (bands[i].text != NULL)
      {
        squeezed += bands[i].text_rect.height < text_height (bands[i].text) - 0.01;
        (*n_labels)++;
      }
  legend = entente_layout_get_legend (layout, &n);
  for (guint i = 0; i < n; i++)
    if (legend[i].text != NULL)
      {
        squeezed += legend[i].text_rect.height < text_height (legend[i].text) - 0.01;
        (*n_labels)++;
      }
  return squeezed;
}

/* Large text makes rows taller: the labels of the bundled dataset, of
 * its periods and of its legend, all in one font, each get a row as
 * tall as their line, and none overlaps another (nor do the labels of
 * two overlapping periods, nor the time axis's and the legend's), up to
 * three times the size. A label another font makes taller (Chinese among
 * Latin, whose lines are some 20 % taller) is given its row's height,
 * and still overlaps none. */
static void
test_large_text (void)
{
  g_autoptr(EntenteDataset) bundled = entente_test_load_bundled ();
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Mixed\", "
                                          "\"parties\": [\"Aland\", \"Borduria\"], "
                                          "\"period_kinds\": [{\"id\": \"k\", \"label\": \"Kind\"}], "
                                          "\"periods\": [{\"id\": \"p\", \"kind\": \"k\", \"label\": \"Alliance\", "
                                          "\"start\": \"1949-12\", \"end\": \"1950-03\"}, "
                                          "{\"id\": \"q\", \"kind\": \"k\", \"label\": \"Talks\", "
                                          "\"start\": \"1950-01-03\", \"end\": \"1950-05\"}], \"categories\": [");
  g_autoptr(EntenteDataset) mixed = NULL;
  const double scales[] = { 1, 1.25, 1.5, 2, 3 };
  double from, to;

  /* Enough kinds of event for the legend to take several rows. */
  for (guint i = 0; i < 16; i++)
    g_string_append_printf (json, "%s{\"id\": \"c%u\", \"label\": \"Category %u 条约\"}", i > 0 ? ", " : "", i, i);
  g_string_append (json, "], \"events\": [");
  for (guint i = 0; i < 24; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"1950-02-%02u\", "
                            "\"title\": \"Treaty %u 中苏友好同盟互助条约\", \"actor\": \"%s\", \"category\": \"c%u\"}",
                            i > 0 ? ", " : "", i, 10 + i % 4, i, i % 2 ? "Aland" : "Borduria", i % 16);
  g_string_append (json, "]}");
  mixed = entente_test_load_json (json->str, "mixed.json");
  entente_layout_default_range (bundled, &from, &to);

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      g_autoptr(EntenteStyle) style = entente_style_new_light ();
      g_autoptr(EntenteLayout) whole = NULL;
      g_autoptr(EntenteLayout) dense = NULL;
      g_autoptr(EntenteLayout) crowd = NULL;
      const EntenteBand *bands;
      guint n_labels, n_bands, n_stacked = 0;

      entente_style_scale_text (style, scales[k]);
      whole = check_view_styled (bundled, from, to, 1600, 900, NULL, style);
      g_assert_cmpuint (count_squeezed (whole, &n_labels), ==, 0);
      g_assert_cmpuint (n_labels, >, 10);
      dense = check_view_styled (bundled, day_of (1945, 1, 1), day_of (1970, 1, 1), 1200, 800, NULL, style);
      g_assert_cmpuint (count_squeezed (dense, &n_labels), ==, 0);
      g_assert_cmpuint (n_labels, >, scales[k] <= 2 ? 30 : 0);

      /* The periods' labels on two rows; the Chinese makes a label
       * taller than its row at some sizes. */
      crowd = check_view_styled (mixed, day_of (1950, 1, 1), day_of (1950, 4, 1), 1200, 800, NULL, style);
      bands = entente_layout_get_bands (crowd, &n_bands);
      for (guint i = 0; i < n_bands; i++)
        if (bands[i].text != NULL)
          {
            g_assert_cmpfloat_with_epsilon (bands[i].text_rect.height, text_height (bands[i].text), 0.01);
            n_stacked++;
          }
      g_assert_cmpuint (n_stacked, ==, 2);
      g_assert_cmpfloat (bands[0].text_rect.y, !=, bands[1].text_rect.y);
      if (scales[k] == 1.25)
        g_assert_cmpuint (count_squeezed (crowd, &n_labels), >, 0);
    }
}

/* A selected event's label is whole: one cut short where the event was
 * not selected is laid out again with it as the focus, which no later
 * neighbour may cut. (Labels of at most 200 px whose marker has 300 px of
 * plot to its right, so that only neighbours could cut them.) */
static void
test_selected_label_whole (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  guint checked = 0;

  for (int width = 900; width <= 1300; width += 50)
    {
      EntenteViewport viewport = { 0, 0, width, 780, 1 };
      g_autoptr(EntenteLayout) shown = NULL;
      const EntenteEventItem *items;
      EntenteRect plot;
      guint n;

      entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
      shown = entente_layout_new (dataset, &viewport, style, NULL);
      entente_layout_get_plot_rect (shown, &plot);
      items = entente_layout_get_items (shown, &n);
      for (guint i = 0; i < n; i++)
        {
          EntenteLayoutOptions options = { 0 };
          g_autoptr(EntenteLayout) selected = NULL;
          const EntenteEventItem *item;
          const char *title = entente_dataset_get_event (dataset, items[i].event)->title;
          g_autoptr(PangoLayout) whole = NULL;
          int title_width;

          if (items[i].text == NULL || entente_event_item_label_is_whole (&items[i]) ||
              items[i].x > plot.x + plot.width - 300)
            continue;
          whole = pango_layout_copy (items[i].text);
          pango_layout_set_width (whole, -1);
          pango_layout_set_ellipsize (whole, PANGO_ELLIPSIZE_NONE);
          pango_layout_set_text (whole, title, -1);
          pango_layout_get_pixel_size (whole, &title_width, NULL);
          if (title_width > 200)
            continue;

          options.previous = shown;
          selected = entente_layout_new_for_selection (dataset, &viewport, style, &options, (int) items[i].event);
          item = entente_layout_find_labelled (selected, items[i].event);
          g_assert_nonnull (item);
          if (!entente_event_item_label_is_whole (item))
            g_error ("at %d px, \"%s\" selected is still cut short", width, title);
          checked++;
        }
    }
  g_test_message ("%u labels cut short, whole once selected", checked);
  g_assert_cmpuint (checked, >=, 10);
}

static void
test_synthetic_views (void)
{
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(EntenteDataset) two = synthetic_dataset (300, 1600, 2020, 2, seed);
      g_autoptr(EntenteDataset) one = synthetic_dataset (120, 1900, 1990, 1, seed);
      g_autoptr(EntenteDataset) none = synthetic_dataset (80, -500, 400, 0, seed);

      check_views (two, NULL, 2);
      check_views (one, NULL, 3);
      check_views (none, NULL, 3);
    }
}

/* A dataset far larger than can be shown: the dense stretches become
 * clusters, and everything stays accounted for. */
static void
test_dense (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (20000, 1700, 2020, 2, 7);
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = NULL;
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  guint n_items, n_clusters, largest = 0;

  entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
  layout = entente_layout_new (dataset, &viewport, style, NULL);
  entente_layout_get_items (layout, &n_items);
  {
    const EntenteCluster *clusters = entente_layout_get_clusters (layout, &n_clusters);

    for (guint i = 0; i < n_clusters; i++)
      largest = MAX (largest, clusters[i].count);
  }
  g_assert_cmpuint (n_clusters, >, 0);
  g_assert_cmpuint (largest, >, 100);
  /* What is drawn one by one is bounded by the canvas, not the data. */
  g_assert_cmpuint (n_items, <, 1600 * 900 / 400);
  check_texts (layout, "dense");
  check_items (layout, "dense");
  check_events_accounted (layout, NULL, "dense");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w += 3)
    check_view (dataset, viewport.from_day, viewport.to_day, widths[w], 640, NULL);
  check_view (dataset, day_of (1765, 1, 1), day_of (1770, 1, 1), 1600, 900, NULL);
}

/* Where events crowd over much of the view, they are counted a stretch
 * at a time, not in one badge for all of them: the badges tell where
 * the events are. */
static void
test_crowds_keep_their_shape (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (20000, 1700, 2020, 2, 7);
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  double from, to;

  entente_layout_default_range (dataset, &from, &to);
  for (guint zoom = 0; zoom < 3; zoom++)
    {
      g_autoptr(EntenteLayout) layout = NULL;
      g_autofree char *what = NULL;
      const EntenteCluster *clusters;
      guint n_clusters, counted = 0, largest = 0;

      /* The whole range, then a fifth and a twenty-fifth of it around
       * the busiest burst. */
      viewport.from_day = (from + to) / 2 - (to - from) / 2 / pow (5, zoom);
      viewport.to_day = (from + to) / 2 + (to - from) / 2 / pow (5, zoom);
      what = g_strdup_printf ("days %.0f–%.0f", viewport.from_day, viewport.to_day);
      layout = entente_layout_new (dataset, &viewport, style, NULL);
      clusters = entente_layout_get_clusters (layout, &n_clusters);
      for (guint i = 0; i < n_clusters; i++)
        {
          if (clusters[i].x1 - clusters[i].x0 > 120.01)
            g_error ("%s: a cluster of %u events spreads over %.1f px", what, clusters[i].count,
                     clusters[i].x1 - clusters[i].x0);
          counted += clusters[i].count;
          largest = MAX (largest, clusters[i].count);
        }
      g_assert_cmpuint (counted, >, 1000);
      if (largest * 4 > counted)
        g_error ("%s: one badge counts %u of the %u events counted", what, largest, counted);
      check_items (layout, what);
      check_events_accounted (layout, NULL, what);
    }
}

/* The focus event, the one selected, is drawn on its own with its
 * label even where it would have been counted in a cluster, and every
 * other event is still drawn or counted once. */
static void
test_focus (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (20000, 1700, 2020, 2, 7);
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autofree gboolean *matches = g_new0 (gboolean, entente_dataset_get_n_events (dataset));
  double from, to;
  guint tried = 0;

  /* A search that matches every third event. */
  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i += 3)
    matches[i] = TRUE;
  entente_layout_default_range (dataset, &from, &to);
  for (guint zoom = 0; zoom < 4; zoom++)
    {
      EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
      g_autoptr(EntenteLayout) plain = NULL;
      guint n_events = entente_dataset_get_n_events (dataset), picked = 0;

      /* From the whole range to a 1 000th of it, around the busiest
       * burst. */
      viewport.from_day = (from + to) / 2 - (to - from) / 2 / pow (10, zoom);
      viewport.to_day = (from + to) / 2 + (to - from) / 2 / pow (10, zoom);
      plain = entente_layout_new (dataset, &viewport, style, NULL);

      for (guint event = 0; event < n_events && picked < 8; event += 7)
        {
          EntenteLayoutOptions options = { 0 };
          g_autoptr(EntenteLayout) layout = NULL;
          g_autofree char *what = NULL;
          const EntenteEventItem *items;
          guint index, n_items;

          if (entente_layout_find_event (plain, event, &index) != ENTENTE_PLACED_CLUSTER)
            continue;
          picked++;
          options.has_focus = TRUE;
          options.focus_event = event;
          /* Every other time following the view as it was before the
           * event was selected, whose items all hold their places: the
           * focus event takes one anyway. */
          if (picked % 2 == 0)
            options.previous = plain;
          /* And every third time during a search, which the badges
           * round the focus event count apart. */
          if (picked % 3 == 0)
            options.matches = matches;
          what = g_strdup_printf ("days %.0f–%.0f, focus on event %u%s", viewport.from_day, viewport.to_day,
                                  event, options.previous != NULL ? ", following" : "");
          layout = entente_layout_new (dataset, &viewport, style, &options);
          if (entente_layout_find_event (layout, event, &index) != ENTENTE_PLACED_ITEM)
            g_error ("%s: the focus event is not drawn on its own", what);
          items = entente_layout_get_items (layout, &n_items);
          if (items[index].text == NULL)
            g_error ("%s: the focus event has no label", what);
          check_items (layout, what);
          check_events_accounted (layout, &options, what);
        }
      g_assert_cmpuint (picked, >, 0);
      tried += picked;
    }
  g_assert_cmpuint (tried, >=, 16);
}

/* Views of a dense dataset at random places and zooms, as panning and
 * zooming bring them, each laid out in a child process with a time
 * limit: a layout that never ends fails rather than hanging the suite. */
static void
dense_pans_child (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (20000, 1700, 2020, 2, 11);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1950);
  guint n_events = entente_dataset_get_n_events (dataset);

  for (guint i = 0; i < 600; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, g_rand_int_range (rand, 0, n_events));
      /* From three days to thirty years, evenly on a logarithmic scale. */
      double window = exp (g_rand_double_range (rand, log (3), log (30 * 365.25)));
      double from = event->start_day - window * g_rand_double (rand);
      int width = widths[g_rand_int_range (rand, 3, G_N_ELEMENTS (widths))];

      check_view (dataset, from, from + window, width, heights[g_rand_int_range (rand, 1, 3)], NULL);
    }
}

/* A view where a label cut short to make room for a cluster ended a
 * rounding step past that room, and the cut was tried again forever. */
static void
rounding_child (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (20000, 1700, 2020, 2, 2);

  check_view (dataset, 639460.46891682514, 639724.11623116094, 1600, 640, NULL);
}

static void
run_in_time (GTestFunc func,
             guint     seconds)
{
  if (g_test_subprocess ())
    {
      func ();
      return;
    }
  g_test_trap_subprocess (NULL, seconds * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_dense_pans (void)
{
  run_in_time (dense_pans_child, 120);
}

static void
test_rounding_terminates (void)
{
  run_in_time (rounding_child, 60);
}

/* Panned by less than a column or by several, the histogram's columns
 * that stay in view hold the same days and the same counts: they keep
 * to a grid fixed in time, and pass with the events. */
static void
test_columns_follow_time (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (20000, 1700, 2020, 2, 7);
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  static const double shifts[] = { 0.1, 0.37, 0.5, 0.93, 2.25, 7.6 };  /* in columns */
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  g_autoptr(EntenteLayout) before = NULL;
  const EntenteVolume *a;
  guint n_a;

  entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
  before = entente_layout_new (dataset, &viewport, style, NULL);
  a = entente_layout_get_volume (before, &n_a, NULL);
  g_assert_cmpuint (n_a, >, 10);

  for (guint k = 0; k < G_N_ELEMENTS (shifts); k++)
    {
      /* Columns of 12 pixels, over the plot's width. */
      EntenteRect plot;
      double column_days, shift;
      EntenteViewport panned = viewport;
      g_autoptr(EntenteLayout) after = NULL;
      const EntenteVolume *b;
      guint n_b, same = 0;

      entente_layout_get_plot_rect (before, &plot);
      column_days = 12 * (viewport.to_day - viewport.from_day) / plot.width;
      shift = shifts[k] * column_days;
      panned.from_day += shift;
      panned.to_day += shift;
      after = entente_layout_new (dataset, &panned, style, NULL);
      b = entente_layout_get_volume (after, &n_b, NULL);
      g_assert_cmpuint (n_b, >, 10);

      /* Those away from either end of either view. */
      for (guint i = 2; i + 2 < n_a; i++)
        for (guint j = 2; j + 2 < n_b; j++)
          if (b[j].from_day == a[i].from_day)
            {
              g_assert_cmpint (b[j].to_day, ==, a[i].to_day);
              for (guint side = 0; side < 3; side++)
                g_assert_cmpuint (b[j].count[side], ==, a[i].count[side]);
              same++;
            }
      if (same < MIN (n_a, n_b) - 6 - (guint) ceil (shifts[k]))
        g_error ("panned by %.2f columns, %u of %u columns kept their days", shifts[k], same, n_a);
    }
}

/* Whether two layouts place every event alike. */
static void
assert_same_items (EntenteLayout *a,
                   EntenteLayout *b)
{
  const EntenteEventItem *items_a, *items_b;
  guint n_a, n_b;

  items_a = entente_layout_get_items (a, &n_a);
  items_b = entente_layout_get_items (b, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    {
      g_assert_cmpuint (items_a[i].event, ==, items_b[i].event);
      g_assert_cmpint (items_a[i].side, ==, items_b[i].side);
      g_assert_cmpuint (items_a[i].lane, ==, items_b[i].lane);
      g_assert_cmpfloat (items_a[i].text_rect.width, ==, items_b[i].text_rect.width);
    }
}

/* Dragged a few pixels at a time, a crowded view keeps its labels in
 * their lanes when each layout is given the one before: without, an
 * event coming into view or leaving it sends many of those after it
 * elsewhere. */
static void
test_pans_keep_lanes (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (60000, 1700, 2020, 2, 11);
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteTextCache) cache = entente_text_cache_new (dataset);
  guint changed[2] = { 0, 0 }, kept[2] = { 0, 0 };
  double lo, hi;

  entente_layout_default_range (dataset, &lo, &hi);
  for (guint follow = 0; follow < 2; follow++)
    for (guint place = 0; place < 6; place++)
      {
        EntenteLayoutOptions options = { 0 };
        double span = place % 2 ? 3652.4 : 365.2;
        EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
        g_autoptr(EntenteLayout) before = NULL;

        options.text_cache = cache;
        /* Near the middle of a burst, where events crowd. */
        viewport.from_day = lo + (hi - lo) * (0.2 * (place % 5) + 0.01) - span / 2;
        viewport.to_day = viewport.from_day + span;
        for (guint step = 0; step < 8; step++)
          {
            g_autoptr(EntenteLayout) after = NULL;
            double shift = 4 * span / 1600;

            viewport.from_day += shift;
            viewport.to_day += shift;
            options.previous = follow ? before : NULL;
            after = entente_layout_new (dataset, &viewport, style, &options);
            if (follow)
              {
                /* Following, a layout still keeps every rule. */
                check_texts (after, "following");
                check_items (after, "following");
                check_events_accounted (after, &options, "following");
                check_hits (after);
              }
            if (before != NULL)
              {
                guint compared = 0, moved = entente_test_lanes_changed (before, after, 0.1, &compared);

                changed[follow] += moved;
                kept[follow] += compared - moved;
              }
            g_set_object (&before, after);
          }
      }

  g_test_message ("lanes changed: %u of %u labels alone, %u of %u following",
                  changed[0], changed[0] + kept[0], changed[1], changed[1] + kept[1]);
  /* Enough labels crowd for lanes to change at all: one in twenty moves
   * when each layout is made alone. */
  g_assert_cmpuint (changed[0] + kept[0], >, 1500);
  g_assert_cmpuint (changed[0] * 20, >, changed[0] + kept[0]);
  /* Following, hardly one in a hundred, and no fewer labels. */
  g_assert_cmpuint (changed[1] * 100, <, changed[1] + kept[1]);
  g_assert_cmpuint (changed[1] * 10, <, changed[0]);
  g_assert_cmpuint (changed[1] + kept[1], >=, changed[0] + kept[0]);
}

/* A layout of another scale or size, as after a zoom or a resize, or
 * with text of another size, changes nothing: every event is where a
 * layout made afresh puts it. */
static void
test_zoom_ignores_previous (void)
{
  g_autoptr(EntenteDataset) dataset = synthetic_dataset (20000, 1700, 2020, 2, 11);
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  struct { double zoom; int width; double text; } changes[] = {
    { 1.25, 1600, 1 }, { 0.8, 1600, 1 }, { 1, 1500, 1 }, { 1, 1600, 1.25 },
  };
  double lo, hi;

  entente_layout_default_range (dataset, &lo, &hi);
  viewport.from_day = lo + (hi - lo) * 0.3;
  viewport.to_day = viewport.from_day + 3652.4;
  for (guint k = 0; k < G_N_ELEMENTS (changes); k++)
    {
      EntenteLayoutOptions options = { 0 };
      EntenteViewport other = viewport;
      g_autoptr(EntenteStyle) other_style = entente_style_copy (style);
      g_autoptr(EntenteLayout) shown = NULL;
      g_autoptr(EntenteLayout) fresh = NULL;
      g_autoptr(EntenteLayout) following = NULL;
      const EntenteEventItem *a;
      guint n_a, n_labelled = 0;

      /* Shown just before, a little earlier. */
      shown = entente_layout_new (dataset, &viewport, style, NULL);
      other.from_day += 40;
      other.to_day = other.from_day + (viewport.to_day - viewport.from_day) * changes[k].zoom;
      other.width = changes[k].width;
      entente_style_scale_text (other_style, changes[k].text);
      fresh = entente_layout_new (dataset, &other, other_style, NULL);
      options.previous = shown;
      following = entente_layout_new (dataset, &other, other_style, &options);

      assert_same_items (fresh, following);
      a = entente_layout_get_items (fresh, &n_a);
      for (guint i = 0; i < n_a; i++)
        n_labelled += a[i].text != NULL;
      g_assert_cmpuint (n_labelled, >, 40);
    }
}

/* Events a layout shows no more, as those of a category just hidden,
 * hold no place in the one that follows it: following a view of only
 * one category, a view of only the other is laid out as if afresh. */
static void
test_hidden_hold_nothing (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Two kinds\", "
                                          "\"parties\": [\"Aland\", \"Borduria\"], "
                                          "\"categories\": [{\"id\": \"a\", \"label\": \"A\"}, "
                                          "{\"id\": \"b\", \"label\": \"B\"}], \"events\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) only_a = NULL;
  g_autoptr(EntenteLayout) following = NULL;
  g_autoptr(EntenteLayout) fresh = NULL;
  gboolean hide_b[] = { FALSE, TRUE }, hide_a[] = { TRUE, FALSE };
  EntenteLayoutOptions options = { hide_b, NULL, FALSE };
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  guint n_items;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"1960-%02d-%02d\", "
                            "\"title\": \"Event %u on the frontier\", \"category\": \"%c\", "
                            "\"actor\": \"%s\"}",
                            i > 0 ? ", " : "", i, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                            i, "ab"[i % 2], i % 3 ? "Borduria" : "Aland");
  g_string_append (json, "]}");
  dataset = entente_test_load_json (json->str, "two-kinds.json");
  viewport.from_day = entente_days_from_civil (1960, 1, 1);
  viewport.to_day = entente_days_from_civil (1961, 1, 1);

  only_a = entente_layout_new (dataset, &viewport, style, &options);
  entente_layout_get_items (only_a, &n_items);
  g_assert_cmpuint (n_items, >, 100);
  options.hidden_categories = hide_a;
  fresh = entente_layout_new (dataset, &viewport, style, &options);
  options.previous = only_a;
  following = entente_layout_new (dataset, &viewport, style, &options);
  assert_same_items (fresh, following);
}

/* Draws a layout of a walk as the window would, with what it has
 * selected and something under the pointer. */
static void
draw_walked (EntenteLayout              *layout,
             const EntenteLayoutOptions *options,
             GRand                      *rand,
             cairo_t                    *cr)
{
  EntenteRenderState state;
  guint n_items, n_clusters, n_volume, max, hover = g_rand_int_range (rand, 0, 3);
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);

  entente_layout_get_clusters (layout, &n_clusters);
  entente_layout_get_volume (layout, &n_volume, &max);
  entente_render_state_init (&state);
  state.selected_event = options->has_focus ? (int) options->focus_event : -1;
  state.matches = options->matches;
  if (n_items > 0 && hover == 0)
    state.hovered_event = items[g_rand_int_range (rand, 0, n_items)].event;
  else if (n_clusters > 0 && hover == 1)
    state.hovered_cluster = g_rand_int_range (rand, 0, n_clusters);
  else if (n_volume > 0)
    {
      state.hovered_volume = g_rand_int_range (rand, 0, n_volume);
      state.hovered_side = g_rand_int_range (rand, 0, 3);
    }
  entente_render_draw (layout, NULL, &state, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
}

/* One random walk: each view follows the one before, as in the window,
 * through drags of every length, categories hidden and shown again,
 * searches begun and ended, events selected, and now and then a zoom
 * or a resize. Every layout must keep every rule a layout made afresh
 * keeps. */
static void
random_walk (EntenteDataset *dataset,
             guint32         seed,
             guint           n_steps)
{
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteTextCache) cache = entente_text_cache_new (dataset);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(EntenteLayout) before = NULL;
  guint n_events = entente_dataset_get_n_events (dataset);
  guint n_categories = entente_dataset_get_n_categories (dataset);
  g_autofree gboolean *hidden = g_new0 (gboolean, MAX (n_categories, 1));
  g_autofree gboolean *matches = g_new0 (gboolean, MAX (n_events, 1));
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  EntenteLayoutOptions options = { 0 };
  gboolean searching = FALSE;
  double lo, hi, span;
  /* Every third layout is drawn too. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3840, 1440);
  cairo_t *cr = cairo_create (surface);

  entente_layout_default_range (dataset, &lo, &hi);
  span = (hi - lo) / pow (10, g_rand_double_range (rand, 0, 4));
  viewport.from_day = g_rand_double_range (rand, lo, hi - span);
  viewport.to_day = viewport.from_day + span;
  options.text_cache = cache;
  options.hidden_categories = hidden;

  for (guint step = 0; step < n_steps; step++)
    {
      g_autoptr(EntenteLayout) after = NULL;
      g_autofree char *what = NULL;
      int choice = g_rand_int_range (rand, 0, 100);
      guint index;

      if (choice < 60)
        {
          /* A drag: mostly a few pixels, sometimes a fling. */
          double pixels = choice < 50 ? g_rand_int_range (rand, -8, 9) : g_rand_int_range (rand, -400, 401);
          double shift = pixels * (viewport.to_day - viewport.from_day) / viewport.width;

          viewport.from_day += shift;
          viewport.to_day += shift;
        }
      else if (choice < 70 && n_categories > 0)
        {
          guint category = g_rand_int_range (rand, 0, n_categories);

          hidden[category] = !hidden[category];
        }
      else if (choice < 78)
        {
          /* A search begins, changes or ends. */
          guint every = g_rand_int_range (rand, 1, 12);

          searching = !searching || g_rand_boolean (rand);
          for (guint i = 0; i < n_events; i++)
            matches[i] = searching && (i * 7 + seed) % every == 0;
          options.matches = searching ? matches : NULL;
        }
      else if (choice < 90 && before != NULL)
        {
          /* An event in view selected, or the selection dropped. */
          guint n_items, n_clusters;
          const EntenteEventItem *items = entente_layout_get_items (before, &n_items);
          const EntenteCluster *clusters = entente_layout_get_clusters (before, &n_clusters);

          options.has_focus = FALSE;
          if (n_clusters > 0 && g_rand_boolean (rand))
            {
              const EntenteCluster *cluster = &clusters[g_rand_int_range (rand, 0, n_clusters)];

              options.has_focus = TRUE;
              options.focus_event = g_rand_int_range (rand, cluster->first_event, cluster->last_event + 1);
            }
          else if (n_items > 0 && g_rand_boolean (rand))
            {
              options.has_focus = TRUE;
              options.focus_event = items[g_rand_int_range (rand, 0, n_items)].event;
            }
        }
      else if (choice < 96)
        {
          /* A zoom about the middle. */
          double middle = (viewport.from_day + viewport.to_day) / 2;
          double half = (viewport.to_day - viewport.from_day) / 2 * g_rand_double_range (rand, 0.5, 2);

          half = CLAMP (half, 0.5, (hi - lo));
          viewport.from_day = middle - half;
          viewport.to_day = middle + half;
        }
      else
        {
          viewport.width = widths[g_rand_int_range (rand, 0, G_N_ELEMENTS (widths))];
          viewport.height = heights[g_rand_int_range (rand, 0, G_N_ELEMENTS (heights))];
        }

      options.previous = before;
      what = g_strdup_printf ("walk %u, step %u: %d×%d, days %.3f–%.3f%s%s", seed, step,
                              viewport.width, viewport.height, viewport.from_day, viewport.to_day,
                              options.has_focus ? ", focus" : "", searching ? ", searching" : "");
      after = entente_layout_new (dataset, &viewport, style, &options);
      check_texts (after, what);
      check_items (after, what);
      check_events_accounted (after, &options, what);
      check_volume (after, &options, what);
      check_hits (after);

      /* The selected event is drawn on its own, whatever held its place. */
      if (options.has_focus && viewport.height >= 640 &&
          entente_layout_find_event (after, options.focus_event, &index) == ENTENTE_PLACED_CLUSTER)
        g_error ("%s: the focus event %u is in a badge", what, options.focus_event);

      if (step % 3 == 0)
        draw_walked (after, &options, rand, cr);
      g_set_object (&before, after);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Random walks over datasets dense and sparse, with and without parties
 * to split the chart; more and longer with -m thorough. */
static void
test_random_walks (void)
{
  struct { guint n; int first, last; guint parties; } kinds[] = {
    { 20000, 1700, 2020, 2 },
    { 3000, 1950, 1960, 0 },
    { 400, 1, 2000, 3 },
  };
  guint n_walks = g_test_thorough () ? 40 : 4;
  guint n_steps = g_test_thorough () ? 400 : 60;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(EntenteDataset) dataset = synthetic_dataset (kinds[k].n, kinds[k].first, kinds[k].last,
                                                             kinds[k].parties, 100 + k);

      for (guint walk = 0; walk < n_walks; walk++)
        random_walk (dataset, 1000 * k + walk, n_steps);
    }
}

static void
test_filters (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = NULL;
  guint n_categories = entente_dataset_get_n_categories (dataset);
  guint n_kinds = entente_dataset_get_n_period_kinds (dataset);
  g_autofree gboolean *hidden_categories = g_new0 (gboolean, n_categories);
  g_autofree gboolean *hidden_kinds = g_new0 (gboolean, n_kinds);
  EntenteLayoutOptions options = { hidden_categories, hidden_kinds, FALSE };
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  guint n_items, n_bands, n_legend, n_hidden = 0;
  const EntenteEventItem *items;
  const EntenteBand *bands;
  const EntenteLegendItem *legend;

  g_assert_cmpuint (n_categories, >=, 2);
  g_assert_cmpuint (n_kinds, >=, 2);
  hidden_categories[0] = TRUE;
  hidden_categories[1] = TRUE;
  hidden_kinds[1] = TRUE;

  entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
  layout = entente_layout_new (dataset, &viewport, style, &options);
  /* The layout keeps its own copy of the flags. */
  hidden_categories[0] = FALSE;

  items = entente_layout_get_items (layout, &n_items);
  g_assert_cmpuint (n_items, >, 0);
  for (guint i = 0; i < n_items; i++)
    {
      int category = entente_dataset_get_event (dataset, items[i].event)->category;

      g_assert_cmpint (category, !=, 0);
      g_assert_cmpint (category, !=, 1);
    }
  bands = entente_layout_get_bands (layout, &n_bands);
  for (guint i = 0; i < n_bands; i++)
    g_assert_cmpuint (entente_dataset_get_period (dataset, bands[i].period)->kind, !=, 1);

  /* Hidden entries stay in the legend, to be switched back on. */
  legend = entente_layout_get_legend (layout, &n_legend);
  g_assert_cmpuint (n_legend, ==, n_categories + n_kinds);
  for (guint i = 0; i < n_legend; i++)
    n_hidden += legend[i].hidden;
  g_assert_cmpuint (n_hidden, ==, 3);

  hidden_categories[0] = TRUE;
  check_events_accounted (layout, &options, "filtered");
  check_views (dataset, &options, 3);
}

/* Where events are too many to show, a histogram of them fills the
 * lanes they leave empty: over a large dataset's whole range, with or
 * without hidden categories, above the axis alone for a single party.
 * Not over the bundled dataset, whose lanes take in its events, nor
 * behind lanes full of labels even where columns are counted. */
static void
test_volume (void)
{
  g_autoptr(EntenteDataset) two = synthetic_dataset (20000, 1700, 2020, 2, 7);
  g_autoptr(EntenteDataset) one = synthetic_dataset (20000, 1700, 2020, 1, 8);
  g_autoptr(EntenteDataset) bundled = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  gboolean hidden[4] = { FALSE, TRUE, FALSE, TRUE };
  EntenteLayoutOptions filtered = { hidden, };
  EntenteViewport viewport = { 0, 0, 1600, 900, 1 };
  guint n_all = 0, n_filtered = 0, n;

  entente_layout_default_range (two, &viewport.from_day, &viewport.to_day);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(EntenteLayout) layout = entente_layout_new (two, &viewport, style, pass ? &filtered : NULL);
      const EntenteVolume *volume = entente_layout_get_volume (layout, &n, NULL);

      g_assert_nonnull (volume);
      for (guint i = 0; i < n; i++)
        {
          /* Both parties in every column, but where the events begin
           * and end, which a column may share with the empty days
           * around them. */
          if (i > 0 && i + 1 < n)
            {
              g_assert_cmpuint (volume[i].count[ENTENTE_SIDE_ABOVE], >, 0);
              g_assert_cmpuint (volume[i].count[ENTENTE_SIDE_BELOW], >, 0);
            }
          *(pass ? &n_filtered : &n_all) += volume[i].count[0] + volume[i].count[1] + volume[i].count[2];
        }
      check_volume (layout, pass ? &filtered : NULL, "whole range");
    }
  g_assert_cmpuint (n_filtered, <, n_all);

  /* With a search, one event in twenty: each bar also says how many of
   * its events match, and the tallest bar of matches is as tall as the
   * tallest of all events. */
  {
    guint n_events = entente_dataset_get_n_events (two);
    g_autofree gboolean *matches = g_new (gboolean, n_events);
    EntenteLayoutOptions searched = { hidden, };
    g_autoptr(EntenteLayout) layout = NULL;
    const EntenteVolume *volume;
    double tallest = 0, tallest_matched = 0;
    guint n_matched = 0;

    for (guint i = 0; i < n_events; i++)
      matches[i] = i % 20 == 3;
    searched.matches = matches;
    layout = entente_layout_new (two, &viewport, style, &searched);
    volume = entente_layout_get_volume (layout, &n, NULL);
    g_assert_nonnull (volume);
    for (guint i = 0; i < n; i++)
      {
        n_matched += volume[i].matched[0] + volume[i].matched[1] + volume[i].matched[2];
        tallest = MAX (tallest, MAX (volume[i].above.height, volume[i].below.height));
        tallest_matched = MAX (tallest_matched, MAX (volume[i].matched_above.height,
                                                     volume[i].matched_below.height));
      }
    g_assert_cmpuint (n_matched, >, 0);
    g_assert_cmpuint (n_matched, <, n_filtered);
    g_assert_cmpfloat (fabs (tallest_matched - tallest), <, 1e-9);
    check_volume (layout, &searched, "searched");
  }

  entente_layout_default_range (one, &viewport.from_day, &viewport.to_day);
  {
    g_autoptr(EntenteLayout) layout = entente_layout_new (one, &viewport, style, NULL);
    const EntenteVolume *volume = entente_layout_get_volume (layout, &n, NULL);

    g_assert_nonnull (volume);
    for (guint i = 0; i < n; i++)
      {
        g_assert_cmpuint (volume[i].count[ENTENTE_SIDE_BELOW], ==, 0);
        g_assert_cmpfloat (volume[i].below.height, ==, 0);
      }
    check_volume (layout, NULL, "one party");
  }

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      const double views[][2] = {
        { 0, 0 },
        { day_of (1945, 1, 1), day_of (1970, 1, 1) },
        { day_of (1949, 1, 1), day_of (1950, 1, 1) },
      };

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autoptr(EntenteLayout) layout = NULL;

          viewport.width = widths[w];
          if (v == 0)
            entente_layout_default_range (bundled, &viewport.from_day, &viewport.to_day);
          else
            {
              viewport.from_day = views[v][0];
              viewport.to_day = views[v][1];
            }
          layout = entente_layout_new (bundled, &viewport, style, NULL);
          g_assert_null (entente_layout_get_volume (layout, &n, NULL));
          g_assert_cmpuint (n, ==, 0);
        }
    }

  /* Every view with a search: badges and bars count their matches. */
  {
    guint n_events = entente_dataset_get_n_events (two);
    g_autofree gboolean *matches = g_new (gboolean, n_events);
    g_autofree gboolean *bundled_matches = g_new (gboolean, entente_dataset_get_n_events (bundled));
    EntenteLayoutOptions searched = { 0, };

    for (guint i = 0; i < n_events; i++)
      matches[i] = i % 7 == 2;
    searched.matches = matches;
    check_views (two, &searched, 4);
    for (guint i = 0; i < entente_dataset_get_n_events (bundled); i++)
      bundled_matches[i] = i % 5 == 1;
    searched.matches = bundled_matches;
    check_views (bundled, &searched, 3);
  }

  /* Over 1700–1734 in a small window, more than half the columns are
   * counted, but the events of the others fill the lanes with labels. */
  {
    g_autoptr(EntenteLayout) layout = NULL;

    viewport = (EntenteViewport) { day_of (1700, 1, 1), day_of (1734, 1, 1), 660, 560, 1 };
    layout = entente_layout_new (two, &viewport, style, NULL);
    g_assert_null (entente_layout_get_volume (layout, &n, NULL));
  }
}

static void
test_no_chrome (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) with = NULL;
  g_autoptr(EntenteLayout) without = NULL;
  EntenteLayoutOptions options = { NULL, NULL, TRUE };
  EntenteViewport viewport = { 0, 0, 1200, 700, 2 };
  EntenteRect plot, title;
  guint n_legend;

  entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
  with = entente_layout_new (dataset, &viewport, style, NULL);
  without = entente_layout_new (dataset, &viewport, style, &options);

  g_assert_nonnull (entente_layout_get_title (with, &title));
  g_assert_cmpfloat (title.width, >, 0);
  g_assert_nonnull (entente_layout_get_range_text (with, NULL));
  g_assert_nonnull (entente_layout_get_footer (with, NULL));
  entente_layout_get_legend (with, &n_legend);
  g_assert_cmpuint (n_legend, >, 0);
  entente_layout_get_plot_rect (with, &plot);
  g_assert_cmpfloat (plot.y, >, title.y + title.height);

  g_assert_null (entente_layout_get_title (without, NULL));
  g_assert_null (entente_layout_get_footer (without, NULL));
  entente_layout_get_legend (without, &n_legend);
  g_assert_cmpuint (n_legend, ==, 0);
  entente_layout_get_plot_rect (without, &plot);
  g_assert_cmpfloat (plot.x, ==, 0);
  g_assert_cmpfloat (plot.y, ==, 0);
  g_assert_cmpfloat (plot.width, ==, 1200);
  g_assert_cmpfloat (plot.height, ==, 700);
  check_texts (without, "no chrome");
  check_events_accounted (without, NULL, "no chrome");
}

/* Labels for a view, in order. */
static GPtrArray *
tick_labels (EntenteDataset *dataset,
             double          from_day,
             double          to_day,
             int             width)
{
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = NULL;
  EntenteViewport viewport = { from_day, to_day, width, 600, 1 };
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  guint n_ticks;
  const EntenteTick *ticks;

  layout = entente_layout_new (dataset, &viewport, style, NULL);
  ticks = entente_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].text != NULL)
      g_ptr_array_add (labels, g_strdup (pango_layout_get_text (ticks[i].text)));
  return labels;
}

static gboolean
has_label (GPtrArray  *labels,
           const char *label)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_ptr_array_index (labels, i), label))
      return TRUE;
  return FALSE;
}

static void
test_tick_units (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(GPtrArray) centuries = tick_labels (dataset, day_of (-1000, 1, 1), day_of (1001, 1, 1), 1600);
  g_autoptr(GPtrArray) around_zero = tick_labels (dataset, day_of (-60, 1, 1), day_of (61, 1, 1), 1600);
  g_autoptr(GPtrArray) decades = tick_labels (dataset, day_of (1900, 1, 1), day_of (2000, 1, 1), 1600);
  g_autoptr(GPtrArray) years = tick_labels (dataset, day_of (1950, 1, 1), day_of (1960, 1, 1), 1600);
  g_autoptr(GPtrArray) months = tick_labels (dataset, day_of (1968, 7, 1), day_of (1969, 7, 1), 1600);
  g_autoptr(GPtrArray) days = tick_labels (dataset, day_of (1950, 2, 10), day_of (1950, 2, 20), 1600);

  /* Before the era, counted the way people count, and no year 0. */
  g_assert_true (has_label (centuries, "500 BCE"));
  g_assert_true (has_label (centuries, "500"));
  g_assert_false (has_label (centuries, "0"));
  g_assert_false (has_label (centuries, "0 BCE"));
  g_assert_false (has_label (centuries, "1 BCE"));
  g_assert_false (has_label (around_zero, "0"));
  g_assert_false (has_label (around_zero, "0 BCE"));
  g_assert_true (has_label (around_zero, "10 BCE"));
  g_assert_true (has_label (around_zero, "10"));

  g_assert_true (has_label (decades, "1950"));
  g_assert_false (has_label (decades, "1951"));
  g_assert_true (has_label (years, "1951"));
  g_assert_true (has_label (years, "1959"));
  /* Months by name, the year at January. */
  g_assert_true (has_label (months, "Jun"));
  g_assert_true (has_label (months, "1969"));
  g_assert_true (has_label (days, "12"));
  g_assert_true (has_label (days, "14"));

  /* At every size, whatever the unit, no labels crowd. */
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (double span = 1; span < 3e6; span *= 3.3)
      check_view (dataset, day_of (1950, 1, 1) - span / 2, day_of (1950, 1, 1) + span / 2,
                  widths[w], 480, NULL);
}

static void
test_plain_text (void)
{
  static const char json[] =
    "{\"format\": \"entente/1\", \"title\": \"<i>Title</i>\", \"parties\": [\"A\", \"B\"],"
    " \"period_kinds\": [{\"id\": \"k\", \"label\": \"<u>kind</u>\"}],"
    " \"periods\": [{\"id\": \"p\", \"kind\": \"k\", \"label\": \"<b>&amp;</b>\", \"start\": \"1900\", \"end\": \"1990\"}],"
    " \"events\": [{\"id\": \"e\", \"date\": \"1950\", \"title\": \"<b>bold</b> & <span>\", \"actor\": \"A\"}]}";
  g_autoptr(EntenteDataset) dataset = entente_test_load_json (json, "synthetic.json");
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = NULL;
  EntenteViewport viewport = { day_of (1890, 1, 1), day_of (2000, 1, 1), 1000, 600, 1 };
  guint n_items, n_bands;
  const EntenteEventItem *items;
  const EntenteBand *bands;
  PangoLayout *title;

  layout = entente_layout_new (dataset, &viewport, style, NULL);
  items = entente_layout_get_items (layout, &n_items);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_cmpstr (pango_layout_get_text (items[0].text), ==, "<b>bold</b> & <span>");
  g_assert_null (pango_layout_get_attributes (items[0].text));
  bands = entente_layout_get_bands (layout, &n_bands);
  g_assert_cmpuint (n_bands, ==, 1);
  g_assert_cmpstr (pango_layout_get_text (bands[0].text), ==, "<b>&amp;</b>");
  title = entente_layout_get_title (layout, NULL);
  g_assert_cmpstr (pango_layout_get_text (title), ==, "<i>Title</i>");
}

static void
test_sides (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = NULL;
  EntenteViewport viewport = { day_of (1945, 1, 1), day_of (1970, 1, 1), 1600, 900, 1 };
  guint n_items, seen[3] = { 0, };
  const EntenteEventItem *items;
  double axis;

  layout = entente_layout_new (dataset, &viewport, style, NULL);
  axis = entente_layout_get_axis_y (layout);
  items = entente_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, items[i].event);

      /* The first party above the axis, the second below, the rest on it. */
      switch (event->actor)
        {
        case 0:
          g_assert_cmpint (items[i].side, ==, ENTENTE_SIDE_ABOVE);
          g_assert_cmpfloat (items[i].rect.y + items[i].rect.height, <, axis - 29);
          break;
        case 1:
          g_assert_cmpint (items[i].side, ==, ENTENTE_SIDE_BELOW);
          g_assert_cmpfloat (items[i].rect.y, >, axis + 29);
          break;
        default:
          /* On the axis, or next to it in the joint events' zone. */
          g_assert_cmpint (items[i].side, ==, ENTENTE_SIDE_AXIS);
          g_assert_cmpfloat (fabs (items[i].y - axis), <=, 20.5);
          break;
        }
      seen[items[i].side]++;
    }
  g_assert_cmpuint (seen[ENTENTE_SIDE_ABOVE], >, 0);
  g_assert_cmpuint (seen[ENTENTE_SIDE_AXIS], >, 0);
  g_assert_cmpuint (seen[ENTENTE_SIDE_BELOW], >, 0);
  g_assert_nonnull (entente_layout_get_party_label (layout, ENTENTE_SIDE_ABOVE, NULL));
  g_assert_nonnull (entente_layout_get_party_label (layout, ENTENTE_SIDE_BELOW, NULL));
}

/* A view too small for anything but the plot still keeps every label
 * inside it. */
static void
test_tiny (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  double from, to;

  entente_layout_default_range (dataset, &from, &to);
  for (int w = 16; w <= 400; w += 48)
    for (int h = 16; h <= 400; h += 64)
      {
        g_autoptr(EntenteStyle) style = entente_style_new_dark ();
        g_autoptr(EntenteLayout) layout = NULL;
        EntenteViewport viewport = { from, to, w, h, 1 };

        guint n_items, n_clusters;

        layout = entente_layout_new (dataset, &viewport, style, NULL);
        check_texts (layout, "tiny");
        check_items (layout, "tiny");
        entente_layout_get_items (layout, &n_items);
        entente_layout_get_clusters (layout, &n_clusters);
        /* Without room for a lane there are no events at all; with it,
         * all of them. */
        if (n_items + n_clusters > 0 || (w >= 200 && h >= 200))
          {
            g_autofree char *what = g_strdup_printf ("tiny %d×%d", w, h);

            check_events_accounted (layout, NULL, what);
          }
      }
}

/* Over twelve millennia in a canvas a few dozen pixels wide, even the
 * coarsest ticks are closer than their labels are wide: labels that
 * would touch are left off, never drawn over one another. */
static void
test_ticks_never_crowd (void)
{
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  double from, to;

  dataset = entente_test_load_json ("{\"format\": \"entente/1\", \"title\": \"Millennia\", \"events\": ["
                                    "{\"id\": \"a\", \"date\": \"-9999\", \"title\": \"First\"},"
                                    "{\"id\": \"b\", \"date\": \"1950\", \"title\": \"Last\"}]}",
                                    "millennia.json");
  entente_layout_default_range (dataset, &from, &to);
  for (int width = 40; width <= 400; width += 4)
    {
      EntenteViewport viewport = { from, to, width, 160, 1 };
      g_autoptr(EntenteLayout) layout = entente_layout_new (dataset, &viewport, style, NULL);
      g_autofree char *what = g_strdup_printf ("%d px over millennia", width);
      guint n_ticks, labelled = 0;
      const EntenteTick *ticks = entente_layout_get_ticks (layout, &n_ticks);

      check_texts (layout, what);
      for (guint i = 0; i < n_ticks; i++)
        labelled += ticks[i].text != NULL;
      /* Still some label wherever one fits. */
      if (width >= 120)
        g_assert_cmpuint (labelled, >, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  entente_test_pin_fonts ();

  g_test_add_func ("/layout/bundled-views", test_bundled_views);
  g_test_add_func ("/layout/synthetic-views", test_synthetic_views);
  g_test_add_func ("/layout/dense", test_dense);
  g_test_add_func ("/layout/dense-pans", test_dense_pans);
  g_test_add_func ("/layout/crowds-keep-their-shape", test_crowds_keep_their_shape);
  g_test_add_func ("/layout/focus", test_focus);
  g_test_add_func ("/layout/rounding-terminates", test_rounding_terminates);
  g_test_add_func ("/layout/filters", test_filters);
  g_test_add_func ("/layout/columns-follow-time", test_columns_follow_time);
  g_test_add_func ("/layout/pans-keep-lanes", test_pans_keep_lanes);
  g_test_add_func ("/layout/zoom-ignores-previous", test_zoom_ignores_previous);
  g_test_add_func ("/layout/selected-label-whole", test_selected_label_whole);
  g_test_add_func ("/layout/large-text", test_large_text);
  g_test_add_func ("/layout/hidden-hold-nothing", test_hidden_hold_nothing);
  g_test_add_func ("/layout/random-walks", test_random_walks);
  g_test_add_func ("/layout/volume", test_volume);
  g_test_add_func ("/layout/no-chrome", test_no_chrome);
  g_test_add_func ("/layout/tick-units", test_tick_units);
  g_test_add_func ("/layout/plain-text", test_plain_text);
  g_test_add_func ("/layout/sides", test_sides);
  g_test_add_func ("/layout/tiny", test_tiny);
  g_test_add_func ("/layout/ticks-never-crowd", test_ticks_never_crowd);

  return g_test_run ();
}
