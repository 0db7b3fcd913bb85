/* test-dataset.c: loading, validation and excerpt verification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "entente-dataset.h"
#include "entente-json-scan.h"
#include "test-data.h"

static const struct {
  const char          *name;
  EntenteDatasetError  code;
} code_names[] = {
  { "io", ENTENTE_DATASET_ERROR_IO },
  { "too-large", ENTENTE_DATASET_ERROR_TOO_LARGE },
  { "encoding", ENTENTE_DATASET_ERROR_ENCODING },
  { "syntax", ENTENTE_DATASET_ERROR_SYNTAX },
  { "format", ENTENTE_DATASET_ERROR_FORMAT },
  { "missing", ENTENTE_DATASET_ERROR_MISSING },
  { "type", ENTENTE_DATASET_ERROR_TYPE },
  { "value", ENTENTE_DATASET_ERROR_VALUE },
  { "duplicate", ENTENTE_DATASET_ERROR_DUPLICATE },
  { "reference", ENTENTE_DATASET_ERROR_REFERENCE },
  { "date", ENTENTE_DATASET_ERROR_DATE },
  { "order", ENTENTE_DATASET_ERROR_ORDER },
  { "color", ENTENTE_DATASET_ERROR_COLOR },
  { "source-file", ENTENTE_DATASET_ERROR_SOURCE_FILE },
  { "excerpt", ENTENTE_DATASET_ERROR_EXCERPT },
};

static int
code_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_names); i++)
    if (g_str_equal (code_names[i].name, name))
      return code_names[i].code;
  g_error ("unknown error code name “%s” in EXPECTED", name);
  return -1;
}

typedef struct {
  char *file;
  int   code;
  char *where;
} InvalidCase;

static void
invalid_case_free (gpointer data)
{
  InvalidCase *c = data;

  g_free (c->file);
  g_free (c->where);
  g_free (c);
}

/* Load FILE, expect failure with the given first problem, and check the
 * shape of every reported line. */
static void
test_invalid_file (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const EntenteProblem *first;

  dataset = entente_dataset_new_from_file (c->file, &problems, &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_error (error, ENTENTE_DATASET_ERROR, c->code);

  first = g_ptr_array_index (problems, 0);
  g_assert_cmpint (first->code, ==, c->code);

  if (g_str_equal (c->where, "line"))
    {
      g_assert_null (first->json_path);
      g_assert_cmpuint (first->line, >, 0);
    }
  else if (g_ascii_isdigit (c->where[0]))
    {
      g_autofree char *position = g_strdup_printf ("%u:%u", first->line, first->column);

      g_assert_null (first->json_path);
      g_assert_cmpstr (position, ==, c->where);
    }
  else
    g_assert_cmpstr (first->json_path, ==, c->where);

  /* Every line names the file, and the error holds one line per problem. */
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = entente_problem_to_string (g_ptr_array_index (problems, i));

      g_assert_true (g_str_has_prefix (line, c->file));
      g_assert_nonnull (strstr (error->message, line));
    }
}

static void
add_invalid_table (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "invalid", NULL);
  g_autofree char *table = g_build_filename (dir, "EXPECTED", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0;

  if (!g_file_get_contents (table, &contents, NULL, &error))
    g_error ("%s", error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *test_path = NULL;
      InvalidCase *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      c = g_new0 (InvalidCase, 1);
      c->file = g_build_filename (dir, fields[0], NULL);
      c->code = code_from_name (fields[1]);
      c->where = g_strdup (fields[2]);
      test_path = g_strdup_printf ("/dataset/invalid/%s", fields[0]);
      g_test_add_data_func_full (test_path, c, test_invalid_file, invalid_case_free);
      n_cases++;
    }

  /* The table must not shrink unnoticed. */
  g_assert_cmpuint (n_cases, >=, 25);
}

static EntenteDataset *
load_valid (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GError) error = NULL;
  EntenteDataset *dataset;

  dataset = entente_dataset_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static const EntenteEvent *
