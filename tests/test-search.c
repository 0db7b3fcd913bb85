/* test-search.c: finding text in events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-search.h"
#include "test-data.h"
#include "test-search-reference.h"

/* Events whose title, summary or quote mix ASCII and other scripts. */
static const char json[] =
  "{\"format\": \"entente/1\", \"title\": \"Search\","
  " \"sources\": [{\"id\": \"s\", \"title\": \"Source\"}],"
  " \"events\": ["
  "  {\"id\": \"a\", \"date\": \"1900\", \"title\": \"Treaty of Peking\"},"
  "  {\"id\": \"b\", \"date\": \"1901\", \"title\": \"Quiet year\", \"summary\": \"The TREATY holds.\"},"
  "  {\"id\": \"c\", \"date\": \"1902\", \"title\": \"Stra\\u00dfe\", \"summary\": \"\\u00c9v\\u00e9nement\"},"
  "  {\"id\": \"d\", \"date\": \"1903\", \"title\": \"Strasse\"},"
  "  {\"id\": \"e\", \"date\": \"1904\", \"title\": \"\\u0414\\u043e\\u0433\\u043e\\u0432\\u043e\\u0440\","
  "   \"excerpts\": [{\"source\": \"s\", \"quote\": \"The envoy signed the treaty at dawn.\"}]},"
  "  {\"id\": \"f\", \"date\": \"1905\", \"title\": \"Nothing here\","
  "   \"excerpts\": [{\"source\": \"s\", \"quote\": \"\\u201cA TR\\u00c9ATY,\\u201d he said.\"}]}"
  " ]}";

static void
check_search (EntenteDataset *dataset,
              const char     *text,
              const char     *expected)
{
  g_autofree gboolean *matches = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  guint n = entente_dataset_get_n_events (dataset), n_found = G_MAXUINT, count = 0;

  matches = entente_search_events (dataset, text, NULL, NULL, &n_found);
  g_assert_nonnull (matches);
  for (guint i = 0; i < n; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      g_assert_cmpint (matches[i], ==, entente_test_search_reference (dataset, event, text));
      if (matches[i])
        {
          g_string_append (found, event->id);
          count++;
        }
    }
  g_assert_cmpuint (n_found, ==, count);
  g_assert_cmpstr (found->str, ==, expected);
}

static void
test_folding (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_json (json, "search.json");

  /* Case, in titles, summaries and quotes. */
  check_search (dataset, "treaty", "abe");
  check_search (dataset, "TReaTy", "abe");
  /* Folding beyond ASCII: ß is ss, É is é. */
  check_search (dataset, "strasse", "cd");
  check_search (dataset, "STRASSE", "cd");
  check_search (dataset, "\xc3\x9f", "cd");
  check_search (dataset, "\xc3\xa9v\xc3\xa9nement", "c");
  check_search (dataset, "tr\xc3\xa9" "aty", "f");
  check_search (dataset, "\xd0\x94\xd0\x9e\xd0\x93\xd0\x9e\xd0\x92\xd0\x9e\xd0\xa0", "e");
  /* A needle longer than some haystacks, and none that matches. */
  check_search (dataset, "the envoy signed the treaty at dawn.", "e");
  check_search (dataset, "armistice", "");
  /* Every string holds the empty text. */
  check_search (dataset, "", "abcdef");
}

/* Over many words and a dataset of varied text, the result is what
 * folding every string whole gives. */
