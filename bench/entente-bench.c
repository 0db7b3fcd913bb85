/* entente-bench.c: how Entente's costs grow from a thousand events to a million
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates synthetic datasets, then measures for each size: loading
 * against a bare json-glib parse of the same file (time and peak memory,
 * each load in a process of its own), layout and drawing per frame at
 * three zooms, and export to PNG and SVG. With a display it also times
 * start-up to the first frame against a minimal libadwaita window, and
 * the window's own work on each dataset (bench-window.c). The
 * result is one Markdown table on standard output; progress goes to
 * standard error.
 */
#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "entente-dataset.h"
#include "entente-export.h"
#include "entente-layout.h"
#include "entente-render.h"
#include "entente-style.h"

#define FRAME_WIDTH      1600
#define FRAME_HEIGHT     900
#define SWEEP_FRAMES     16    /* frames of one pan before the view jumps */
#define DAYS_PER_YEAR    365.2425
#define STARTUP_TIMEOUT  (60 * G_USEC_PER_SEC)

/* Options */

static char *opt_sizes = NULL;
static int opt_frames = 512;
static int opt_startup_runs = 10;
static char *opt_workdir = NULL;
static gboolean opt_keep = FALSE;
static char *opt_entente = NULL;
static char *opt_minimal = NULL;
static char *opt_window = NULL;
static char *opt_child = NULL;
static char *opt_only = NULL;
static gboolean opt_verbose = FALSE;

static const GOptionEntry entries[] = {
  { "sizes", 0, 0, G_OPTION_ARG_STRING, &opt_sizes,
    "Numbers of events, comma-separated (default 1000,10000,100000,1000000)", "N,…" },
  { "frames", 0, 0, G_OPTION_ARG_INT, &opt_frames,
    "Frames timed at each zoom (default 512)", "N" },
  { "startup-runs", 0, 0, G_OPTION_ARG_INT, &opt_startup_runs,
    "Start-ups timed of each program (default 10; 0 skips them)", "N" },
  { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &opt_workdir,
    "Where the generated datasets go (default: a new temporary directory)", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep,
    "Keep the generated datasets", NULL },
  { "entente", 0, 0, G_OPTION_ARG_FILENAME, &opt_entente,
    "The entente program, for start-up", "PATH" },
  { "minimal", 0, 0, G_OPTION_ARG_FILENAME, &opt_minimal,
    "The minimal libadwaita window, for start-up", "PATH" },
  { "window", 0, 0, G_OPTION_ARG_FILENAME, &opt_window,
    "The program that times the window's own work (bench-window)", "PATH" },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
    "Measure only some of: load, whole, decade, month, export, window (comma-separated), "
    "to profile one of them", "WHAT" },
  { "verbose", 0, 0, G_OPTION_ARG_NONE, &opt_verbose,
    "Print every frame's time and range on standard error", NULL },
  /* Internal: one measured load in a fresh process, "load:FILE" or
   * "parse:FILE", since a process's peak memory never goes down. */
  { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_child, NULL, NULL },
  { NULL }
};

/* Clocks and statistics */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank, on a sorted copy. */
static double
percentile (const double *values,
            guint         n,
            double        p)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));
  guint rank;

  g_assert (n > 0);
  qsort (sorted, n, sizeof (double), compare_doubles);
  rank = (guint) ceil (p / 100 * n);
  return sorted[CLAMP (rank, 1, n) - 1];
}

static double
median (const double *values,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  g_assert (n > 0);
  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* Peak resident memory of this process, in KiB. */
static guint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")) != NULL)
    return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Generation: a deterministic random source, so every run measures the
 * same files. */

typedef struct {
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (rng_double (rng) * n) % MAX (n, 1);
}

static double
rng_normal (Rng *rng)
{
  double u = rng_double (rng);

  u = MAX (u, 1e-12);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * rng_double (rng));
}