find_event (EntenteDataset *dataset,
            const char     *id)
{
  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      if (g_str_equal (event->id, id))
        return event;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_date (const EntenteDate *date,
             const char        *edtf)
{
  g_autofree char *text = entente_date_to_edtf (date);

  g_assert_cmpstr (text, ==, edtf);
}

static void
test_valid_full (void)
{
  g_autoptr(EntenteDataset) dataset = load_valid ("full.json");
  const EntenteSource *source;
  const EntenteKind *kind;
  const EntentePeriod *period;
  const EntenteEvent *event;
  const EntenteExcerpt *excerpt;
  gint64 first, end;

  g_assert_cmpstr (entente_dataset_get_title (dataset), ==, "Every member, every kind of date");
  g_assert_cmpstr (entente_dataset_get_subtitle (dataset), ==, "A test dataset");
  g_assert_cmpstr (entente_dataset_get_description (dataset), ==,
                   "Exercises each optional member and each date form.");
  g_assert_cmpuint (entente_dataset_get_n_parties (dataset), ==, 2);
  g_assert_cmpstr (entente_dataset_get_party (dataset, 1), ==, "Borduria");

  g_assert_cmpuint (entente_dataset_get_n_sources (dataset), ==, 2);
  source = entente_dataset_get_source (dataset, 0);
  g_assert_cmpstr (source->id, ==, "chronicle");
  g_assert_cmpstr (source->author, ==, "A. Scribe");
  g_assert_cmpstr (source->publisher, ==, "Old Press");
  g_assert_cmpstr (source->date, ==, "1910-05");
  g_assert_cmpstr (source->url, ==, "https://example.org/chronicle");
  g_assert_cmpstr (source->license, ==, "CC BY 4.0");
  g_assert_cmpstr (source->file, ==, "texts/chronicle.txt");
  source = entente_dataset_get_source (dataset, 1);
  g_assert_null (source->author);
  g_assert_null (source->file);
  g_assert_null (source->url);

  kind = entente_dataset_get_period_kind (dataset, 0);
  g_assert_true (kind->has_color);
  g_assert_cmphex (kind->color, ==, 0xCC3333);
  kind = entente_dataset_get_period_kind (dataset, 1);
  g_assert_false (kind->has_color);
  g_assert_cmphex (entente_dataset_get_category (dataset, 0)->color, ==, 0x3366CC);

  /* Periods come sorted by start: the BCE one first. */
  g_assert_cmpuint (entente_dataset_get_n_periods (dataset), ==, 2);
  period = entente_dataset_get_period (dataset, 0);
  g_assert_cmpstr (period->id, ==, "ancient");
  assert_date (&period->start, "-0221");
  g_assert_null (period->summary);
  g_assert_cmpuint (period->n_excerpts, ==, 0);
  period = entente_dataset_get_period (dataset, 1);
  g_assert_cmpstr (period->id, ==, "great-war");
  g_assert_cmpuint (period->kind, ==, 0);
  g_assert_cmpint (period->start.qualifier, ==, ENTENTE_QUALIFIER_APPROXIMATE);
  g_assert_cmpint (period->end.qualifier, ==, ENTENTE_QUALIFIER_UNCERTAIN);
  g_assert_cmpuint (period->n_excerpts, ==, 1);
  g_assert_cmpuint (period->file_index, ==, 1);

  g_assert_cmpuint (entente_dataset_get_n_events (dataset), ==, 8);
  event = find_event (dataset, "late");
  assert_date (&event->date, "1950-02-14");
  g_assert_false (event->is_span);
  g_assert_cmpint (event->actor, ==, 1);
  g_assert_cmpstr (entente_dataset_get_actor_label (dataset, event->actor), ==, "Borduria");
  g_assert_cmpint (event->category, ==, 0);
  g_assert_cmpstr (event->summary, ==, "They signed it.");
  g_assert_cmpuint (event->n_excerpts, ==, 2);
  g_assert_cmpuint (event->file_index, ==, 0);
  excerpt = entente_dataset_get_excerpt (dataset, event->first_excerpt);
  g_assert_cmpstr (excerpt->quote, ==, "“They signed” — at last.");
  g_assert_cmpstr (excerpt->locator, ==, "chapter 9");
  g_assert_cmpuint (excerpt->source, ==, 0);
  excerpt = entente_dataset_get_excerpt (dataset, event->first_excerpt + 1);
  g_assert_cmpuint (excerpt->source, ==, 1);
  g_assert_null (excerpt->locator);
  g_assert_cmpint (event->end_day - event->start_day, ==, 1);

  event = find_event (dataset, "month");
  g_assert_cmpint (event->date.precision, ==, ENTENTE_PRECISION_MONTH);
  g_assert_cmpint (event->end_day - event->start_day, ==, 31);
  g_assert_cmpint (find_event (dataset, "approx")->actor, ==, ENTENTE_ACTOR_JOINT);
  g_assert_cmpint (find_event (dataset, "uncertain")->actor, ==, ENTENTE_ACTOR_NONE);
  g_assert_cmpint (find_event (dataset, "uncertain")->category, ==, ENTENTE_NO_CATEGORY);
  g_assert_cmpint (find_event (dataset, "both")->date.qualifier, ==,
                   ENTENTE_QUALIFIER_APPROXIMATE | ENTENTE_QUALIFIER_UNCERTAIN);

  event = find_event (dataset, "bce");
  g_assert_cmpint (event->date.year, ==, -220);
  g_assert_cmpint (event->start_day, <, 0);

  event = find_event (dataset, "span");
  g_assert_true (event->is_span);
  assert_date (&event->end, "1904-12-31");
  g_assert_cmpint (event->end_day, ==, entente_days_from_civil (1905, 1, 1));
  g_assert_cmpint (entente_dataset_get_max_span_days (dataset), ==, event->end_day - event->start_day);

  event = find_event (dataset, "null-optional");
  g_assert_false (event->is_span);
  g_assert_null (event->summary);
  g_assert_cmpint (event->category, ==, ENTENTE_NO_CATEGORY);

  g_assert_true (entente_dataset_get_range (dataset, &first, &end));
  g_assert_cmpint (first, ==, entente_days_from_civil (-221, 1, 1));
  g_assert_cmpint (end, ==, entente_days_from_civil (1950, 2, 15));
}

static void
test_valid_minimal (void)
{
  g_autoptr(EntenteDataset) dataset = load_valid ("minimal.json");

  g_assert_cmpstr (entente_dataset_get_title (dataset), ==, "An empty timeline");
  g_assert_null (entente_dataset_get_subtitle (dataset));
  g_assert_null (entente_dataset_get_description (dataset));
  g_assert_cmpuint (entente_dataset_get_n_parties (dataset), ==, 0);
  g_assert_cmpuint (entente_dataset_get_n_events (dataset), ==, 0);
  g_assert_cmpuint (entente_dataset_get_n_periods (dataset), ==, 0);
  g_assert_cmpuint (entente_dataset_get_n_sources (dataset), ==, 0);
  g_assert_false (entente_dataset_get_range (dataset, NULL, NULL));
  g_assert_cmpuint (entente_dataset_lower_bound (dataset, 0), ==, 0);
}

static void
test_sorted_and_lower_bound (void)
{
  g_autoptr(EntenteDataset) dataset = load_valid ("full.json");
  guint n;
  const EntenteEvent *events = entente_dataset_get_events (dataset, &n);
  gint64 day_1901 = entente_days_from_civil (1901, 1, 1);
  guint index;

  for (guint i = 1; i < n; i++)
    g_assert_cmpint (events[i - 1].start_day, <=, events[i].start_day);

  index = entente_dataset_lower_bound (dataset, day_1901);
  g_assert_cmpint (events[index].start_day, >=, day_1901);
  g_assert_cmpint (events[index - 1].start_day, <, day_1901);
  g_assert_cmpuint (entente_dataset_lower_bound (dataset, G_MININT64 / 2), ==, 0);
  g_assert_cmpuint (entente_dataset_lower_bound (dataset, G_MAXINT64 / 2), ==, n);
}

/* Counts by actor over any run of events agree with counting one by
 * one, across and within the blocks counted ahead; and so do those of
 * flagged events only. */
static void
test_count_actors (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Actors\","
                                          " \"parties\": [\"A\", \"B\"], \"events\": [");
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1727);
  const char *actors[] = { "\"actor\": \"A\", ", "\"actor\": \"B\", ", "\"actor\": \"joint\", ", "" };
  const EntenteEvent *events;
  gboolean flags[1024];
  guint n;

  /* A whole number of blocks: a count up to the end starts a block. */
  for (guint i = 0; i < 1024; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"E\", %s\"date\": \"%u\" }",
                            i > 0 ? "," : "", i, actors[g_rand_int_range (rand, 0, 4)],
                            g_rand_int_range (rand, 1700, 2000));
  g_string_append (json, "] }");
  dataset = entente_test_load_json (json->str, "actors.json");
  events = entente_dataset_get_events (dataset, &n);
  g_assert_cmpuint (n, ==, 1024);

  for (guint i = 0; i < n; i++)
    flags[i] = g_rand_int_range (rand, 0, 3) == 0;
  for (guint k = 0; k < 2000; k++)
    {
      guint first = g_rand_int_range (rand, 0, n + 1);
      guint end = k == 0 ? n : (guint) g_rand_int_range (rand, first, n + 1);
      guint counts[3], flagged[3], expected[3] = { 0, 0, 0 }, expected_flagged[3] = { 0, 0, 0 };

      if (k == 1)
        first = end = 0;
      for (guint i = first; i < end; i++)
        {
          guint code = events[i].actor == 0 ? 0 : events[i].actor == 1 ? 1 : 2;

          expected[code]++;
          expected_flagged[code] += flags[i];
        }
      entente_dataset_count_actors (dataset, first, end, counts);
      entente_dataset_count_actors_shown (dataset, first, end, NULL, flags, flagged);
      for (guint c = 0; c < 3; c++)
        {
          g_assert_cmpuint (counts[c], ==, expected[c]);
          g_assert_cmpuint (flagged[c], ==, expected_flagged[c]);
        }
    }
}

