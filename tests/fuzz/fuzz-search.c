/* fuzz-search.c: libFuzzer target for the search, against the slow way
 *
 * The input, made valid UTF-8, is read as lines: the first is the text
 * looked for, the second a broader text typed before it, and the rest
 * the events' titles, summaries and excerpts. The search takes short
 * cuts (ASCII needles found from their rarest byte, characters folded
 * once and remembered, haystacks skipped unless a character could
 * match); whatever they are, each event must match exactly when folding
 * its strings whole and looking for the folded text says so. Narrowing
 * must keep that promise too: within the matches of a broader text that
 * entente_search_narrows () accepts, the search finds the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "entente-dataset.h"
#include "entente-search.h"
#include "fuzz-common.h"
#include "../test-search-reference.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

/* A line as a dataset may hold it: control characters, which the loader
 * refuses in titles, become spaces, and an empty line a dash. */
static char *
plain (const char *line)
{
  GString *text = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    g_string_append_c (text, (guchar) *p < 0x20 || *p == 0x7F ? ' ' : *p);
  if (text->len == 0)
    g_string_append_c (text, '-');
  return g_string_free (text, FALSE);
}

static GBytes *
write_dataset (char **lines,
               guint  n_lines)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *json;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "entente/1");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Search");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "s");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Source");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  /* Event k: line k as its title, the next as its summary, the one
   * after as an excerpt, so each line is looked for in every field. */
  for (guint k = 0; k < n_lines; k++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", k);
      g_autofree char *title = plain (lines[k]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, "1950");
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      if (k + 1 < n_lines)
        {
          g_autofree char *summary = plain (lines[k + 1]);

          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, summary);
        }
      if (k + 2 < n_lines)
        {
          g_autofree char *quote = plain (lines[k + 2]);

          json_builder_set_member_name (builder, "excerpts");
          json_builder_begin_array (builder);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, "s");
          json_builder_set_member_name (builder, "quote");
          json_builder_add_string_value (builder, quote);
          json_builder_end_object (builder);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);
  return g_bytes_new_take (json, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *valid = g_utf8_make_valid ((const char *) data, size);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autofree gboolean *matches = NULL;
  g_autofree gboolean *broader = NULL;
  g_autofree gboolean *narrowed = NULL;
  g_autofree char *needle = NULL;
  const char *words;
  int source;
  guint n_lines, n_events, n_found = G_MAXUINT, count = 0;

  lines = g_strsplit (valid, "\n", 64);
  n_lines = g_strv_length (lines);
  if (n_lines < 3)
    return 0;
  bytes = write_dataset (lines + 2, n_lines - 2);
  dataset = entente_dataset_new_from_bytes (bytes, "search.json", NULL, NULL, NULL);
  if (dataset == NULL)
    return 0;
  n_events = entente_dataset_get_n_events (dataset);

  needle = plain (lines[0]);
  matches = entente_search_events (dataset, needle, NULL, NULL, &n_found);
  CHECK (matches != NULL);
  /* "source:s" and what follows keeps to the events quoting "s". */
  words = entente_search_split (dataset, needle, &source);
  for (guint i = 0; i < n_events; i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (dataset, i);
      gboolean quotes = source < 0 || entente_dataset_event_quotes (dataset, event, (guint) source);
      int places = entente_test_search_places (dataset, event, words);

      CHECK (matches[i] == (quotes && entente_test_search_reference (dataset, event, words)));
      CHECK (places >= 0 && (*words == '\0' || (quotes && places > 0) == matches[i]));
      count += matches[i];
    }
  CHECK (n_found == count);

  /* Typed on from the second line: where the search says the first line
   * narrows it, looking only among its matches finds the same. */
  if (entente_search_narrows (dataset, needle, lines[1]))
    {
      broader = entente_search_events (dataset, lines[1], NULL, NULL, NULL);
      for (guint i = 0; i < n_events; i++)
        CHECK (!matches[i] || broader[i]);
      narrowed = entente_search_events (dataset, needle, broader, NULL, NULL);
      CHECK (memcmp (narrowed, matches, sizeof (gboolean) * n_events) == 0);
    }
  return 0;
}