static const char *const words[] = {
  "treaty", "border", "talks", "trade", "agreement", "visit", "summit", "envoy", "delegation",
  "military", "exercises", "joint", "pipeline", "loan", "credit", "railway", "frontier", "river",
  "island", "dispute", "clash", "protest", "embassy", "minister", "foreign", "defence", "premier",
  "party", "congress", "plenum", "cooperation", "strategic", "partnership", "security", "energy",
  "gas", "oil", "grain", "arms", "sale", "fighter", "aircraft", "navy", "patrol", "Amur", "Ussuri",
  "Manchuria", "Xinjiang", "Mongolia", "Harbin", "Vladivostok", "Beijing", "Moscow", "Sino–Soviet",
  "Beijing’s", "Moscow’s", "communiqué", "statement", "condemns", "welcomes", "signs", "ratifies",
  "rejects", "suspends", "resumes", "opens", "closes", "expands", "limits", "announces", "demands",
  "withdraws", "deploys", "reduces", "troops", "advisers", "students", "exchange", "cultural",
  "scientific", "technology", "satellite", "nuclear", "missile", "test", "consulate", "customs",
  "tariff", "sanctions", "debt", "investment", "bank", "currency", "yuan", "rouble", "forum",
  "commission", "working", "group", "demarcation", "survey", "incident", "fishing", "vessel",
  "detained", "released", "memorandum", "protocol", "friendship", "mutual", "assistance", "alliance",
  "split", "polemic", "letter", "open", "ideological", "revisionism", "normalization", "thaw",
  "reopening", "crossing", "bridge", "port", "harbour", "corridor", "summer", "winter", "first",
  "second", "new", "long-term", "five-year", "plan", "of", "the", "on", "in", "and", "for", "with",
};

static const char *const categories[] = {
  "treaty", "conflict", "diplomacy", "leadership", "ideology", "economy", "revolution", "frontier",
};
static const char *const category_colors[] = {
  "#3b78c4", "#d23c3c", "#23935f", "#8a5cc9", "#c7671c", "#9a8a00", "#c2427f", "#168f9b",
};

static void
append_words (GString *s,
              Rng     *rng,
              guint    n,
              gboolean capital)
{
  for (guint i = 0; i < n; i++)
    {
      const char *word = words[rng_below (rng, G_N_ELEMENTS (words))];

      if (i > 0)
        g_string_append_c (s, ' ');
      if (i == 0 && capital && g_ascii_islower (word[0]))
        {
          g_string_append_c (s, g_ascii_toupper (word[0]));
          g_string_append (s, word + 1);
        }
      else
        g_string_append (s, word);
    }
}

/* Sentences for excerpts and summaries: several of them, each capitalised. */
static void
append_text (GString *s,
             Rng     *rng,
             guint    n_words)
{
  while (n_words > 0)
    {
      /* Not in MIN (), which would draw twice. */
      guint n = 6 + rng_below (rng, 12);

      n = MIN (n, n_words);

      if (s->len > 0 && s->str[s->len - 1] != '"')
        g_string_append_c (s, ' ');
      append_words (s, rng, n, TRUE);
      g_string_append_c (s, '.');
      n_words -= n;
    }
}