/* The events collected for hidden categories and flags, and their
 * counts by actor over any run of events, are those a look at every
 * event finds (collected in order, after what the array held). */
static void
check_collect_events (guint n_categories)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Categories\","
                                          " \"parties\": [\"A\", \"B\"], \"categories\": [");
  const char *actors[] = { "\"actor\": \"A\", ", "\"actor\": \"B\", ", "\"actor\": \"joint\", ", "" };
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1858 + n_categories);
  g_autofree gboolean *hidden = g_new0 (gboolean, n_categories);
  gboolean flags[2000];
  const EntenteEvent *events;
  guint n;

  for (guint c = 0; c < n_categories; c++)
    g_string_append_printf (json, "%s{ \"id\": \"c%u\", \"label\": \"C%u\" }", c > 0 ? "," : "", c, c);
  g_string_append (json, "], \"events\": [");
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *category = NULL;

      /* Half in the first few categories, the rest anywhere or none. */
      if (g_rand_int_range (rand, 0, 2) == 0)
        category = g_strdup_printf ("\"category\": \"c%d\", ", g_rand_int_range (rand, 0, 4));
      else if (g_rand_int_range (rand, 0, 5) > 0)
        category = g_strdup_printf ("\"category\": \"c%d\", ", g_rand_int_range (rand, 0, n_categories));
      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"E\", %s%s\"date\": \"%u\" }",
                              i > 0 ? "," : "", i, category != NULL ? category : "",
                              actors[g_rand_int_range (rand, 0, 4)], g_rand_int_range (rand, 1700, 2000));
    }
  g_string_append (json, "] }");
  dataset = entente_test_load_json (json->str, "categories.json");
  events = entente_dataset_get_events (dataset, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (flags));

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean use_hidden = round % 4 != 1, use_flags = round % 4 != 2;
      guint before = round % 3;

      for (guint c = 0; c < n_categories; c++)
        hidden[c] = g_rand_int_range (rand, 0, 3) == 0;
      for (guint i = 0; i < n; i++)
        flags[i] = g_rand_int_range (rand, 0, 3) > 0;
      /* Appended after what the array holds. */
      for (guint k = 0; k < before; k++)
        {
          guint sentinel = 7777 + k;

          g_array_append_val (found, sentinel);
          g_array_append_val (expected, sentinel);
        }
      for (guint i = 0; i < n; i++)
        if ((!use_hidden || events[i].category < 0 || !hidden[events[i].category]) && (!use_flags || flags[i]))
          g_array_append_val (expected, i);

      entente_dataset_collect_events (dataset, use_hidden ? hidden : NULL, use_flags ? flags : NULL, found);
      g_assert_cmpmem (found->data, found->len * sizeof (guint), expected->data, expected->len * sizeof (guint));

      for (guint k = 0; k < 20; k++)
        {
          guint first = g_rand_int_range (rand, 0, n + 1);
          guint end = g_rand_int_range (rand, first, n + 1);
          guint counts[3], reference[3] = { 0, 0, 0 };

          for (guint i = first; i < end; i++)
            if ((!use_hidden || events[i].category < 0 || !hidden[events[i].category]) && (!use_flags || flags[i]))
              reference[events[i].actor == 0 ? 0 : events[i].actor == 1 ? 1 : 2]++;
          entente_dataset_count_actors_shown (dataset, first, end, use_hidden ? hidden : NULL,
                                              use_flags ? flags : NULL, counts);
          for (guint c = 0; c < 3; c++)
            g_assert_cmpuint (counts[c], ==, reference[c]);
        }
    }
}

