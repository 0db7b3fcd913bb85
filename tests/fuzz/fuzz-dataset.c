/* fuzz-dataset.c: libFuzzer target for the dataset loader
 *
 * Feeds arbitrary bytes to the loader. A refused file must come with
 * well-formed problems; a loaded one must keep every promise of
 * entente-dataset.h (indexes in range, events sorted, UTF-8 text), and
 * its dates must format. A broken promise aborts, which libFuzzer reports
 * as a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "entente-dataset.h"
#include "entente-json-scan.h"
#include "fuzz-common.h"

#define DISPLAY_NAME "fuzz.json"

/* Small limits for the pre-scan check below, so that short inputs can
 * reach them. */
#define SCAN_MAX_DEPTH  8
#define SCAN_MAX_VALUES 64

/* Source texts for excerpt verification, in a directory of our own: the
 * loader keeps "file" inside the base directory, so inputs read only these. */
static const char source_text[] =
  "The Chronicle\n\n"
  "Paragraph one says that the treaty was signed on a cold morning. Nobody came.\n\n"
  "Paragraph two: \u201cPeace,\u201d they said \u2014 and   meant it.\n";

static char *sources_dir;

static void
remove_sources_dir (void)
{
  const char *names[] = { "chronicle.txt", "texts/chronicle.txt", "texts", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (sources_dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (sources_dir);
  g_clear_pointer (&sources_dir, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *top = NULL;
  g_autofree char *nested = NULL;

  fuzz_setup ();

  sources_dir = g_dir_make_tmp ("entente-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  texts = g_build_filename (sources_dir, "texts", NULL);
  top = g_build_filename (sources_dir, "chronicle.txt", NULL);
  nested = g_build_filename (texts, "chronicle.txt", NULL);
  g_assert (g_mkdir (texts, 0700) == 0);
  g_file_set_contents (top, source_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (nested, source_text, -1, &error);
  g_assert_no_error (error);
  atexit (remove_sources_dir);
  return 0;
}

/* The pre-scan exists so that json-glib never sees deeper nesting or more
 * values than allowed. Check that promise directly: whatever it lets
 * through must, once parsed, stay within the limits it was given. */
static void
count_nodes (JsonNode *node,
             guint     depth,
             guint    *n_nodes)
{
  CHECK (++*n_nodes <= SCAN_MAX_VALUES);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      CHECK (depth + 1 <= SCAN_MAX_DEPTH);
      for (guint i = 0; i < json_array_get_length (array); i++)
        count_nodes (json_array_get_element (array, i), depth + 1, n_nodes);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      CHECK (depth + 1 <= SCAN_MAX_DEPTH);
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        count_nodes (member, depth + 1, n_nodes);
    }
}

static void
check_scan (const guint8 *data,
            size_t        size)
{
  g_autoptr(JsonParser) parser = NULL;
  EntenteJsonScan scan;
  JsonNode *root;
  guint n_nodes = 0;

  entente_json_scan ((const char *) data, size, SCAN_MAX_DEPTH, SCAN_MAX_VALUES, &scan);
  if (scan.status != ENTENTE_JSON_SCAN_OK)
    {
      CHECK (scan.line >= 1 && scan.column >= 1);
      return;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root != NULL)
    count_nodes (root, 0, &n_nodes);
}

static void
check_text (const char *text,
            gboolean    required)
{
  if (text == NULL)
    {
      CHECK (!required);
      return;
    }
  CHECK (g_utf8_validate (text, -1, NULL));
  if (required)
    CHECK (*text != '\0');
}

static void
check_problems (GPtrArray    *problems,
                const GError *error)
{
  const EntenteProblem *first;

  CHECK (error != NULL && error->domain == ENTENTE_DATASET_ERROR);
  CHECK (g_utf8_validate (error->message, -1, NULL));
  CHECK (problems != NULL && problems->len > 0);

  first = g_ptr_array_index (problems, 0);
  CHECK ((int) first->code == error->code);

  for (guint i = 0; i < problems->len; i++)
    {
      const EntenteProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = entente_problem_to_string (problem);

      CHECK (g_str_equal (problem->file, DISPLAY_NAME));
      /* Exactly one of a JSON path and a position, as the header says. */
      CHECK ((problem->json_path != NULL) != (problem->line > 0));
      CHECK (problem->line > 0 || problem->column == 0);
      check_text (problem->json_path, FALSE);
      check_text (problem->message, TRUE);
      CHECK (g_utf8_validate (line, -1, NULL));
    }
}

static void
check_date (const EntenteDate *date)
{
  g_autofree char *formatted = entente_date_format (date);
  g_autofree char *edtf = entente_date_to_edtf (date);
  EntenteDate again;

  CHECK (formatted != NULL && g_utf8_validate (formatted, -1, NULL));
  CHECK (entente_date_parse (edtf, &again, NULL));
  CHECK (entente_date_compare (date, &again) == 0);
  CHECK (entente_date_start_day (date) < entente_date_end_day (date));
}

static void
check_excerpts (EntenteDataset *dataset,
                guint           first,
                guint           n)
{
  guint n_excerpts = entente_dataset_get_n_excerpts (dataset);

  CHECK (first <= n_excerpts && n <= n_excerpts - first);
  for (guint i = first; i < first + n; i++)
    {
      const EntenteExcerpt *excerpt = entente_dataset_get_excerpt (dataset, i);

      CHECK (excerpt->source < entente_dataset_get_n_sources (dataset));
      check_text (excerpt->quote, TRUE);
      check_text (excerpt->locator, FALSE);
    }
}

static void
check_kinds (EntenteDataset *dataset,
             guint           n,
             const EntenteKind *(*get) (EntenteDataset *, guint))
{
  for (guint i = 0; i < n; i++)
    {
      const EntenteKind *kind = get (dataset, i);

      check_text (kind->id, TRUE);
      check_text (kind->label, TRUE);
      CHECK (kind->has_color || kind->color == 0);
      CHECK (kind->color <= 0xFFFFFF);
    }
}

static void
check_dataset (EntenteDataset *dataset)
{
  const EntenteEvent *events;
  guint n_events, n_periods, n_sources;
  gint64 first_day = 0, end_day = 0, max_span;
  gboolean has_range;

  CHECK (g_str_equal (entente_dataset_get_display_name (dataset), DISPLAY_NAME));
  check_text (entente_dataset_get_title (dataset), TRUE);
  check_text (entente_dataset_get_subtitle (dataset), FALSE);
  check_text (entente_dataset_get_description (dataset), FALSE);

  for (guint i = 0; i < entente_dataset_get_n_parties (dataset); i++)
    {
      check_text (entente_dataset_get_party (dataset, i), TRUE);
      CHECK (entente_dataset_get_actor_label (dataset, i) == entente_dataset_get_party (dataset, i));
    }
  /* "Joint", in the user's language. */
  check_text (entente_dataset_get_actor_label (dataset, ENTENTE_ACTOR_JOINT), TRUE);
  CHECK (entente_dataset_get_actor_label (dataset, ENTENTE_ACTOR_NONE) == NULL);

  n_sources = entente_dataset_get_n_sources (dataset);
  for (guint i = 0; i < n_sources; i++)
    {
      const EntenteSource *source = entente_dataset_get_source (dataset, i);

      check_text (source->id, TRUE);
      check_text (source->title, TRUE);
      check_text (source->author, FALSE);
      check_text (source->publisher, FALSE);
      check_text (source->date, FALSE);
      check_text (source->url, FALSE);
      check_text (source->license, FALSE);
      check_text (source->file, FALSE);
    }

  check_kinds (dataset, entente_dataset_get_n_period_kinds (dataset),
               entente_dataset_get_period_kind);
  check_kinds (dataset, entente_dataset_get_n_categories (dataset),
               entente_dataset_get_category);

  has_range = entente_dataset_get_range (dataset, &first_day, &end_day);
  max_span = entente_dataset_get_max_span_days (dataset);
  CHECK (max_span >= 0);
  if (has_range)
    CHECK (first_day < end_day);

  n_periods = entente_dataset_get_n_periods (dataset);
  for (guint i = 0; i < n_periods; i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);

      check_text (period->id, TRUE);
      check_text (period->label, TRUE);
      check_text (period->summary, FALSE);
      CHECK (period->kind < entente_dataset_get_n_period_kinds (dataset));
      check_date (&period->start);
      check_date (&period->end);
      CHECK (entente_date_start_day (&period->start) <= entente_date_start_day (&period->end));
      CHECK (has_range);
      CHECK (first_day <= entente_date_start_day (&period->start));
      CHECK (end_day >= entente_date_end_day (&period->end));
      if (i > 0)
        CHECK (entente_date_compare (&entente_dataset_get_period (dataset, i - 1)->start,
                                     &period->start) <= 0);
      check_excerpts (dataset, period->first_excerpt, period->n_excerpts);
    }

  events = entente_dataset_get_events (dataset, &n_events);
  CHECK (n_events == entente_dataset_get_n_events (dataset));
  CHECK (entente_dataset_lower_bound (dataset, G_MININT64) == 0);
  CHECK (entente_dataset_lower_bound (dataset, G_MAXINT64) == n_events);
  for (guint i = 0; i < n_events; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);
      guint lower;

      CHECK (event == &events[i]);
      check_text (event->id, TRUE);
      check_text (event->title, TRUE);
      check_text (event->summary, FALSE);
      check_date (&event->date);
      if (event->is_span)
        check_date (&event->end);
      CHECK (event->category == ENTENTE_NO_CATEGORY ||
             (event->category >= 0 &&
              (guint) event->category < entente_dataset_get_n_categories (dataset)));
      CHECK (event->actor == ENTENTE_ACTOR_NONE || event->actor == ENTENTE_ACTOR_JOINT ||
             (event->actor >= 0 && (guint) event->actor < entente_dataset_get_n_parties (dataset)));
      if (event->actor != ENTENTE_ACTOR_NONE)
        CHECK (entente_dataset_get_actor_label (dataset, event->actor) != NULL);

      CHECK (event->start_day == entente_date_start_day (&event->date));
      CHECK (event->start_day < event->end_day);
      CHECK (event->end_day - event->start_day <= max_span);
      CHECK (has_range && first_day <= event->start_day && event->end_day <= end_day);
      if (i > 0)
        CHECK (events[i - 1].start_day <= event->start_day);

      lower = entente_dataset_lower_bound (dataset, event->start_day);
      CHECK (lower <= i && events[lower].start_day == event->start_day);
      CHECK (lower == 0 || events[lower - 1].start_day < event->start_day);
      CHECK (entente_dataset_lower_bound (dataset, event->start_day + 1) > i);

      check_excerpts (dataset, event->first_excerpt, event->n_excerpts);
    }

  /* The base directory holds the source texts, so quotes get compared. */
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;

    if (!entente_dataset_verify_excerpts (dataset, NULL, &problems, &error))
      check_problems (problems, error);
    else
      CHECK (error == NULL && problems == NULL);
  }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  check_scan (data, size);

  dataset = entente_dataset_new_from_bytes (bytes, DISPLAY_NAME, sources_dir, &problems, &error);
  if (dataset == NULL)
    {
      check_problems (problems, error);
      return 0;
    }

  CHECK (error == NULL && problems == NULL);
  check_dataset (dataset);
  return 0;
}
