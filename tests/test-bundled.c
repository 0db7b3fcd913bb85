/* test-bundled.c: what the bundled China–Russia dataset must cover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "entente-dataset.h"
#include "test-data.h"

static void
test_counts_and_range (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  guint n = entente_dataset_get_n_events (dataset);
  const EntenteEvent *first, *last;

  g_assert_cmpuint (n, >=, 60);
  first = entente_dataset_get_event (dataset, 0);
  last = entente_dataset_get_event (dataset, n - 1);
  /* From the seventeenth-century settlements and the 1689 peace… */
  g_assert_cmpint (first->date.year, >=, 1600);
  g_assert_cmpint (first->date.year, <=, 1689);
  /* …to the 2023 visit. */
  g_assert_cmpint (last->date.year, ==, 2023);
  g_assert_nonnull (strstr (last->title, "Xi"));

  g_assert_cmpuint (entente_dataset_get_n_parties (dataset), ==, 2);
  g_assert_cmpstr (entente_dataset_get_party (dataset, 0), ==, "China");
  g_assert_cmpstr (entente_dataset_get_party (dataset, 1), ==, "Russia");
}

static void
test_has_1689_peace (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  gboolean found = FALSE;

  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      found |= event->date.year == 1689 && event->date.qualifier == ENTENTE_QUALIFIER_NONE;
    }
  g_assert_true (found);
}

static void
test_period_kinds (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  static const char *required[] = { "alliance", "split", "normalization" };

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      gboolean kind_found = FALSE, period_found = FALSE;

      for (guint i = 0; i < entente_dataset_get_n_period_kinds (dataset); i++)
        {
          if (!g_str_equal (entente_dataset_get_period_kind (dataset, i)->id, required[r]))
            continue;
          kind_found = TRUE;
          for (guint p = 0; p < entente_dataset_get_n_periods (dataset); p++)
            period_found |= entente_dataset_get_period (dataset, p)->kind == i;
        }
      g_test_message ("kind %s", required[r]);
      g_assert_true (kind_found);
      g_assert_true (period_found);
    }
}

/* The split's date is disputed in the sources: the boundary between the
 * alliance and the split must say so with a qualifier. */
static void
test_disputed_split_boundary (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  gboolean qualified = FALSE;

  for (guint p = 0; p < entente_dataset_get_n_periods (dataset); p++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, p);
      const EntenteKind *kind = entente_dataset_get_period_kind (dataset, period->kind);

      if (g_str_equal (kind->id, "alliance"))
        qualified |= period->end.qualifier != ENTENTE_QUALIFIER_NONE;
      if (g_str_equal (kind->id, "split"))
        qualified |= period->start.qualifier != ENTENTE_QUALIFIER_NONE;
    }
  g_assert_true (qualified);
}

static void
test_every_item_has_excerpts (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();

  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      g_test_message ("event %s", event->id);
      g_assert_cmpuint (event->n_excerpts, >=, 1);
      g_assert_nonnull (event->summary);
      g_assert_cmpint (event->category, !=, ENTENTE_NO_CATEGORY);
      for (guint e = 0; e < event->n_excerpts; e++)
        g_assert_nonnull (entente_dataset_get_excerpt (dataset, event->first_excerpt + e)->locator);
    }
  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);

      g_test_message ("period %s", period->id);
      g_assert_cmpuint (period->n_excerpts, >=, 1);
      g_assert_nonnull (period->summary);
    }
}

static void
test_every_source_cited (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  guint n_sources = entente_dataset_get_n_sources (dataset);
  g_autofree guint *cited = g_new0 (guint, n_sources);

  g_assert_cmpuint (n_sources, ==, 5);
  for (guint i = 0; i < entente_dataset_get_n_excerpts (dataset); i++)
    cited[entente_dataset_get_excerpt (dataset, i)->source]++;
  for (guint s = 0; s < n_sources; s++)
    {
      const EntenteSource *source = entente_dataset_get_source (dataset, s);

      g_test_message ("source %s", source->id);
      g_assert_cmpuint (cited[s], >, 0);
      g_assert_nonnull (source->file);
    }
}

/* The words of text, case-folded, leaving out what stands in quotation
 * marks (a summary may quote a phrase, as “lean to one side”). */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c) && !quoted)
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_utf8_casefold (word->str, -1));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
      if (c == 0x201C || c == 0x201D)
        quoted = c == 0x201C;
    }
  return words;
}