/* With a few categories, and with more than a byte per event can
 * number, which are counted another way. */
static void
test_collect_events (void)
{
  g_autoptr(EntenteDataset) empty = load_valid ("minimal.json");
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean flags[1] = { TRUE };

  check_collect_events (12);
  check_collect_events (300);

  /* A dataset without events, into an array that has no storage yet:
   * nothing, and no pointer into nothing, which the sanitizer catches. */
  entente_dataset_collect_events (empty, NULL, NULL, none);
  entente_dataset_collect_events (empty, NULL, flags, none);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The events reaching a day are exactly those a scan of every event
 * finds, in dataset order, for spans from one day to centuries. */
static void
test_collect_reaching (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"Spans\", \"events\": [");
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GRand) rand = g_rand_new_with_seed (1689);
  const EntenteEvent *events;
  gint64 first = entente_days_from_civil (1600, 1, 1);
  guint n, n_reaching = 0;

  for (guint i = 0; i < 3000; i++)
    {
      /* Spans of 1 day up to about 300 years, spread over every class. */
      gint64 start = first + g_rand_int_range (rand, 0, 400 * 365);
      gint64 span = (gint64) exp (g_rand_double_range (rand, 0, log (300 * 365)));
      gint64 y, ey;
      guint m, d, em, ed;

      entente_civil_from_days (start, &y, &m, &d);
      entente_civil_from_days (start + span - 1, &ey, &em, &ed);
      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"E\", "
                              "\"date\": \"%04" G_GINT64_FORMAT "-%02u-%02u\", "
                              "\"end\": \"%04" G_GINT64_FORMAT "-%02u-%02u\" }",
                              i > 0 ? "," : "", i, y, m, d, ey, em, ed);
    }
  g_string_append (json, "] }");
  dataset = entente_test_load_json (json->str, "spans.json");
  events = entente_dataset_get_events (dataset, &n);
  g_assert_cmpuint (n, ==, 3000);

  for (gint64 day = first - 10; day < first + 420 * 365; day += 97)
    {
      g_array_set_size (found, 0);
      g_array_set_size (expected, 0);
      entente_dataset_collect_reaching (dataset, day, found);
      for (guint i = 0; i < n && events[i].start_day < day; i++)
        if (events[i].end_day > day)
          g_array_append_val (expected, i);
      g_assert_cmpuint (found->len, ==, expected->len);
      for (guint k = 0; k < found->len; k++)
        g_assert_cmpuint (g_array_index (found, guint, k), ==, g_array_index (expected, guint, k));
      n_reaching += found->len;
    }
  /* The comparison was not between two empty lists. */
  g_assert_cmpuint (n_reaching, >, 10000);
}

/* The block in docs/FORMAT.md is the format's reference example. */
static void
test_format_doc_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "FORMAT.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  start = strstr (contents, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);

  bytes = g_bytes_new (start, end - start);
  dataset = entente_dataset_new_from_bytes (bytes, "FORMAT.md", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entente_dataset_get_n_events (dataset), ==, 2);
  g_assert_cmpuint (entente_dataset_get_n_periods (dataset), ==, 2);
  g_assert_cmpuint (entente_dataset_get_n_sources (dataset), ==, 1);
  g_assert_true (find_event (dataset, "river-siege")->is_span);
}

/* A dataset's members in the order given, events last or first. */
static char *
ordered_dataset (gboolean events_first,
                 gboolean broken)
{
  GString *events = g_string_new ("\"events\": [");
  const char *head = "\"format\": \"entente/1\", \"title\": \"T\"";
  const char *references =
    "\"parties\": [\"A\", \"B\"],"
    "\"sources\": [ { \"id\": \"s1\", \"title\": \"S1\" }, { \"id\": \"s2\", \"title\": \"S2\" } ],"
    "\"categories\": [ { \"id\": \"c1\", \"label\": \"C1\" }, { \"id\": \"c2\", \"label\": \"C2\" } ]";
  char *text;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (events,
                            "%s{ \"id\": \"e%u\", \"date\": \"%u-%02u\", %s\"title\": \"Event %u\","
                            " \"category\": \"%s\", \"actor\": \"%s\","
                            " \"excerpts\": [ { \"source\": \"%s\", \"quote\": \"q%u\" } ] }",
                            i > 0 ? ", " : "", broken && i == 7 ? 3 : i, 1900 + (i * 37) % 50, 1 + i % 12,
                            i % 3 == 0 ? "\"end\": \"1960\", " : "", i,
                            broken && i == 11 ? "c9" : i % 2 ? "c1" : "c2",
                            i % 5 == 0 ? "joint" : i % 2 ? "A" : "B",
                            broken && i == 20 ? "s7" : i % 4 ? "s1" : "s2", i);
  g_string_append (events, "]");
  if (events_first)
    text = g_strdup_printf ("{ %s, %s, %s }", events->str, head, references);
  else
    text = g_strdup_printf ("{ %s, %s, %s }", head, references, events->str);
  g_string_free (events, TRUE);
  return text;
}