static void
append_date (GString *s,
             gint64   day,
             guint    precision,
             Rng     *rng)
{
  gint64 year;
  guint month, mday;
  double q = rng_double (rng);

  entente_civil_from_days (day, &year, &month, &mday);
  if (precision == ENTENTE_PRECISION_YEAR)
    g_string_append_printf (s, "%04d", (int) year);
  else if (precision == ENTENTE_PRECISION_MONTH)
    g_string_append_printf (s, "%04d-%02u", (int) year, month);
  else
    g_string_append_printf (s, "%04d-%02u-%02u", (int) year, month, mday);
  /* Hand-coded records are sometimes only approximately dated. */
  if (q < 0.02)
    g_string_append_c (s, '~');
  else if (q < 0.03)
    g_string_append_c (s, '?');
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Three centuries of relations between two states, busier towards the
 * present (doubling every fifty years, as coverage grows) and bunched
 * around crises, written in date order as event databases export them. */
static gboolean
generate_dataset (const char *path,
                  guint       n_events,
                  GError    **error)
{
  gint64 first = entente_days_from_civil (1723, 1, 1);
  gint64 end = entente_days_from_civil (2024, 1, 1);
  double range = end - first;
  double growth = log (64);
  Rng rng = { 0x5eed0000u + n_events };
  g_autofree gint64 *days = g_new (gint64, MAX (n_events, 1));
  gint64 crises[80];
  double widths[80];
  g_autoptr(GString) s = g_string_sized_new (2 << 20);
  FILE *file;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (crises); i++)
    {
      double t = log (1 + rng_double (&rng) * (exp (growth) - 1)) / growth;

      crises[i] = first + (gint64) (t * range);
      widths[i] = exp (log (3) + rng_double (&rng) * (log (120) - log (3)));
    }
  for (guint i = 0; i < n_events; i++)
    {
      double day;

      if (rng_double (&rng) < 0.3)
        {
          guint c = rng_below (&rng, G_N_ELEMENTS (crises));

          day = crises[c] + rng_normal (&rng) * widths[c];
        }
      else
        day = first + range * log (1 + rng_double (&rng) * (exp (growth) - 1)) / growth;
      days[i] = CLAMP ((gint64) day, first, end - 1);
    }
  qsort (days, n_events, sizeof (gint64), compare_days);

  file = fopen (path, "w");
  if (file == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "%s: %s", path, g_strerror (errno));
      return FALSE;
    }

  g_string_append_printf (s,
    "{\n"
    "  \"format\": \"entente/1\",\n"
    "  \"title\": \"China and Russia, 1723–2023: %u coded events\",\n"
    "  \"subtitle\": \"Synthetic event records for measuring Entente\",\n"
    "  \"parties\": [\"China\", \"Russia\"],\n"
    "  \"sources\": [\n", n_events);
  for (guint i = 0; i < 6; i++)
    g_string_append_printf (s,
      "    {\"id\": \"wire-%u\", \"title\": \"Event records, service %u\", "
      "\"author\": \"Analyst %c. Coder\", \"date\": \"%u\"}%s\n",
      i, i + 1, 'A' + i, 2018 + i, i < 5 ? "," : "");
  g_string_append (s, "  ],\n  \"period_kinds\": [\n");
  for (guint i = 0; i < 6; i++)
    {
      static const char *const kinds[][3] = {
        { "imperial", "Imperial expansion", "#d4bf94" }, { "revolution", "Revolution", "#c7aede" },
        { "alliance", "Alliance", "#8fb8de" }, { "split", "Split", "#e8a099" },
        { "normalization", "Normalization", "#f0d080" }, { "partnership", "Partnership", "#9fd3a9" },
      };

      g_string_append_printf (s, "    {\"id\": \"%s\", \"label\": \"%s\", \"color\": \"%s\"}%s\n",
                              kinds[i][0], kinds[i][1], kinds[i][2], i < 5 ? "," : "");
    }
  g_string_append (s, "  ],\n  \"categories\": [\n");
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_string_append_printf (s, "    {\"id\": \"%s\", \"label\": \"%c%s\", \"color\": \"%s\"}%s\n",
                            categories[i], g_ascii_toupper (categories[i][0]), categories[i] + 1,
                            category_colors[i], i + 1 < G_N_ELEMENTS (categories) ? "," : "");
  g_string_append (s,
    "  ],\n"
    "  \"periods\": [\n"
    "    {\"id\": \"p1\", \"kind\": \"imperial\", \"label\": \"Expansion to the Pacific\", \"start\": \"1723\", \"end\": \"1858~\"},\n"
    "    {\"id\": \"p2\", \"kind\": \"imperial\", \"label\": \"Unequal treaties\", \"start\": \"1858\", \"end\": \"1911\"},\n"
    "    {\"id\": \"p3\", \"kind\": \"revolution\", \"label\": \"Revolutions and civil war\", \"start\": \"1911\", \"end\": \"1949-10-01\"},\n"
    "    {\"id\": \"p4\", \"kind\": \"alliance\", \"label\": \"Alliance\", \"start\": \"1950-02-14\", \"end\": \"1960~\"},\n"
    "    {\"id\": \"p5\", \"kind\": \"split\", \"label\": \"Split\", \"start\": \"1960~\", \"end\": \"1982\"},\n"
    "    {\"id\": \"p6\", \"kind\": \"normalization\", \"label\": \"Normalization\", \"start\": \"1982\", \"end\": \"1991-12\"},\n"
    "    {\"id\": \"p7\", \"kind\": \"partnership\", \"label\": \"Strategic partnership\", \"start\": \"1996-04\", \"end\": \"2023\"}\n"
    "  ],\n"
    "  \"events\": [\n");

  for (guint i = 0; i < n_events; i++)
    {
      double p = rng_double (&rng);
      guint precision = p < 0.85 ? ENTENTE_PRECISION_DAY : p < 0.95 ? ENTENTE_PRECISION_MONTH
                                                                     : ENTENTE_PRECISION_YEAR;
      double actor = rng_double (&rng);
      guint n_excerpts;

      g_string_append_printf (s, "    {\"id\": \"e%07u\", \"date\": \"", i);
      append_date (s, days[i], precision, &rng);
      g_string_append_c (s, '"');
      /* Spans: mostly days to months, a few years, rarely decades. */
      if (rng_double (&rng) < 0.12)
        {
          double length = rng_double (&rng) < 0.002 ? 365 * (5 + rng_double (&rng) * 25)
                                                    : exp (log (2) + rng_double (&rng) * (log (1500) - log (2)));
          gint64 last = MIN (days[i] + (gint64) length, end - 1);

          g_string_append (s, ", \"end\": \"");
          append_date (s, last, precision, &rng);
          g_string_append_c (s, '"');
        }
      g_string_append (s, ", \"title\": \"");
      append_words (s, &rng, 2 + rng_below (&rng, 4) + (rng_double (&rng) < 0.35 ? rng_below (&rng, 9) : 0), TRUE);
      g_string_append_c (s, '"');
      if (rng_double (&rng) < 0.96)
        {
          /* A few categories carry most events. */
          guint c = (guint) (G_N_ELEMENTS (categories) * pow (rng_double (&rng), 1.8));

          g_string_append_printf (s, ", \"category\": \"%s\"", categories[MIN (c, G_N_ELEMENTS (categories) - 1)]);
        }
      if (actor < 0.42)
        g_string_append (s, ", \"actor\": \"China\"");
      else if (actor < 0.84)
        g_string_append (s, ", \"actor\": \"Russia\"");
      else if (actor < 0.96)
        g_string_append (s, ", \"actor\": \"joint\"");
      if (rng_double (&rng) < 0.25)
        {
          g_string_append (s, ", \"summary\": \"");
          append_text (s, &rng, 10 + rng_below (&rng, 25));
          g_string_append_c (s, '"');
        }
      g_string_append (s, ", \"excerpts\": [");
      p = rng_double (&rng);
      n_excerpts = p < 0.5 ? 1 : p < 0.85 ? 2 : 3;
      for (guint j = 0; j < n_excerpts; j++)
        {
          g_string_append_printf (s, "%s{\"source\": \"wire-%u\", \"quote\": \"",
                                  j > 0 ? ", " : "", rng_below (&rng, 6));
          append_text (s, &rng, 8 + rng_below (&rng, 30));
          g_string_append_c (s, '"');
          if (rng_double (&rng) < 0.5)
            g_string_append_printf (s, ", \"locator\": \"paragraph %u\"", 1 + rng_below (&rng, 40));
          g_string_append_c (s, '}');
        }
      g_string_append_printf (s, "]}%s\n", i + 1 < n_events ? "," : "");

      if (s->len > (1 << 20))
        {
          fwrite (s->str, 1, s->len, file);
          g_string_truncate (s, 0);
        }
    }
  g_string_append (s, "  ]\n}\n");
  fwrite (s->str, 1, s->len, file);
  ok = !ferror (file);
  if (fclose (file) != 0)
    ok = FALSE;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write", path);
  return ok;
}