/* The share of the summary's words that lie in a run of at least
 * BORROWED_RUN words found in the same order in the quotation. */
#define BORROWED_RUN 5

static double
borrowed_share (const char *summary,
                const char *quote)
{
  g_autoptr(GPtrArray) a = words_of (summary);
  g_autoptr(GPtrArray) b = words_of (quote);
  g_autofree guint *run = g_new0 (guint, (a->len + 1) * (b->len + 1));
  g_autofree gboolean *borrowed = g_new0 (gboolean, a->len + 1);
  guint n_borrowed = 0;

  /* run[i, j]: how many words end at a[i - 1] and b[j - 1] alike. */
  for (guint i = 1; i <= a->len; i++)
    for (guint j = 1; j <= b->len; j++)
      {
        guint length;

        if (!g_str_equal (a->pdata[i - 1], b->pdata[j - 1]))
          continue;
        length = run[(i - 1) * (b->len + 1) + j - 1] + 1;
        run[i * (b->len + 1) + j] = length;
        if (length >= BORROWED_RUN)
          for (guint k = i - length; k < i; k++)
            borrowed[k] = TRUE;
      }
  for (guint i = 0; i < a->len; i++)
    n_borrowed += borrowed[i];
  return a->len > 0 ? (double) n_borrowed / a->len : 0;
}

static void
check_summary (EntenteDataset *dataset,
               const char     *id,
               const char     *summary,
               guint           first_excerpt,
               guint           n_excerpts)
{
  for (guint e = 0; e < n_excerpts; e++)
    {
      const char *quote = entente_dataset_get_excerpt (dataset, first_excerpt + e)->quote;
      double share = borrowed_share (summary, quote);

      if (share >= 0.5)
        g_test_message ("%s: %.0f %% of the summary's words follow its quotation \"%s\"", id, share * 100, quote);
      g_assert_cmpfloat (share, <, 0.5);
    }
}

/* Summaries are the dataset's own words: no more than half of one
 * follows any of its quotations word for word, five words or more at a
 * time (names such as a treaty's are shared). */
static void
test_summaries_own_words (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();

  /* The measure itself: a copy, a copy with one word changed, and a
   * sentence of its own. */
  g_assert_cmpfloat (borrowed_share ("Stalin died in March 1953.", "When Stalin died in March 1953, it ended."), ==, 1);
  g_assert_cmpfloat (borrowed_share ("By about 1640 settlers had crossed most of Siberia and founded towns.",
                                     "By about 1640 settlers had traversed most of Siberia and founded towns."),
                     >, 0.5);
  g_assert_cmpfloat (borrowed_share ("Stalin's death in 1953 left things uncertain.",
                                     "When Stalin died in March 1953, it ended."), ==, 0);
  g_assert_cmpfloat (borrowed_share ("He called it “the most bullied country in the world”.",
                                     "China was “the most bullied country in the world”."), ==, 0);

  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);

      check_summary (dataset, event->id, event->summary, event->first_excerpt, event->n_excerpts);
    }
  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);

      check_summary (dataset, period->id, period->summary, period->first_excerpt, period->n_excerpts);
    }
}

/* Every decade from the 1680s to the 2020s that the sources speak of
 * has at least one event, apart from the decades they pass over. */
static void
test_decades_covered (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  gboolean seen[50] = { FALSE };
  static const int required[] = {
    1680, 1850, 1910, 1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990, 2010, 2020,
  };

  for (guint i = 0; i < entente_dataset_get_n_events (dataset); i++)
    {
      int year = entente_dataset_get_event (dataset, i)->date.year;

      if (year >= 1600 && year < 2100)
        seen[(year - 1600) / 10] = TRUE;
    }
  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      g_test_message ("%ds", required[r]);
      g_assert_true (seen[(required[r] - 1600) / 10]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundled/counts-and-range", test_counts_and_range);
  g_test_add_func ("/bundled/1689-peace", test_has_1689_peace);
  g_test_add_func ("/bundled/period-kinds", test_period_kinds);
  g_test_add_func ("/bundled/disputed-split-boundary", test_disputed_split_boundary);
  g_test_add_func ("/bundled/every-item-has-excerpts", test_every_item_has_excerpts);
  g_test_add_func ("/bundled/every-source-cited", test_every_source_cited);
  g_test_add_func ("/bundled/decades-covered", test_decades_covered);
  g_test_add_func ("/bundled/summaries-own-words", test_summaries_own_words);

  return g_test_run ();
}