static EntenteDataset *
load_ordered (const char *json,
              GPtrArray **problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return entente_dataset_new_from_bytes (bytes, "o.json", NULL, problems, NULL);
}

/* Each source's excerpts are counted, and each event or period quoting
 * it once, however often it does; the first period counts for "a" though
 * the last event to quote "a" is also the first, and a source no one
 * quotes counts zero. */
static void
test_source_uses (void)
{
  static const char json[] =
    "{ \"format\": \"entente/1\", \"title\": \"Uses\","
    "  \"sources\": [ { \"id\": \"a\", \"title\": \"A\" }, { \"id\": \"b\", \"title\": \"B\" },"
    "                 { \"id\": \"c\", \"title\": \"C\" } ],"
    "  \"period_kinds\": [ { \"id\": \"k\", \"label\": \"K\" } ],"
    "  \"periods\": ["
    "    { \"id\": \"p0\", \"kind\": \"k\", \"label\": \"P0\", \"start\": \"1890\", \"end\": \"1895\","
    "      \"excerpts\": [ { \"source\": \"a\", \"quote\": \"1\" }, { \"source\": \"b\", \"quote\": \"2\" },"
    "                      { \"source\": \"a\", \"quote\": \"3\" } ] },"
    "    { \"id\": \"p1\", \"kind\": \"k\", \"label\": \"P1\", \"start\": \"1896\", \"end\": \"1899\","
    "      \"excerpts\": [ { \"source\": \"a\", \"quote\": \"4\" } ] } ],"
    "  \"events\": ["
    "    { \"id\": \"e2\", \"date\": \"1910\", \"title\": \"E2\","
    "      \"excerpts\": [ { \"source\": \"b\", \"quote\": \"5\" } ] },"
    "    { \"id\": \"e1\", \"date\": \"1900\", \"title\": \"E1\","
    "      \"excerpts\": [ { \"source\": \"a\", \"quote\": \"6\" }, { \"source\": \"a\", \"quote\": \"7\" } ] },"
    "    { \"id\": \"e3\", \"date\": \"1920\", \"title\": \"E3\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteDataset) dataset = entente_dataset_new_from_bytes (bytes, "uses.json", NULL, NULL, &error);
  g_autoptr(EntenteDataset) empty = load_valid ("minimal.json");
  g_autofree EntenteSourceUse *uses = NULL;
  g_autofree EntenteSourceUse *none = NULL;

  g_assert_no_error (error);
  uses = entente_dataset_count_source_uses (dataset);
  g_assert_cmpuint (uses[0].n_excerpts, ==, 5);
  g_assert_cmpuint (uses[0].n_events, ==, 1);
  g_assert_cmpuint (uses[0].n_periods, ==, 2);
  g_assert_cmpuint (uses[1].n_excerpts, ==, 2);
  g_assert_cmpuint (uses[1].n_events, ==, 1);
  g_assert_cmpuint (uses[1].n_periods, ==, 1);
  g_assert_cmpuint (uses[2].n_excerpts, ==, 0);
  g_assert_cmpuint (uses[2].n_events, ==, 0);
  g_assert_cmpuint (uses[2].n_periods, ==, 0);

  /* The events quoting a source, once each, in date order (e1 is
   * first in the file but later in time), after what the array held. */
  {
    g_autoptr(GArray) quoting = g_array_new (FALSE, FALSE, sizeof (guint));
    guint held = 7;

    g_array_append_val (quoting, held);
    entente_dataset_collect_quoting (dataset, 0, quoting);
    g_assert_cmpuint (quoting->len, ==, 2);
    g_assert_cmpuint (g_array_index (quoting, guint, 0), ==, 7);
    g_assert_cmpstr (entente_dataset_get_event (dataset, g_array_index (quoting, guint, 1))->id, ==, "e1");
    entente_dataset_collect_quoting (dataset, 1, quoting);
    g_assert_cmpuint (quoting->len, ==, 3);
    g_assert_cmpstr (entente_dataset_get_event (dataset, g_array_index (quoting, guint, 2))->id, ==, "e2");
    entente_dataset_collect_quoting (dataset, 2, quoting);
    g_assert_cmpuint (quoting->len, ==, 3);
  }

  /* A dataset without sources gets an array all the same. */
  g_assert_cmpuint (entente_dataset_get_n_sources (empty), ==, 0);
  none = entente_dataset_count_source_uses (empty);
  g_assert_nonnull (none);
}

/* The scan counts the objects of the root's "events" array, whatever
 * member comes first, and no others: not those inside an event, and not
 * those of an "events" array elsewhere. */
