/* test-limits.c: datasets of absurd sizes load, or are refused with a
 * clear message, in time linear in their size
 *
 * Every input is generated here rather than checked in: they run to
 * tens of megabytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/resource.h>

#include "entente-dataset.h"

/* AddressSanitizer reserves terabytes of address space up front. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define MILLION 1000000
#define BAD_EXCERPTS 200000

/* Days from 0001-01-01, worked out by hand rather than with the code
 * under test. The 10000 years from -9999 to 0 are 25 cycles of 146097
 * days. So are those from 0000 to 9999, of which year 0, a leap year,
 * comes before day 0: 9999-12-31 is day 25 × 146097 - 366 - 1. */
#define DAY_OF_MINUS_9999_01_01 (-25 * G_GINT64_CONSTANT (146097))
#define DAY_OF_9999_12_31       (25 * G_GINT64_CONSTANT (146097) - 366 - 1)

static GBytes *
string_to_bytes (GString *s)
{
  gsize len = s->len;

  return g_bytes_new_take (g_string_free (s, FALSE), len);
}

static EntenteDataset *
load (GBytes     *bytes,
      GPtrArray **problems,
      GError    **error)
{
  EntenteDataset *dataset;
  double seconds;

  g_test_timer_start ();
  dataset = entente_dataset_new_from_bytes (bytes, "limits.json", NULL, problems, error);
  seconds = g_test_timer_elapsed ();
  g_test_message ("%.1f MB %s in %.2f s", g_bytes_get_size (bytes) / 1e6,
                  dataset ? "loaded" : "refused", seconds);
  return dataset;
}

/* The message a person would read must say what is wrong and where,
 * without being the whole input again. */