/* Loading, in a child process */

static int
run_child (const char *spec)
{
  const char *colon = strchr (spec, ':');
  g_autoptr(GError) error = NULL;
  double start, elapsed;
  guint n = 0;

  if (colon == NULL)
    {
      g_printerr ("--child wants load:FILE or parse:FILE\n");
      return 2;
    }

  start = now_ms ();
  if (g_str_has_prefix (spec, "load:"))
    {
      g_autoptr(EntenteDataset) dataset = entente_dataset_new_from_file (colon + 1, NULL, &error);

      elapsed = now_ms () - start;
      if (dataset == NULL)
        {
          g_printerr ("%.2000s\n", error->message);
          return 1;
        }
      n = entente_dataset_get_n_events (dataset);
      g_print ("%.3f %" G_GUINT64_FORMAT " %u\n", elapsed, peak_rss_kib (), n);
    }
  else
    {
      /* The baseline: json-glib reads the file into its tree, which is
       * then freed, as a loader must. */
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!json_parser_load_from_mapped_file (parser, colon + 1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      n = json_array_get_length (json_object_get_array_member (
        json_node_get_object (json_parser_get_root (parser)), "events"));
      g_clear_object (&parser);
      elapsed = now_ms () - start;
      g_print ("%.3f %" G_GUINT64_FORMAT " %u\n", elapsed, peak_rss_kib (), n);
    }
  return 0;
}

typedef struct {
  double   ms;
  guint64  peak_kib;
} ChildResult;

static gboolean
spawn_child (const char  *self_exe,
             const char  *mode,
             const char  *path,
             ChildResult *result,
             GError     **error)
{
  g_autofree char *spec = g_strdup_printf ("--child=%s:%s", mode, path);
  const char *argv[] = { self_exe, spec, NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    return FALSE;
  if (sscanf (out, "%lf %" G_GUINT64_FORMAT, &result->ms, &result->peak_kib) != 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "unexpected output: %s", out);
      return FALSE;
    }
  return TRUE;
}

/* Frames */

typedef enum {
  ZOOM_WHOLE,
  ZOOM_DECADE,
  ZOOM_MONTH,
  N_ZOOMS
} Zoom;

/* As --only names them. */
static const char *const zoom_names[N_ZOOMS] = { "whole", "decade", "month" };

typedef struct {
  double median;
  double p95;
} FrameStats;

/* The views a user pans through. The whole range can only be nudged; at
 * the two closer zooms the view pans a quarter of its width a frame, a
 * brisk drag, from a random event, and every SWEEP_FRAMES frames jumps
 * elsewhere as a search or a click on the overview would: both panning
 * and jumping bring text into view that no frame has measured yet. */
static void
frame_range (EntenteDataset *dataset,
             Zoom            zoom,
             guint           frame,
             Rng            *rng,
             double         *sweep_from,
             double         *from,
             double         *to)
{
  double lo, hi, span;

  entente_layout_default_range (dataset, &lo, &hi);
  if (zoom == ZOOM_WHOLE)
    {
      double nudge = fmod (frame * 0.6180339887, 1.0) * 0.02 * (hi - lo);

      *from = lo + nudge;
      *to = *from + 0.98 * (hi - lo);
      return;
    }

  span = zoom == ZOOM_DECADE ? 10 * DAYS_PER_YEAR : DAYS_PER_YEAR / 12;
  span = MIN (span, hi - lo);
  if (frame % SWEEP_FRAMES == 0)
    {
      guint n_events = entente_dataset_get_n_events (dataset);
      double centre = n_events > 0
        ? entente_dataset_get_event (dataset, rng_below (rng, n_events))->start_day
        : (lo + hi) / 2;

      *sweep_from = centre - span / 2;
    }
  *from = *sweep_from + (frame % SWEEP_FRAMES) * span / 4;
  /* Kept inside the dataset's range, as the window keeps it. */
  *from = CLAMP (*from, lo, hi - span);
  *to = *from + span;
}

static FrameStats
time_frames (EntenteDataset     *dataset,
             EntenteTextCache   *cache,
             const EntenteStyle *style,
             cairo_surface_t    *surface,
             Zoom                zoom,
             guint               n_frames,
             guint64             seed)
{
  g_autofree double *times = g_new (double, n_frames);
  Rng rng = { seed + zoom * 7919 };
  double sweep_from = 0;
  FrameStats stats;
  EntenteLayoutOptions options = { 0 };
  g_autoptr(EntenteLayout) previous = NULL;
  /* The widget always gives the flags of its categories and period
   * kinds, hidden or not. */
  g_autofree gboolean *hidden_categories = g_new0 (gboolean, entente_dataset_get_n_categories (dataset) + 1);
  g_autofree gboolean *hidden_kinds = g_new0 (gboolean, entente_dataset_get_n_period_kinds (dataset) + 1);

  options.text_cache = cache;
  options.hidden_categories = hidden_categories;
  options.hidden_kinds = hidden_kinds;

  for (guint i = 0; i < n_frames; i++)
    {
      EntenteViewport viewport = { 0, 0, FRAME_WIDTH, FRAME_HEIGHT, 1 };
      EntenteLayout *layout;
      double start;
      cairo_t *cr;

      frame_range (dataset, zoom, i, &rng, &sweep_from, &viewport.from_day, &viewport.to_day);
      /* What the widget does for a frame after a pan: a new layout for
       * the new range (with the text cache it keeps for the dataset,
       * and the layout before the pan, whose lanes its events keep),
       * drawn, and the old one dropped. A jump keeps nothing. */
      start = now_ms ();
      if (zoom != ZOOM_WHOLE && i % SWEEP_FRAMES == 0)
        g_clear_object (&previous);
      options.previous = previous;
      layout = entente_layout_new (dataset, &viewport, style, &options);
      cr = cairo_create (surface);
      entente_render_draw (layout, style, NULL, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_clear_object (&previous);
      previous = layout;
      times[i] = now_ms () - start;
      if (opt_verbose)
        g_printerr ("  frame %3u: %6.2f ms, days %.1f to %.1f\n", i, times[i], viewport.from_day, viewport.to_day);
    }
  stats.median = median (times, n_frames);
  stats.p95 = percentile (times, n_frames, 95);
  return stats;
}

static double
time_export (EntenteDataset *dataset,
             const char     *path,
             guint           runs)
{
  g_autofree double *times = g_new (double, runs);
  EntenteExportOptions options;

  entente_export_options_init (&options);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();

      if (!entente_export_to_file (dataset, &options, path, &error))
        g_error ("%s", error->message);
      times[i] = now_ms () - start;
    }
  g_unlink (path);
  return median (times, runs);
}

/* Start-up to the first frame */

typedef struct {
  GMainLoop *loop;
  gboolean   done;
} Wait;

static void
wait_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  wait->done = TRUE;
  g_main_loop_quit (wait->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Milliseconds from launch until the program exits by itself after its
 * first frame, or a negative number when it does not. */
static double
time_start_up (const char *program)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSource) timeout = NULL;
  Wait wait = { NULL, FALSE };
  double start, elapsed;

  g_main_context_push_thread_default (context);
  loop = g_main_loop_new (context, FALSE);
  wait.loop = loop;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "ENTENTE_EXIT_AFTER_FIRST_FRAME", "1", TRUE);

  start = now_ms ();
  process = g_subprocess_launcher_spawn (launcher, &error, program, NULL);
  if (process == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_main_context_pop_thread_default (context);
      return -1;
    }
  g_subprocess_wait_async (process, NULL, wait_done_cb, &wait);
  timeout = g_timeout_source_new (STARTUP_TIMEOUT / 1000);
  g_source_set_callback (timeout, timeout_cb, loop, NULL);
  g_source_attach (timeout, context);
  g_main_loop_run (loop);
  elapsed = now_ms () - start;
  g_source_destroy (timeout);

  if (!wait.done)
    {
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
    }
  g_main_context_pop_thread_default (context);
  if (!wait.done || !g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    return -1;
  return elapsed;
}

