/* fuzz-chart.c: libFuzzer target for the layout and the renderer
 *
 * The input describes a view and a dataset, byte by byte, so that
 * nearly every input loads and reaches the chart: the first bytes say
 * where the view is, how large and what it shows, then each group of
 * seven an event (its date and precision, how long it lasts, its
 * category, actor and title). The dataset is written as JSON and goes
 * through the loader, as a file would.
 *
 * Each dataset is laid out and drawn: at the whole range, dragged with
 * the layout before followed, with a category hidden, a search and a
 * selection, then at the view the input asks for, in the light and dark
 * styles, on pixels and on a vector surface. A crash, undefined
 * behaviour, a critical or a layout that never ends is a finding. The
 * loader's own promises are fuzz-dataset's business.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>

#include "entente-dataset.h"
#include "entente-layout.h"
#include "entente-render.h"
#include "entente-style.h"
#include "entente-text-cache.h"
#include "fuzz-common.h"
#include "../test-layout-checks.h"

#define MAX_W 1200
#define MAX_H 800

#define VIEW_BYTES  6
#define EVENT_BYTES 7

static cairo_surface_t *image;

/* Words of every kind of script and width, for titles. */
static const char *words[] = {
  "treaty", "W", "iiii", "Договор", "边界条约", "مفاوضات", "שלום", "ก้าว",
  "e\u0301e\u0301", "\U0001F54A", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", "<b>&amp;</b>",
  "a\u200Db", "x\u00ADy", "\u202Eflip", "%s%n",
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX_W, MAX_H);
  return 0;
}

/* Years crowd round the twentieth century, and now and then reach the
 * ends of what a date may be. */
static int
year_from (const guint8 *b)
{
  int value = (b[0] << 8 | b[1]) - 32768;

  if (value > 30000 || value < -30000)
    return value > 0 ? ENTENTE_DATE_YEAR_MAX : ENTENTE_DATE_YEAR_MIN;
  return 1950 + value / 16;
}

static void
append_date (GString      *json,
             int           year,
             guint8        code)
{
  int month = 1 + code % 12, day = 1 + (code / 12) % 28;
  static const char *qualifiers[] = { "", "", "", "~", "?", "%" };

  year = CLAMP (year, ENTENTE_DATE_YEAR_MIN, ENTENTE_DATE_YEAR_MAX);
  g_string_append_printf (json, "\"%s%04d", year < 0 ? "-" : "", ABS (year));
  /* Year, month or day precision. */
  if (code % 3 >= 1)
    g_string_append_printf (json, "-%02d", month);
  if (code % 3 == 2)
    g_string_append_printf (json, "-%02d", day);
  g_string_append_printf (json, "%s\"", qualifiers[(code / 3) % G_N_ELEMENTS (qualifiers)]);
}

static GBytes *
write_dataset (const guint8 *data,
               size_t        size,
               guint         n_categories,
               guint         n_parties)
{
  GString *json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Fuzzed\", \"parties\": [");

  for (guint i = 0; i < n_parties; i++)
    g_string_append_printf (json, "%s\"P%u\"", i ? ", " : "", i);
  g_string_append (json, "], \"categories\": [");
  for (guint i = 0; i < n_categories; i++)
    g_string_append_printf (json, "%s{\"id\": \"c%u\", \"label\": \"%s\"}", i ? ", " : "", i,
                            words[i % G_N_ELEMENTS (words)]);
  g_string_append (json, "], \"period_kinds\": [{\"id\": \"k\", \"label\": \"Kind\"}], \"periods\": [");
  /* A period round the first event, and another round the second. */
  for (guint i = 0; i < 2 && (i + 1) * EVENT_BYTES <= size; i++)
    {
      const guint8 *e = data + i * EVENT_BYTES;
      int year = year_from (e);

      g_string_append_printf (json, "%s{\"id\": \"p%u\", \"kind\": \"k\", \"label\": \"%s\", \"start\": ",
                              i ? ", " : "", i, words[e[6] % G_N_ELEMENTS (words)]);
      append_date (json, year, e[2]);
      g_string_append (json, ", \"end\": ");
      append_date (json, year + e[3] % 40, e[2]);
      g_string_append (json, "}");
    }
  g_string_append (json, "], \"events\": [");
  for (guint i = 0; (i + 1) * EVENT_BYTES <= size; i++)
    {
      const guint8 *e = data + i * EVENT_BYTES;
      int year = year_from (e);
      guint actor = e[5] % (n_parties + 2);

      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": ", i ? ", " : "", i);
      append_date (json, year, e[2]);
      /* A third are spans, of a few days to centuries. */
      if (e[3] % 3 == 0)
        {
          int length = e[3] / 3;

          g_string_append (json, ", \"end\": ");
          append_date (json, year + (length > 60 ? (length - 60) * 4 : 0), e[2] % 3 == 2 ? e[2] + 1 : e[2]);
        }
      g_string_append (json, ", \"title\": \"");
      for (guint w = 0; w <= e[6] % 5; w++)
        g_string_append_printf (json, "%s%s", w ? " " : "", words[(e[6] / 5 + w * 3) % G_N_ELEMENTS (words)]);
      g_string_append (json, "\"");
      if (n_categories > 0 && e[4] % (n_categories + 1) < n_categories)
        g_string_append_printf (json, ", \"category\": \"c%u\"", e[4] % (n_categories + 1));
      if (actor < n_parties)
        g_string_append_printf (json, ", \"actor\": \"P%u\"", actor);
      else if (actor == n_parties && n_parties > 0)
        g_string_append (json, ", \"actor\": \"joint\"");
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");
  return g_string_free_to_bytes (json);
}

/* The rules every layout keeps, as the layout's tests check them on
 * datasets of their own; every event in view accounted for only where
 * there is room for events at all. */