static void
assert_clear_refusal (const GError *error,
                      GPtrArray    *problems,
                      const char   *expected)
{
  const EntenteProblem *first;

  g_assert_nonnull (error);
  g_assert_true (error->domain == ENTENTE_DATASET_ERROR);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  first = g_ptr_array_index (problems, 0);
  g_assert_nonnull (strstr (first->message, expected));
  g_assert_cmpuint (strlen (first->message), <, 1000);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_ten_megabyte_title (void)
{
  const gsize title_len = 10 * 1024 * 1024;
  GString *s = g_string_sized_new (title_len + 100);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  g_string_append (s, "{\"format\": \"entente/1\", \"title\": \"");
  /* Not one repeated byte: multi-byte UTF-8 exercises the encoding check. */
  for (gsize i = 0; i < title_len / 4; i++)
    g_string_append (s, i % 2 ? "Ab\xC3\xA9" : "c\xE2\x80\x94");
  g_string_append (s, "\"}");
  bytes = string_to_bytes (s);

  dataset = load (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  title = entente_dataset_get_title (dataset);
  g_assert_cmpuint (strlen (title), ==, title_len);
  g_assert_true (g_str_has_prefix (title, "c\xE2\x80\x94" "Ab\xC3\xA9"));
  g_assert_false (entente_dataset_get_range (dataset, NULL, NULL));
}

static GString *
begin_one_event (void)
{
  GString *s = g_string_new (NULL);

  g_string_append (s,
                   "{\"format\": \"entente/1\", \"title\": \"Limits\",\n"
                   " \"sources\": [{\"id\": \"s\", \"title\": \"The source\"}],\n"
                   " \"events\": [{\"id\": \"e\", \"date\": \"1950\", \"title\": \"Busy\",\n"
                   "   \"excerpts\": [\n");
  return s;
}

static void
test_million_excerpts (void)
{
  GString *s = begin_one_event ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const EntenteEvent *event;
  const EntenteExcerpt *last;

  for (guint i = 0; i < MILLION; i++)
    g_string_append_printf (s, "%s{\"source\": \"s\", \"quote\": \"q%u\"}", i ? ",\n" : "", i);
  g_string_append (s, "]}]}\n");
  bytes = string_to_bytes (s);

  dataset = load (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (entente_dataset_get_n_events (dataset), ==, 1);
  event = entente_dataset_get_event (dataset, 0);
  g_assert_cmpuint (event->n_excerpts, ==, MILLION);
  g_assert_cmpuint (entente_dataset_get_n_excerpts (dataset), ==, MILLION);
  last = entente_dataset_get_excerpt (dataset, event->first_excerpt + MILLION - 1);
  g_assert_cmpstr (last->quote, ==, "q999999");
  g_assert_cmpuint (last->source, ==, 0);
}

/* Excerpts that each cite an unknown source: one problem each, and each
 * message hints at the known sources. The hint must cost the same
 * whatever their number and length, or a 10 MB list of long ids would
 * grow into gigabytes of messages. */
static void
test_many_bad_excerpts (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const EntenteProblem *last;

  g_string_append (s, "{\"format\": \"entente/1\", \"title\": \"Limits\",\n \"sources\": [\n");
  /* Many sources with long ids: 2000 ids of 5000 characters. */
  for (guint i = 0; i < 2000; i++)
    {
      g_string_append_printf (s, "%s{\"id\": \"%05u", i ? ",\n" : "", i);
      for (guint j = 0; j < 5000 - 5; j++)
        g_string_append_c (s, 'a' + j % 26);
      g_string_append (s, "\", \"title\": \"t\"}");
    }
  g_string_append (s, "],\n \"events\": [{\"id\": \"e\", \"date\": \"1950\", \"title\": \"Busy\",\n"
                      "   \"excerpts\": [\n");
  for (guint i = 0; i < BAD_EXCERPTS; i++)
    g_string_append_printf (s, "%s{\"source\": \"x\", \"quote\": \"q\"}", i ? ",\n" : "");
  g_string_append (s, "]}]}\n");
  bytes = string_to_bytes (s);

  dataset = load (bytes, &problems, &error);
  g_assert_null (dataset);
  assert_clear_refusal (error, problems, "unknown source “x”");
  g_assert_cmpuint (problems->len, ==, BAD_EXCERPTS);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_cmpstr (last->json_path, ==, "events[0].excerpts[199999].source");
  g_assert_cmpuint (strlen (last->message), <, 1000);
}

static void
test_extreme_dates (void)
{
  static const char text[] =
    "{\"format\": \"entente/1\", \"title\": \"Limits\",\n"
    " \"period_kinds\": [{\"id\": \"k\", \"label\": \"Everything\"}],\n"
    " \"periods\": [{\"id\": \"all\", \"kind\": \"k\", \"label\": \"All of it\",\n"
    "               \"start\": \"-9999\", \"end\": \"9999-12-31\"}],\n"
    " \"events\": [\n"
    "   {\"id\": \"last\", \"date\": \"9999-12-31\", \"title\": \"The last day\"},\n"
    "   {\"id\": \"first\", \"date\": \"-9999\", \"title\": \"The first year\"},\n"
    "   {\"id\": \"everything\", \"date\": \"-9999-01-01\", \"end\": \"9999-12-31%\",\n"
    "    \"title\": \"All days\"}\n"
    " ]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const EntenteEvent *first, *everything, *last;
  const EntentePeriod *period;
  gint64 first_day, end_day;
  gint64 year;
  guint month, day;

  dataset = load (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  /* Sorted by start, then by end. */
  g_assert_cmpuint (entente_dataset_get_n_events (dataset), ==, 3);
  first = entente_dataset_get_event (dataset, 0);
  everything = entente_dataset_get_event (dataset, 1);
  last = entente_dataset_get_event (dataset, 2);
  g_assert_cmpstr (first->id, ==, "first");
  g_assert_cmpstr (everything->id, ==, "everything");
  g_assert_cmpstr (last->id, ==, "last");

  /* -9999 is not a leap year: 9999 is odd. */
  g_assert_cmpint (first->start_day, ==, DAY_OF_MINUS_9999_01_01);
  g_assert_cmpint (first->end_day, ==, DAY_OF_MINUS_9999_01_01 + 365);
  g_assert_cmpint (everything->start_day, ==, DAY_OF_MINUS_9999_01_01);
  g_assert_cmpint (everything->end_day, ==, DAY_OF_9999_12_31 + 1);
  g_assert_cmpint (last->start_day, ==, DAY_OF_9999_12_31);
  g_assert_cmpint (last->end_day, ==, DAY_OF_9999_12_31 + 1);
  g_assert_cmpint (entente_dataset_get_max_span_days (dataset), ==,
                   DAY_OF_9999_12_31 + 1 - DAY_OF_MINUS_9999_01_01);

  period = entente_dataset_get_period (dataset, 0);
  g_assert_cmpint (entente_date_start_day (&period->start), ==, DAY_OF_MINUS_9999_01_01);
  g_assert_cmpint (entente_date_end_day (&period->end), ==, DAY_OF_9999_12_31 + 1);

  g_assert_true (entente_dataset_get_range (dataset, &first_day, &end_day));
  g_assert_cmpint (first_day, ==, DAY_OF_MINUS_9999_01_01);
  g_assert_cmpint (end_day, ==, DAY_OF_9999_12_31 + 1);
  g_assert_cmpuint (entente_dataset_lower_bound (dataset, G_MININT64), ==, 0);
  g_assert_cmpuint (entente_dataset_lower_bound (dataset, DAY_OF_MINUS_9999_01_01 + 1), ==, 2);
  g_assert_cmpuint (entente_dataset_lower_bound (dataset, DAY_OF_9999_12_31 + 1), ==, 3);

  /* And back from day numbers to the calendar. */
  entente_civil_from_days (DAY_OF_MINUS_9999_01_01, &year, &month, &day);
  g_assert_cmpint (year, ==, -9999);
  g_assert_cmpuint (month, ==, 1);
  g_assert_cmpuint (day, ==, 1);
  entente_civil_from_days (DAY_OF_9999_12_31, &year, &month, &day);
  g_assert_cmpint (year, ==, 9999);
  g_assert_cmpuint (month, ==, 12);
  g_assert_cmpuint (day, ==, 31);

  {
    g_autofree char *formatted = entente_date_format (&first->date);
    g_autofree char *edtf = entente_date_to_edtf (&last->date);

    /* Astronomical -9999 is 10000 BCE. */
    g_assert_cmpstr (formatted, ==, "10000 BCE");
    g_assert_cmpstr (edtf, ==, "9999-12-31");
  }
}

/* One step beyond either end is refused, naming the range. */
static void
test_beyond_the_range (void)
{
  static const char *dates[] = { "-10000", "10000", "99999-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"entente/1\", \"title\": \"Limits\",\n"
                                               " \"events\": [{\"id\": \"e\", \"date\": \"%s\","
                                               " \"title\": \"Too far\"}]}\n", dates[i]);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (text), strlen (text));
      g_autoptr(EntenteDataset) dataset = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      const EntenteProblem *first;

      dataset = load (bytes, &problems, &error);
      g_assert_null (dataset);
      assert_clear_refusal (error, problems, "-9999 to 9999");
      g_assert_error (error, ENTENTE_DATASET_ERROR, ENTENTE_DATASET_ERROR_DATE);
      first = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (first->json_path, ==, "events[0].date");
    }
}

/* Nesting that json-glib would recurse into, hidden from a naive count
 * of brackets by what json-glib also accepts: its comments, its
 * single-quoted strings, and escapes that swallow the closing quote. */
static void
test_hidden_nesting (void)
{
  static const struct {
    const char *name;
    const char *before;
    const char *after;
  } cases[] = {
    { "comment", "/\"/", "/\"/" },
    { "single-quoted", "{\"format\": '\"', \"x\": ", ", \"y\": '\"'}" },
    { "short-unicode-escape", "[\"\\u1\",\",", "\"]" },
    { "lone-surrogate", "[\"\\uD800\",\",", "\"]" },
  };
  const guint depth = 200000;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *s = g_string_new (cases[i].before);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(EntenteDataset) dataset = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      const EntenteProblem *first;

      g_test_message ("%s", cases[i].name);
      for (guint j = 0; j < depth; j++)
        g_string_append_c (s, '[');
      for (guint j = 0; j < depth; j++)
        g_string_append_c (s, ']');
      g_string_append (s, cases[i].after);
      bytes = string_to_bytes (s);

      dataset = load (bytes, &problems, &error);
      g_assert_null (dataset);
      g_assert_error (error, ENTENTE_DATASET_ERROR, ENTENTE_DATASET_ERROR_SYNTAX);
      first = g_ptr_array_index (problems, 0);
      g_assert_cmpuint (first->line, ==, 1);
      g_assert_cmpuint (strlen (first->message), <, 1000);
    }
}

/* json-glib 1.6 looks every repeated member name up in a list: 100000
 * repeats of a name that comes after 100000 others would take minutes. */
static void
test_repeated_member_names (void)
{
  GString *s = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Limits\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const EntenteProblem *first;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, ",\n \"x-%u\": %u", i, i);
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, ",\n \"x-99999\": 0");
  g_string_append (s, "}\n");
  bytes = string_to_bytes (s);

  dataset = load (bytes, &problems, &error);
  g_assert_null (dataset);
  assert_clear_refusal (error, problems, "already used");
  g_assert_error (error, ENTENTE_DATASET_ERROR, ENTENTE_DATASET_ERROR_SYNTAX);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (first->line, ==, 100002);
  g_assert_cmpuint (first->column, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#ifndef UNDER_ASAN
  {
    struct rlimit limit = { (rlim_t) 3 << 30, (rlim_t) 3 << 30 };

    /* Should a limit regress, fail here rather than push the rest of the
     * machine into swap: every case needs well under 3 GiB. */
    setrlimit (RLIMIT_AS, &limit);
  }
#endif

  g_test_add_func ("/limits/ten-megabyte-title", test_ten_megabyte_title);
  g_test_add_func ("/limits/million-excerpts", test_million_excerpts);
  g_test_add_func ("/limits/many-bad-excerpts", test_many_bad_excerpts);
  g_test_add_func ("/limits/extreme-dates", test_extreme_dates);
  g_test_add_func ("/limits/beyond-the-range", test_beyond_the_range);
  g_test_add_func ("/limits/hidden-nesting", test_hidden_nesting);
  g_test_add_func ("/limits/repeated-member-names", test_repeated_member_names);

  return g_test_run ();
}