/* Output */

/* Straight to standard output: g_print () would turn "×" into "?" in
 * the C locale that meson runs benchmarks in. */
G_GNUC_PRINTF (1, 2)
static void
out (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
}

static char *
format_ms (double ms)
{
  if (ms >= 10000)
    return g_strdup_printf ("%.1f s", ms / 1000);
  if (ms >= 1000)
    return g_strdup_printf ("%.2f s", ms / 1000);
  if (ms >= 100)
    return g_strdup_printf ("%.0f ms", ms);
  return g_strdup_printf ("%.1f ms", ms);
}

static char *
format_mib (guint64 kib)
{
  if (kib >= 10 * 1024)
    return g_strdup_printf ("%.0f MiB", kib / 1024.0);
  return g_strdup_printf ("%.1f MiB", kib / 1024.0);
}

static char *
format_count (guint n)
{
  /* Thin spaces between thousands, as the issue writes them. */
  if (n >= 1000000)
    return g_strdup_printf ("%u %03u %03u", n / 1000000, n / 1000 % 1000, n % 1000);
  if (n >= 1000)
    return g_strdup_printf ("%u %03u", n / 1000, n % 1000);
  return g_strdup_printf ("%u", n);
}

typedef struct {
  guint       n_events;
  guint64     file_bytes;
  double      load_ms;
  double      parse_ms;
  guint64     load_peak;
  guint64     parse_peak;
  FrameStats  frames[N_ZOOMS];
  double      png_ms;
  double      svg_ms;
  /* From bench-window, when it ran: see there. */
  gboolean    has_window;
  double      select_ms;
  double      filter_ms;
  double      search_start_ms;
  double      search_answer_ms;
  double      stall_ms;
} Row;