static void
test_scan_counts_events (void)
{
  g_autofree char *last = ordered_dataset (FALSE, FALSE);
  g_autofree char *first = ordered_dataset (TRUE, FALSE);
  const char *others[] = {
    "[ { \"events\": [ {}, {} ] } ]",
    "{ \"format\": \"entente/1\", \"x\": { \"events\": [ {}, {} ] }, \"y\": [ {} ] }",
    "{ \"events\": {}, \"z\": [ {}, {} ] }",
  };
  EntenteJsonScan scan;

  entente_json_scan (last, strlen (last), 64, 1000000, &scan);
  g_assert_cmpuint (scan.n_events, ==, 60);
  entente_json_scan (first, strlen (first), 64, 1000000, &scan);
  g_assert_cmpuint (scan.n_events, ==, 60);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      entente_json_scan (others[i], strlen (others[i]), 64, 1000000, &scan);
      g_assert_cmpint (scan.status, ==, ENTENTE_JSON_SCAN_OK);
      g_assert_cmpuint (scan.n_events, ==, 0);
    }
}

static void
record_progress_cb (double   done,
                    gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, done);
}

/* A load tells how far it is as its events come in, whether they are
 * taken as they are parsed or from the whole tree: a share that only
 * grows, and ends at 1 when the dataset is complete; a load that fails
 * never gets there. */
static void
test_load_progress (void)
{
  for (guint order = 0; order < 3; order++)
    {
      g_autofree char *text = ordered_dataset (order == 1, order == 2);
      g_autofree char *dir = g_dir_make_tmp ("entente-progress-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "p.json", NULL);
      g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(EntenteDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      double last;

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      dataset = entente_dataset_new_from_file_full (path, NULL, record_progress_cb, told, NULL, &error);
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);

      /* Once after the scan, for each of the 60 events (1.5% each) and
       * at the end. */
      g_assert_cmpuint (told->len, >=, 60);
      g_assert_cmpfloat (g_array_index (told, double, 0), >, 0);
      for (guint i = 1; i < told->len; i++)
        g_assert_cmpfloat (g_array_index (told, double, i), >, g_array_index (told, double, i - 1));
      last = g_array_index (told, double, told->len - 1);
      if (order == 2)
        {
          g_assert_null (dataset);
          g_assert_nonnull (error);
          g_assert_cmpfloat (last, <, 1);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (entente_dataset_get_n_events (dataset), ==, 60);
          g_assert_cmpfloat (last, ==, 1);
          /* Every event moved it on: the last one took it to just short
           * of the end. */
          g_assert_cmpfloat (g_array_index (told, double, told->len - 2), >=, 0.99);
        }
    }
}

/* Events taken as they are parsed give the model and the problems that
 * the whole tree gives. */
static void
test_streamed_as_whole (void)
{
  g_autofree char *last = ordered_dataset (FALSE, FALSE);
  g_autofree char *first = ordered_dataset (TRUE, FALSE);
  g_autofree char *broken_last = ordered_dataset (FALSE, TRUE);
  g_autofree char *broken_first = ordered_dataset (TRUE, TRUE);
  g_autoptr(EntenteDataset) streamed = NULL;
  g_autoptr(EntenteDataset) whole = NULL;
  g_autoptr(GPtrArray) streamed_problems = NULL;
  g_autoptr(GPtrArray) whole_problems = NULL;
  EntenteJsonScan scan;

  /* Only the first order can be streamed. */
  entente_json_scan (last, strlen (last), 64, 1000000, &scan);
  g_assert_cmpint (scan.events_member, ==, 5);
  entente_json_scan (first, strlen (first), 64, 1000000, &scan);
  g_assert_cmpint (scan.events_member, ==, -1);

  streamed = load_ordered (last, NULL);
  whole = load_ordered (first, NULL);
  g_assert_nonnull (streamed);
  g_assert_nonnull (whole);
  g_assert_cmpuint (entente_dataset_get_n_events (streamed), ==, 60);
  g_assert_cmpuint (entente_dataset_get_n_events (whole), ==, 60);
  for (guint i = 0; i < 60; i++)
    {
      const EntenteEvent *a = entente_dataset_get_event (streamed, i);
      const EntenteEvent *b = entente_dataset_get_event (whole, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpint (a->category, ==, b->category);
      g_assert_cmpint (a->actor, ==, b->actor);
      g_assert_cmpint (a->is_span, ==, b->is_span);
      g_assert_cmpint (a->start_day, ==, b->start_day);
      g_assert_cmpint (a->end_day, ==, b->end_day);
      g_assert_cmpuint (a->file_index, ==, b->file_index);
      g_assert_cmpuint (a->n_excerpts, ==, 1);
      g_assert_cmpuint (b->n_excerpts, ==, 1);
      g_assert_cmpuint (entente_dataset_get_excerpt (streamed, a->first_excerpt)->source, ==,
                        entente_dataset_get_excerpt (whole, b->first_excerpt)->source);
      g_assert_cmpstr (entente_dataset_get_excerpt (streamed, a->first_excerpt)->quote, ==,
                       entente_dataset_get_excerpt (whole, b->first_excerpt)->quote);
    }

  g_assert_null (load_ordered (broken_last, &streamed_problems));
  g_assert_null (load_ordered (broken_first, &whole_problems));
  g_assert_cmpuint (streamed_problems->len, ==, 3);
  g_assert_cmpuint (whole_problems->len, ==, streamed_problems->len);
  for (guint i = 0; i < streamed_problems->len; i++)
    {
      g_autofree char *a = entente_problem_to_string (g_ptr_array_index (streamed_problems, i));
      g_autofree char *b = entente_problem_to_string (g_ptr_array_index (whole_problems, i));

      g_assert_cmpstr (a, ==, b);
    }
}

/* Another format stops the load at that one problem, even when the
 * events come after it and could have been taken as parsed. */
static void
test_streamed_wrong_format (void)
{
  const char *json =
    "{ \"format\": \"entente/9\", \"title\": 7,"
    "  \"events\": [ { \"id\": \"x\", \"date\": \"1969-02-30\", \"title\": \"X\" } ] }";
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *line = NULL;

  g_assert_null (load_ordered (json, &problems));
  g_assert_cmpuint (problems->len, ==, 1);
  line = entente_problem_to_string (g_ptr_array_index (problems, 0));
  g_assert_nonnull (strstr (line, "unsupported format"));
}

/* One pass reports every problem, not just the first. */
static void
test_every_problem_reported (void)
{
  const char *json =
    "{ \"format\": \"entente/1\", \"title\": 7,\n"
    "  \"categories\": [ { \"id\": \"a\", \"label\": \"A\", \"color\": \"red\" } ],\n"
    "  \"events\": [ { \"id\": \"x\", \"date\": \"1969-02-30\", \"title\": \"X\" },\n"
    "              { \"id\": \"x\", \"date\": \"1970\", \"title\": \"Y\", \"category\": \"b\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  static const char *expected[] = {
    "test.json: title: expected a string, found a number (7)",
    "test.json: categories[0].color: expected a colour written #rrggbb, found “red”",
    "test.json: events[0].date: day 30 in “1969-02-30” does not exist: February 1969 has 28 days",
    "test.json: events[1].category: unknown category “b”: expected one of “a”",
    "test.json: events[1].id: duplicate id “x”: events[0] already uses it",
  };

  dataset = entente_dataset_new_from_bytes (bytes, "test.json", NULL, &problems, &error);
  g_assert_null (dataset);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = entente_problem_to_string (g_ptr_array_index (problems, i));

      g_assert_cmpstr (line, ==, expected[i]);
    }
}