static void
check_layout (EntenteLayout              *layout,
              const EntenteLayoutOptions *options,
              const char                 *what)
{
  guint n_items, n_clusters;

  check_texts (layout, what);
  check_items (layout, what);
  entente_layout_get_items (layout, &n_items);
  entente_layout_get_clusters (layout, &n_clusters);
  if (n_items + n_clusters > 0)
    check_events_accounted (layout, options, what);
}

static void
draw (EntenteLayout              *layout,
      const EntenteStyle         *style,
      const EntenteLayoutOptions *options,
      gboolean                    vector)
{
  const EntenteViewport *viewport = entente_layout_get_viewport (layout);
  EntenteRenderState state;
  guint n_items, n_clusters, n_volume;
  const EntenteEventItem *items = entente_layout_get_items (layout, &n_items);
  cairo_surface_t *surface;
  cairo_t *cr;

  entente_layout_get_clusters (layout, &n_clusters);
  entente_layout_get_volume (layout, &n_volume, NULL);
  entente_render_state_init (&state);
  state.matches = options->matches;
  state.selected_event = options->has_focus ? (int) options->focus_event : -1;
  if (n_items > 0)
    state.hovered_event = items[n_items / 2].event;
  if (n_clusters > 0)
    state.hovered_cluster = n_clusters - 1;
  /* A band marked as selected, where there is one: its edges may lie
   * anywhere, in view or not. */
  if (entente_dataset_get_n_periods (entente_layout_get_dataset (layout)) > 0)
    state.selected_period = 0;
  if (n_volume > 0)
    {
      state.hovered_volume = n_volume / 2;
      state.hovered_side = ENTENTE_SIDE_BELOW;
    }

  if (vector)
    {
      cairo_rectangle_t extents = { 0, 0, viewport->width, viewport->height };

      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
    }
  else
    surface = cairo_surface_reference (image);
  cr = cairo_create (surface);
  entente_render_draw (layout, style, &state, cr);
  CHECK (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(EntenteTextCache) cache = NULL;
  g_autoptr(EntenteStyle) light = entente_style_new_light ();
  g_autoptr(EntenteStyle) dark = entente_style_new_dark ();
  g_autoptr(EntenteLayout) whole = NULL;
  g_autoptr(EntenteLayout) panned = NULL;
  g_autoptr(EntenteLayout) asked = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gboolean *hidden = NULL;
  g_autofree gboolean *matches = NULL;
  gboolean hidden_kinds[] = { TRUE };
  EntenteLayoutOptions options = { 0 };
  EntenteViewport viewport = { 0, 0, MAX_W, MAX_H, 1 };
  guint n_events, n_categories;
  double from, to, span, pixel;

  if (size < VIEW_BYTES)
    return 0;
  n_categories = data[4] % 20;
  bytes = write_dataset (data + VIEW_BYTES, size - VIEW_BYTES, n_categories, data[5] % 4);
  dataset = entente_dataset_new_from_bytes (bytes, "fuzz.json", NULL, &problems, &error);
  if (dataset == NULL)
    {
      /* Every dataset written above is valid, but for an end before its
       * start, which the loader must say. */
      CHECK (problems != NULL && problems->len > 0);
      return 0;
    }
  n_events = entente_dataset_get_n_events (dataset);
  cache = entente_text_cache_new (dataset);
  options.text_cache = cache;

  /* The whole range, as a dataset first opens. */
  entente_layout_default_range (dataset, &from, &to);
  CHECK (isfinite (from) && isfinite (to) && from < to);
  viewport.from_day = from;
  viewport.to_day = to;
  whole = entente_layout_new (dataset, &viewport, light, &options);
  check_layout (whole, &options, "the whole range");
  draw (whole, light, &options, FALSE);

  /* Dragged three pixels, following, with the first category and the
   * period kind hidden, a search matching every other event and the
   * middle event selected. */
  hidden = g_new0 (gboolean, MAX (n_categories, 1));
  hidden[0] = TRUE;
  matches = g_new0 (gboolean, MAX (n_events, 1));
  for (guint i = 0; i < n_events; i += 2)
    matches[i] = TRUE;
  pixel = (to - from) / viewport.width;
  viewport.from_day += 3 * pixel;
  viewport.to_day += 3 * pixel;
  options.previous = whole;
  options.hidden_categories = n_categories > 0 ? hidden : NULL;
  options.hidden_kinds = hidden_kinds;
  options.matches = matches;
  options.has_focus = n_events > 0;
  options.focus_event = n_events / 2;
  panned = entente_layout_new (dataset, &viewport, light, &options);
  check_layout (panned, &options, "dragged, following");
  draw (panned, light, &options, FALSE);
  draw (panned, light, &options, TRUE);

  /* The view the input asks for: from the whole range down to the
   * window's least, four days, anywhere in it, at any size. */
  span = MAX ((to - from) / pow (2, data[0] % 24), 4);
  viewport.from_day = from + (to - from) * data[1] / 255.0 - span / 2;
  viewport.to_day = viewport.from_day + span;
  viewport.width = 40 + (MAX_W - 40) * data[2] / 255;
  viewport.height = 30 + (MAX_H - 30) * data[3] / 255;
  options.previous = NULL;
  options.hidden_categories = NULL;
  options.hidden_kinds = NULL;
  options.matches = data[4] & 0x80 ? matches : NULL;
  options.has_focus = n_events > 0 && data[5] & 0x80;
  options.focus_event = n_events > 0 ? data[1] % n_events : 0;
  asked = entente_layout_new (dataset, &viewport, dark, &options);
  check_layout (asked, &options, "the view asked for");
  draw (asked, dark, &options, FALSE);
  return 0;
}