static gboolean
wanted (const char *what)
{
  g_auto(GStrv) parts = NULL;

  if (opt_only == NULL)
    return TRUE;
  parts = g_strsplit (opt_only, ",", -1);
  return g_strv_contains ((const char * const *) parts, what);
}

/* Parts that --only left out get a dash, not a zero. */
static void
print_table (const Row *rows,
             guint      n_rows)
{
  out ("| events | file | load (json-glib parse) | load ÷ parse | peak memory (parse) | peak ÷ parse "
           "| frame, whole range: median / p95 | frame, 10 years | frame, 1 month | PNG export | SVG export |\n");
  out ("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < n_rows; i++)
    {
      const Row *row = &rows[i];
      g_autofree char *count = format_count (row->n_events);
      g_autofree char *size = format_mib (row->file_bytes / 1024);
      g_autofree char *load = format_ms (row->load_ms);
      g_autofree char *parse = format_ms (row->parse_ms);
      g_autofree char *peak = format_mib (row->load_peak);
      g_autofree char *parse_peak = format_mib (row->parse_peak);
      g_autofree char *png = format_ms (row->png_ms);
      g_autofree char *svg = format_ms (row->svg_ms);

      out ("| %s | %s ", count, size);
      if (wanted ("load"))
        out ("| %s (%s) | %.2f× | %s (%s) | %.2f× ", load, parse, row->load_ms / row->parse_ms,
             peak, parse_peak, (double) row->load_peak / row->parse_peak);
      else
        out ("| – | – | – | – ");
      for (guint z = 0; z < N_ZOOMS; z++)
        {
          if (wanted (zoom_names[z]))
            out ("| %.1f / %.1f ms ", row->frames[z].median, row->frames[z].p95);
          else
            out ("| – ");
        }
      if (wanted ("export"))
        out ("| %s | %s |\n", png, svg);
      else
        out ("| – | – |\n");
    }
}

static void
print_window_table (const Row *rows,
                    guint      n_rows)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_rows; i++)
    any = any || rows[i].has_window;
  if (!any)
    return;
  out ("\nThe window's own work, on its main thread (medians):\n\n");
  out ("| events | pick an event | hide a category | start a search | search answered | longest wait while searching |\n");
  out ("|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < n_rows; i++)
    {
      const Row *row = &rows[i];
      g_autofree char *count = format_count (row->n_events);
      g_autofree char *answer = format_ms (row->search_answer_ms);

      if (!row->has_window)
        continue;
      out ("| %s | %.1f ms | %.1f ms | %.1f ms | %s | %.0f ms |\n", count, row->select_ms, row->filter_ms,
           row->search_start_ms, answer, row->stall_ms);
    }
}