static void
test_syntax_position (void)
{
  const char *json = "{\n  \"format\": \"entente/1\",\n  \"title\": }\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;

  dataset = entente_dataset_new_from_bytes (bytes, "broken.json", NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ENTENTE_DATASET_ERROR, ENTENTE_DATASET_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "broken.json:3:"));
  g_assert_nonnull (strstr (error->message, "invalid JSON"));
}

static void
test_byte_order_mark (void)
{
  const char *json = "\xEF\xBB\xBF{ \"format\": \"entente/1\", \"title\": \"BOM\" }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;

  dataset = entente_dataset_new_from_bytes (bytes, "bom.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entente_dataset_get_title (dataset), ==, "BOM");
}

static void
expect_io_failure (const char          *path,
                   EntenteDatasetError  code,
                   const char          *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;

  dataset = entente_dataset_new_from_file (path, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ENTENTE_DATASET_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_not_a_dataset_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-test-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);

  expect_io_failure (dir, ENTENTE_DATASET_ERROR_IO, "is a directory");
  expect_io_failure (missing, ENTENTE_DATASET_ERROR_IO, "No such file");
  /* A device that never ends must be refused, not read. */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    expect_io_failure ("/dev/zero", ENTENTE_DATASET_ERROR_IO, "not a regular file");
  g_rmdir (dir);
}

/* A 200 MB file of tiny values would make the JSON parser allocate
 * gigabytes; it must be refused while scanning, quickly. */
static void
test_huge_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  const gsize size = 200 * 1000 * 1000;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GError) error = NULL;

  data[0] = '[';
  for (gsize i = 1; i + 1 < size; i += 2)
    {
      data[i] = '0';
      data[i + 1] = ',';
    }
  data[size - 2] = '0';
  data[size - 1] = ']';
  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_clear_pointer (&data, g_free);

  expect_io_failure (path, ENTENTE_DATASET_ERROR_TOO_LARGE, "too large");
  g_unlink (path);
  g_rmdir (dir);
}