static void
test_agrees_with_folding (void)
{
  static const char *words[] = {
    "Treaty", "TREATY", "envoy", "Stra\303\237e", "\xc3\x89lan", "caf\xc3\xa9",
    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", "\xe5\x8c\x97\xe4\xba\xac", "border", "Amur",
    /* Characters that fold into ASCII: the ligature fi, the kelvin sign,
     * a dotted capital I (i and a combining dot); and words whose least
     * common letter comes first, last or twice. */
    "\xef\xac\x81nal", "\342\204\252elvin", "\xc4\xb0stanbul", "zone", "quiz", "jazz",
  };
  g_autoptr(GString) text = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Words\","
                                          " \"sources\": [{\"id\": \"s\", \"title\": \"Source\"}],"
                                          " \"events\": [");
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1727);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      g_autoptr(GString) quote = g_string_new (NULL);

      for (guint w = 0; w < 3; w++)
        g_string_append_printf (title, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      for (guint w = 0; w < 6; w++)
        g_string_append_printf (quote, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_printf (text, "%s{\"id\": \"e%u\", \"date\": \"%u\", \"title\": \"%s\","
                              " \"excerpts\": [{\"source\": \"s\", \"quote\": \"%s\"}]}",
                              i ? "," : "", i, 1700 + i % 300, title->str, quote->str);
    }
  g_string_append (text, "]}");
  dataset = entente_test_load_json (text->str, "words.json");

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autofree char *upper = g_utf8_strup (words[w], -1);
      g_autofree char *lower = g_utf8_strdown (words[w], -1);
      const char *needles[] = { words[w], upper, lower, words[w] + 1 };

      for (guint k = 0; k < G_N_ELEMENTS (needles); k++)
        {
          g_autofree gboolean *matches = NULL;
          guint n = entente_dataset_get_n_events (dataset), n_found = 0, count = 0;

          /* words[w] + 1 may cut a character in two: only whole ones. */
          if (!g_utf8_validate (needles[k], -1, NULL))
            continue;
          matches = entente_search_events (dataset, needles[k], NULL, NULL, &n_found);
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpint (matches[i], ==,
                               entente_test_search_reference (dataset, entente_dataset_get_event (dataset, i), needles[k]));
              count += matches[i];
            }
          g_assert_cmpuint (n_found, ==, count);
        }
    }
}

/* A search of many events is shared among threads: what each finds is
 * what folding every string finds, on both sides of where they meet. */
static void
test_large (void)
{
  static const char *titles[] = { "Treaty", "Stra\303\237e", "TREATY signed", "quiet", "\342\204\252elvin" };
  static const char *needles[] = { "treaty", "STRASSE", "kelvin", "quiet", "e", "absent" };
  g_autoptr(GString) text = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Many\", \"events\": [");
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (90210);
  guint n;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "%s{\"id\": \"e%u\", \"date\": \"%u\", \"title\": \"%s\"}", i ? "," : "",
                            i, 1700 + i % 300, titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
  g_string_append (text, "]}");
  dataset = entente_test_load_json (text->str, "many.json");
  n = entente_dataset_get_n_events (dataset);
  g_assert_cmpuint (n, ==, 200000);

  for (guint k = 0; k < G_N_ELEMENTS (needles); k++)
    {
      g_autofree gboolean *matches = NULL;
      g_autofree char *needle = g_utf8_casefold (needles[k], -1);
      guint n_found = 0, count = 0;

      matches = entente_search_events (dataset, needles[k], NULL, NULL, &n_found);
      g_assert_nonnull (matches);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *folded = g_utf8_casefold (entente_dataset_get_event (dataset, i)->title, -1);

          if (matches[i] != (strstr (folded, needle) != NULL))
            g_error ("\"%s\" in event %u of %u (\"%s\"): %d", needles[k], i, n, folded, matches[i]);
          count += matches[i];
        }
      g_assert_cmpuint (n_found, ==, count);
    }
}

/* Searched within some events, a search finds the matches among them
 * and nothing else; and a text narrows another down exactly when it
 * holds it, folded. */