/* bench-window's one line; FALSE when it failed or printed something
 * else. */
static gboolean
time_window (const char *path,
             Row        *row)
{
  const char *argv[] = { opt_window, path, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &output, NULL, &status, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    return FALSE;
  return sscanf (output, "select %lf filter %lf search-start %lf search-answer %lf longest-stall %lf",
                 &row->select_ms, &row->filter_ms, &row->search_start_ms, &row->search_answer_ms,
                 &row->stall_ms) == 5;
}

/* What the targets compare: the largest dataset's frame against the
 * smallest's, zoom by zoom. */
static void
print_frame_ratios (const Row *rows,
                    guint      n_rows)
{
  static const char *const zoom_titles[N_ZOOMS] = { "whole range", "10 years", "1 month" };
  const Row *small = &rows[0], *large = &rows[0];
  g_autofree char *small_count = NULL;
  g_autofree char *large_count = NULL;
  const char *separator = "";

  for (guint i = 1; i < n_rows; i++)
    {
      if (rows[i].n_events < small->n_events)
        small = &rows[i];
      if (rows[i].n_events > large->n_events)
        large = &rows[i];
    }
  if (small == large)
    return;
  small_count = format_count (small->n_events);
  large_count = format_count (large->n_events);
  out ("\nFrame medians, %s ÷ %s events:", large_count, small_count);
  for (guint z = 0; z < N_ZOOMS; z++)
    {
      if (!wanted (zoom_names[z]))
        continue;
      out ("%s %s %.1f×", separator, zoom_titles[z], large->frames[z].median / small->frames[z].median);
      separator = ",";
    }
  out ("\n");
}

/* The processor's name and count, which the numbers depend on. */
static void
print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
      (line = strstr (cpuinfo, "model name")) != NULL && (line = strchr (line, ':')) != NULL)
    model = g_strstrip (g_strndup (line + 1, strcspn (line + 1, "\n")));
  out ("\nMeasured on %s, %u processors.\n", model != NULL ? model : "an unknown processor",
       g_get_num_processors ());
}

static gboolean
has_display (void)
{
  const char *display = g_getenv ("WAYLAND_DISPLAY");

  if (display == NULL || *display == '\0')
    display = g_getenv ("DISPLAY");
  return display != NULL && *display != '\0';
}