/* A long but well-formed dataset loads. */
static void
test_large_valid_title (void)
{
  GString *json = g_string_new ("{ \"format\": \"entente/1\", \"title\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;

  for (guint i = 0; i < 10 * 1000 * 1000; i++)
    g_string_append_c (json, 'a' + i % 26);
  g_string_append (json, "\" }");
  bytes = g_string_free_to_bytes (json);

  dataset = entente_dataset_new_from_bytes (bytes, "long.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (entente_dataset_get_title (dataset)), ==, 10 * 1000 * 1000);
}

static EntenteDataset *
load_verify (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "verify", name, NULL);
  g_autoptr(GError) error = NULL;
  EntenteDataset *dataset = entente_dataset_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_verify_match (void)
{
  g_autoptr(EntenteDataset) dataset = load_verify ("quotes.json");
  g_autoptr(GError) error = NULL;

  /* Beside the dataset when no directory is given. */
  g_assert_true (entente_dataset_verify_excerpts (dataset, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_verify_changed_word (void)
{
  g_autoptr(EntenteDataset) dataset = load_verify ("changed-word.json");
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "verify", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const EntenteProblem *problem;

  g_assert_false (entente_dataset_verify_excerpts (dataset, dir, &problems, &error));
  g_assert_error (error, ENTENTE_DATASET_ERROR, ENTENTE_DATASET_ERROR_EXCERPT);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->json_path, ==, "events[0].excerpts[0].quote");
  g_assert_nonnull (strstr (problem->message, "warm morning"));
}

static char *
json_escape (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\t': g_string_append (s, "\\t"); break;
        default: g_string_append_c (s, *p); break;
        }
    }
  return g_string_free (s, FALSE);
}

static void
test_verify_fold (void)
{
  /* What folding forgives, and what it does not. */
  static const struct { const char *quote; gboolean found; } cases[] = {
    { "Paragraph two: \"Peace,\" they said - and meant it.", TRUE },
    { "Paragraph two: “Peace,” they said — and meant it.", TRUE },
    { "  Paragraph two:\n\t“Peace,”   they said – and meant it.  ", TRUE },
    { "Paragraph two: ‘Peace,’ they said − and meant it.", FALSE },
    { "paragraph two: “Peace,” they said — and meant it.", FALSE },
    { "Paragraph two: “Peace” they said — and meant it.", FALSE },
    { "Paragraph two: “Peace,” they said... and meant it.", FALSE },
    { "Paragraph two: “Peace,” they said—and meant it.", FALSE },
  };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "verify", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quote = json_escape (cases[i].quote);
      g_autofree char *json = g_strdup_printf (
        "{ \"format\": \"entente/1\", \"title\": \"t\","
        "  \"sources\": [ { \"id\": \"c\", \"title\": \"C\", \"file\": \"chronicle.txt\" } ],"
        "  \"events\": [ { \"id\": \"e\", \"date\": \"1900\", \"title\": \"E\","
        "    \"excerpts\": [ { \"source\": \"c\", \"quote\": \"%s\" } ] } ] }", quote);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(EntenteDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      gboolean found;

      g_test_message ("%s", cases[i].quote);
      dataset = entente_dataset_new_from_bytes (bytes, "fold.json", dir, NULL, &error);
      g_assert_no_error (error);
      found = entente_dataset_verify_excerpts (dataset, NULL, NULL, &error);
      g_assert_cmpint (found, ==, cases[i].found);
      if (!found)
        g_assert_error (error, ENTENTE_DATASET_ERROR, ENTENTE_DATASET_ERROR_EXCERPT);
    }
}

static void
test_verify_missing_source_text (void)
{
  const char *json =
    "{ \"format\": \"entente/1\", \"title\": \"t\","
    "  \"sources\": [ { \"id\": \"c\", \"title\": \"C\", \"file\": \"no-such-text.txt\" },"
    "                 { \"id\": \"d\", \"title\": \"D\" } ],"
    "  \"events\": [ { \"id\": \"e\", \"date\": \"1900\", \"title\": \"E\","
    "    \"excerpts\": [ { \"source\": \"c\", \"quote\": \"Words.\" } ] } ] }";
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "verify", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  dataset = entente_dataset_new_from_bytes (bytes, "m.json", NULL, NULL, &error);
  g_assert_no_error (error);

  /* No directory at all: the bundled dataset's case without --sources-dir. */
  g_assert_false (entente_dataset_verify_excerpts (dataset, NULL, &problems, &error));
  g_assert_error (error, ENTENTE_DATASET_ERROR, ENTENTE_DATASET_ERROR_SOURCE_FILE);
  g_assert_nonnull (strstr (error->message, "--sources-dir"));
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_false (entente_dataset_verify_excerpts (dataset, dir, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((EntenteProblem *) g_ptr_array_index (problems, 0))->json_path, ==, "sources[0].file");
  g_assert_nonnull (strstr (error->message, "no-such-text.txt"));
  g_assert_cmpstr (((EntenteProblem *) g_ptr_array_index (problems, 1))->json_path, ==, "sources[1]");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_invalid_table ();
  g_test_add_func ("/dataset/valid/full", test_valid_full);
  g_test_add_func ("/dataset/valid/minimal", test_valid_minimal);
  g_test_add_func ("/dataset/valid/format-doc-example", test_format_doc_example);
  g_test_add_func ("/dataset/valid/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/dataset/valid/ten-megabyte-title", test_large_valid_title);
  g_test_add_func ("/dataset/sorted-and-lower-bound", test_sorted_and_lower_bound);
  g_test_add_func ("/dataset/collect-reaching", test_collect_reaching);
  g_test_add_func ("/dataset/count-actors", test_count_actors);
  g_test_add_func ("/dataset/source-uses", test_source_uses);
  g_test_add_func ("/dataset/collect-events", test_collect_events);
  g_test_add_func ("/dataset/problems/all-reported", test_every_problem_reported);
  g_test_add_func ("/dataset/streamed-as-whole", test_streamed_as_whole);
  g_test_add_func ("/dataset/scan-counts-events", test_scan_counts_events);
  g_test_add_func ("/dataset/load-progress", test_load_progress);
  g_test_add_func ("/dataset/problems/streamed-wrong-format", test_streamed_wrong_format);
  g_test_add_func ("/dataset/problems/syntax-position", test_syntax_position);
  g_test_add_func ("/dataset/problems/not-a-dataset-file", test_not_a_dataset_file);
  g_test_add_func ("/dataset/problems/huge-file", test_huge_file);
  g_test_add_func ("/dataset/verify/match", test_verify_match);
  g_test_add_func ("/dataset/verify/changed-word", test_verify_changed_word);
  g_test_add_func ("/dataset/verify/fold", test_verify_fold);
  g_test_add_func ("/dataset/verify/missing-source-text", test_verify_missing_source_text);

  return g_test_run ();
}