static void
test_within (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_json (json, "search.json");
  guint n = entente_dataset_get_n_events (dataset);
  static const char *needles[] = { "treaty", "", "strasse", "\xc3\xa9v\xc3\xa9nement" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1949);

  for (guint round = 0; round < 20; round++)
    {
      g_autofree gboolean *within = g_new (gboolean, n);

      for (guint i = 0; i < n; i++)
        within[i] = g_rand_boolean (rand);
      for (guint k = 0; k < G_N_ELEMENTS (needles); k++)
        {
          g_autofree gboolean *all = entente_search_events (dataset, needles[k], NULL, NULL, NULL);
          g_autofree gboolean *some = NULL;
          guint n_found = G_MAXUINT, count = 0;

          some = entente_search_events (dataset, needles[k], within, NULL, &n_found);
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpint (some[i], ==, all[i] && within[i]);
              count += some[i];
            }
          g_assert_cmpuint (n_found, ==, count);
        }
    }

  g_assert_true (entente_search_narrows (dataset, "Mao", "Ma"));
  g_assert_true (entente_search_narrows (dataset, "Mao", "ao"));
  g_assert_true (entente_search_narrows (dataset, "Mao", "Mao"));
  g_assert_true (entente_search_narrows (dataset, "STRASSE", "stra\xc3\x9f"));
  g_assert_true (entente_search_narrows (dataset, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", "\xd0\xbc\xd0\xbe\xd0\xa1"));
  g_assert_true (entente_search_narrows (dataset, "anything", ""));
  g_assert_false (entente_search_narrows (dataset, "Ma", "Mao"));
  g_assert_false (entente_search_narrows (dataset, "Mao", "Mo"));
  g_assert_false (entente_search_narrows (dataset, "", "a"));
}

/* "source:" and a source's id keeps to the events that quote it; the
 * words after it are looked for among them. An id may hold a space, and
 * begin another: the longest the text holds whole is the one. */
static void
test_source (void)
{
  static const char sources_json[] =
    "{\"format\": \"entente/1\", \"title\": \"Sources\","
    " \"sources\": [{\"id\": \"s\", \"title\": \"One\"}, {\"id\": \"s two\", \"title\": \"Two\"},"
    "               {\"id\": \"unquoted\", \"title\": \"Three\"}],"
    " \"events\": ["
    "  {\"id\": \"a\", \"date\": \"1900\", \"title\": \"Treaty of Peking\","
    "   \"excerpts\": [{\"source\": \"s\", \"quote\": \"Signed at last.\"}]},"
    "  {\"id\": \"b\", \"date\": \"1901\", \"title\": \"Quiet year\","
    "   \"excerpts\": [{\"source\": \"s two\", \"quote\": \"Nothing of note.\"}]},"
    "  {\"id\": \"c\", \"date\": \"1902\", \"title\": \"Treaty again\","
    "   \"excerpts\": [{\"source\": \"s two\", \"quote\": \"Again.\"}, {\"source\": \"s\", \"quote\": \"Once more.\"}]},"
    "  {\"id\": \"d\", \"date\": \"1903\", \"title\": \"Treaty alone; source:s\"}"
    " ]}";
  g_autoptr(EntenteDataset) dataset = entente_test_load_json (sources_json, "sources.json");
  static const struct { const char *text; const char *expected; int source; const char *words; } cases[] = {
    { "source:s", "ac", 0, "" },
    { "Source:s", "ac", 0, "" },
    { "source:s   ", "ac", 0, "" },
    { "source:s two", "bc", 1, "" },
    { "source:s treaty", "ac", 0, "treaty" },
    { "source:s two treaty", "c", 1, "treaty" },
    { "source:s two NOTE", "b", 1, "NOTE" },
    { "source:unquoted", "", 2, "" },
    /* No source of that id, or none at all: the text as it is. */
    { "source:st", "", -1, "source:st" },
    { "source:", "d", -1, "source:" },
    { "source:s", "ac", 0, "" },
    { "alone; source:s", "d", -1, "alone; source:s" },
    { "source:S", "d", -1, "source:S" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1689);
  guint n = entente_dataset_get_n_events (dataset);

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree gboolean *matches = NULL;
      g_autofree gboolean *within = g_new (gboolean, n);
      g_autofree gboolean *some = NULL;
      g_autoptr(GString) found = g_string_new (NULL);
      guint n_found = G_MAXUINT;
      int source = -2;

      g_assert_cmpstr (entente_search_split (dataset, cases[k].text, &source), ==, cases[k].words);
      g_assert_cmpint (source, ==, cases[k].source);
      matches = entente_search_events (dataset, cases[k].text, NULL, NULL, &n_found);
      for (guint i = 0; i < n; i++)
        if (matches[i])
          g_string_append (found, entente_dataset_get_event (dataset, i)->id);
      g_assert_cmpstr (found->str, ==, cases[k].expected);
      g_assert_cmpuint (n_found, ==, found->len);

      /* Among some events only. */
      for (guint i = 0; i < n; i++)
        within[i] = g_rand_boolean (rand);
      some = entente_search_events (dataset, cases[k].text, within, NULL, NULL);
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (some[i], ==, matches[i] && within[i]);
    }

  g_assert_true (entente_search_narrows (dataset, "source:s treaty", "source:s"));
  g_assert_true (entente_search_narrows (dataset, "source:s treaty", "treaty"));
  g_assert_true (entente_search_narrows (dataset, "source:s two", "source:s two"));
  g_assert_false (entente_search_narrows (dataset, "treaty", "source:s"));
  g_assert_false (entente_search_narrows (dataset, "source:s two", "source:s"));
  g_assert_false (entente_search_narrows (dataset, "source:s", "source:s two"));
  /* Typed on from a text that named no source. */
  g_assert_false (entente_search_narrows (dataset, "source:s", "source:"));
}

static void
test_cancelled (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_json (json, "search.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint n_found = 7;

  g_cancellable_cancel (cancellable);
  g_assert_null (entente_search_events (dataset, "treaty", NULL, cancellable, &n_found));
  g_assert_cmpuint (n_found, ==, 7);
}

/* The ranges entente_search_find () gives, as "start-end" pairs. */
static char *
find_ranges (const char *text,
             const char *needle)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *out = g_string_new (NULL);

  entente_search_find (text, needle, ranges);
  g_assert_cmpuint (ranges->len % 2, ==, 0);
  for (guint i = 0; i < ranges->len; i += 2)
    g_string_append_printf (out, "%s%u-%u", i ? " " : "", g_array_index (ranges, guint, i),
                            g_array_index (ranges, guint, i + 1));
  return g_string_free (out, FALSE);
}

/* Where a search's text is in a string, for showing it there. */
static void
test_find (void)
{
  static const struct {
    const char *text;
    const char *needle;
    const char *ranges;
  } cases[] = {
    { "Death of Stalin", "stalin", "9-15" },
    { "Death of Stalin", "STALIN", "9-15" },
    { "treaty, Treaty, TREATY", "treaty", "0-6 8-14 16-22" },
    { "aaaa", "aa", "0-2 2-4" },                      /* not overlapping */
    { "Stra\u00dfe", "ss", "4-6" },                   /* "ß" folds to "ss" */
    { "Stra\u00dfe", "s", "0-1 4-6" },                /* both halves: one "ß" */
    { "Stra\u00dfe", "asse", "3-7" },
    { "\u0414\u043e\u0433\u043e\u0432\u043e\u0440", "\u0434\u043e\u0433", "0-6" }, /* Договор, дог */
    { "\u00c9v\u00e9nement", "\u00e9v", "0-3" },
    { "no match", "treaty", "" },
    { "anything", "", "" },
    { "", "a", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = find_ranges (cases[i].text, cases[i].needle);

      g_test_message ("\"%s\" in \"%s\": %s", cases[i].needle, cases[i].text, found);
      g_assert_cmpstr (found, ==, cases[i].ranges);
    }
  /* Not UTF-8: nothing, and no crash. */
  {
    g_autofree char *found = find_ranges ("a\xff\xfe a", "a");

    g_assert_cmpstr (found, ==, "");
  }
}

/* An event matches a search exactly when its strings have a range for
 * it; and every range, folded, holds the text looked for, or lies
 * within one character whose folding does. */
static void
test_find_agrees (void)
{
  g_autoptr(EntenteDataset) bundled = entente_test_load_bundled ();
  const char *needles[] = { "stalin", "treaty", "the", "mao", "border", "S", "1950", "\u2019", "e" };

  for (guint k = 0; k < G_N_ELEMENTS (needles); k++)
    {
      g_autofree gboolean *matches = entente_search_events (bundled, needles[k], NULL, NULL, NULL);

      for (guint i = 0; i < entente_dataset_get_n_events (bundled); i++)
        {
          int places = entente_test_search_places (bundled, entente_dataset_get_event (bundled, i), needles[k]);

          g_assert_cmpint (places, >=, 0);
          g_assert_cmpint (places > 0, ==, matches[i]);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/folding", test_folding);
  g_test_add_func ("/search/find", test_find);
  g_test_add_func ("/search/find-agrees", test_find_agrees);
  g_test_add_func ("/search/agrees-with-folding", test_agrees_with_folding);
  g_test_add_func ("/search/large", test_large);
  g_test_add_func ("/search/within", test_within);
  g_test_add_func ("/search/source", test_source);
  g_test_add_func ("/search/cancelled", test_cancelled);
  return g_test_run ();
}