static GArray *
parse_sizes (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 5000000, &n, NULL))
        g_error ("not a number of events: %s", parts[i]);
      g_array_append_val (sizes, n);
    }
  return sizes;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure Entente from a thousand events to a million");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(EntenteStyle) style = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *workdir = NULL;
  g_autofree Row *rows = NULL;
  cairo_surface_t *surface;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_child != NULL)
    return run_child (opt_child);

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  if (self_exe == NULL)
    g_error ("%s", error->message);
  sizes = parse_sizes (opt_sizes != NULL ? opt_sizes : "1000,10000,100000,1000000");
  opt_frames = MAX (opt_frames, 1);

  if (opt_workdir != NULL)
    {
      workdir = g_strdup (opt_workdir);
      g_mkdir_with_parents (workdir, 0755);
    }
  else if ((workdir = g_dir_make_tmp ("entente-bench-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);

  style = entente_style_new (FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  rows = g_new0 (Row, sizes->len);

  for (guint i = 0; i < sizes->len; i++)
    {
      Row *row = &rows[i];
      guint n = g_array_index (sizes, guint, i);
      g_autofree char *path = g_strdup_printf ("%s/events-%u.json", workdir, n);
      g_autofree char *png = g_strdup_printf ("%s/export-%u.png", workdir, n);
      g_autofree char *svg = g_strdup_printf ("%s/export-%u.svg", workdir, n);
      g_autoptr(EntenteDataset) dataset = NULL;
      g_autoptr(EntenteTextCache) cache = NULL;
      /* The largest files take seconds a load: fewer repetitions, but
       * never one, which left the ratio to chance. */
      guint runs = n >= 100000 ? 3 : 5;
      g_autofree double *load_ms = g_new (double, runs);
      g_autofree double *parse_ms = g_new (double, runs);
      GStatBuf st;

      row->n_events = n;
      if (g_stat (path, &st) != 0)
        {
          g_printerr ("%u events: generating %s\n", n, path);
          if (!generate_dataset (path, n, &error))
            g_error ("%s", error->message);
          g_stat (path, &st);
        }
      row->file_bytes = st.st_size;

      /* Loads and parses alternate, so that whatever else the machine
       * does weighs on both alike. */
      if (wanted ("load"))
        g_printerr ("%u events: loading %u times, each in a process of its own\n", n, runs);
      for (guint r = 0; r < runs && wanted ("load"); r++)
        {
          ChildResult parse, load;

          if (!spawn_child (self_exe, "parse", path, &parse, &error) ||
              !spawn_child (self_exe, "load", path, &load, &error))
            g_error ("%s", error->message);
          parse_ms[r] = parse.ms;
          load_ms[r] = load.ms;
          row->parse_peak = r == 0 ? parse.peak_kib : MIN (row->parse_peak, parse.peak_kib);
          row->load_peak = r == 0 ? load.peak_kib : MIN (row->load_peak, load.peak_kib);
        }
      if (wanted ("load"))
        {
          row->parse_ms = median (parse_ms, runs);
          row->load_ms = median (load_ms, runs);
        }

      dataset = entente_dataset_new_from_file (path, NULL, &error);
      if (dataset == NULL)
        g_error ("%s", error->message);
      cache = entente_text_cache_new (dataset);

      for (Zoom z = 0; z < N_ZOOMS; z++)
        {
          FrameStats warm_up;

          if (!wanted (zoom_names[z]))
            continue;
          g_printerr ("%u events: %d frames at zoom %d\n", n, opt_frames, z);
          /* Fonts load on the first frame of a process: not a frame's
           * cost. Elsewhere, so the frames measured find nothing of it. */
          warm_up = time_frames (dataset, cache, style, surface, z, 2, 0x3a11);
          (void) warm_up;
          row->frames[z] = time_frames (dataset, cache, style, surface, z, opt_frames, 0xf4a3e5);
        }

      if (wanted ("export"))
        {
          g_printerr ("%u events: exports\n", n);
          row->png_ms = time_export (dataset, png, 3);
          row->svg_ms = time_export (dataset, svg, 3);
        }

      if (wanted ("window") && opt_window != NULL && has_display ())
        {
          g_printerr ("%u events: the window\n", n);
          row->has_window = time_window (path, row);
          if (!row->has_window)
            g_printerr ("%u events: %s failed\n", n, opt_window);
        }

      if (!opt_keep)
        g_unlink (path);
    }
  cairo_surface_destroy (surface);
  if (!opt_keep)
    g_rmdir (workdir);

  print_table (rows, sizes->len);
  print_frame_ratios (rows, sizes->len);
  print_window_table (rows, sizes->len);
  print_machine ();

  if (opt_startup_runs <= 0)
    out ("\nStart-up to the first frame: not measured (--startup-runs=0).\n");
  else if (opt_entente == NULL || opt_minimal == NULL)
    out ("\nStart-up to the first frame: skipped (give --entente and --minimal).\n");
  else if (!has_display ())
    out ("\nStart-up to the first frame: skipped, no display (run under xvfb-run).\n");
  else
    {
      g_autofree double *entente = g_new (double, opt_startup_runs);
      g_autofree double *minimal = g_new (double, opt_startup_runs);
      gboolean failed = FALSE;

      g_printerr ("start-up: %d runs of each\n", opt_startup_runs);
      /* One of each first, so that both start from a warm disk cache. */
      time_start_up (opt_minimal);
      time_start_up (opt_entente);
      for (int r = 0; r < opt_startup_runs && !failed; r++)
        {
          minimal[r] = time_start_up (opt_minimal);
          entente[r] = time_start_up (opt_entente);
          failed = minimal[r] < 0 || entente[r] < 0;
        }
      if (failed)
        out ("\nStart-up to the first frame: failed (a program did not exit after its first frame).\n");
      else
        {
          double e = median (entente, opt_startup_runs), m = median (minimal, opt_startup_runs);

          out ("\nStart-up to the first frame of the bundled dataset: %.0f ms, against %.0f ms "
                   "for a minimal libadwaita window: %.2f× (medians of %d runs).\n",
                   e, m, e / m, opt_startup_runs);
        }
    }
  return 0;
}
