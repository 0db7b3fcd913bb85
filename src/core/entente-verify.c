/* entente-verify.c: check that every excerpt occurs in its source text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "entente-dataset-private.h"

/* Source texts are articles and books, not datasets. */
#define MAX_SOURCE_SIZE ((goffset) 64 << 20)

static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: /* ‘ ’ ‚ ‛ */
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: /* “ ” „ ‟ */
      return '"';
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: /* ‒ – — ― − */
      return '-';
    default:
      return c;
    }
}

char *
_entente_fold_text (const char *text,
                    gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  GString *out = g_string_sized_new (end - text);
  gboolean pending_space = FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (out, fold_char (c));
    }
  return g_string_free (out, FALSE);
}

static char *
load_source_text (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("cannot open %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not a regular file"), path);
      return NULL;
    }
  if (st.st_size > MAX_SOURCE_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s is larger than %lld MiB"),
                   path, (long long) MAX_SOURCE_SIZE >> 20);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not UTF-8 text"), path);
      return NULL;
    }
  return _entente_fold_text (contents, length);
}

static void
add_problem (GPtrArray           *problems,
             EntenteDataset      *self,
             EntenteDatasetError  code,
             char                *path,
             char                *message)
{
  g_ptr_array_add (problems,
                   _entente_problem_new (code, entente_dataset_get_display_name (self),
                                         path, 0, 0, message));
  g_free (path);
}

/* Bytes of the longest prefix of quote that occurs in text, whole
 * characters only. If a prefix occurs, so do all shorter ones, so a
 * binary search over the length finds it. */
static gsize
longest_found_prefix (const char *quote,
                      const char *text)
{
  glong lo = 0, hi = g_utf8_strlen (quote, -1);

  while (lo < hi)
    {
      glong mid = lo + (hi - lo + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (quote, mid);
      g_autofree char *prefix = g_strndup (quote, end - quote);

      if (strstr (text, prefix) != NULL)
        lo = mid;
      else
        hi = mid - 1;
    }
  return g_utf8_offset_to_pointer (quote, lo) - quote;
}

/* Up to n characters of text before (or after) a point, for messages. */
static char *
context_before (const char *start,
                const char *point,
                glong       n)
{
  const char *p = point;

  while (p > start && n-- > 0)
    p = g_utf8_prev_char (p);
  return g_strndup (p, point - p);
}

static char *
context_after (const char *point,
               glong       n)
{
  const char *p = point;

  while (*p != '\0' && n-- > 0)
    p = g_utf8_next_char (p);
  return g_strndup (point, p - point);
}

/* Says where the quote departs from the source, which is what the
 * dataset's author needs to fix it. */
static char *
describe_mismatch (const char          *folded,
                   const char          *text,
                   const EntenteSource *source)
{
  gsize matched = longest_found_prefix (folded, text);
  g_autofree char *before = context_before (folded, folded + matched, 40);
  g_autofree char *after = context_after (folded + matched, 40);
  const char *more = strlen (after) < strlen (folded + matched) ? "…" : "";

  if (*folded == '\0')
    return g_strdup_printf (_("the quote is empty (source “%s”)"), source->id);
  if (matched == 0)
    return g_strdup_printf (_("quote does not occur in %s (source “%s”): not even its "
                              "beginning, “%s%s”, is there"), source->file, source->id, after, more);
  return g_strdup_printf (_("quote does not occur in %s (source “%s”): it matches as far "
                            "as “…%s” but the source does not continue with “%s%s”"),
                          source->file, source->id, before, after, more);
}

static void
verify_range (EntenteDataset  *self,
              GPtrArray       *texts,
              GPtrArray       *problems,
              const char      *array,
              guint            file_index,
              guint            first,
              guint            n)
{
  for (guint i = 0; i < n; i++)
    {
      const EntenteExcerpt *excerpt = entente_dataset_get_excerpt (self, first + i);
      const EntenteSource *source = entente_dataset_get_source (self, excerpt->source);
      const char *text = g_ptr_array_index (texts, excerpt->source);
      g_autofree char *folded = NULL;

      /* A source without a readable text was reported once already. */
      if (text == NULL)
        continue;

      folded = _entente_fold_text (excerpt->quote, -1);
      if (*folded != '\0' && strstr (text, folded) != NULL)
        continue;

      add_problem (problems, self, ENTENTE_DATASET_ERROR_EXCERPT,
                   g_strdup_printf ("%s[%u].excerpts[%u].quote", array, file_index, i),
                   describe_mismatch (folded, text, source));
    }
}

gboolean
entente_dataset_verify_excerpts (EntenteDataset  *self,
                                 const char      *sources_dir,
                                 GPtrArray      **problems,
                                 GError         **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_problem_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const char *dir;

  g_return_val_if_fail (ENTENTE_IS_DATASET (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = sources_dir ? sources_dir : entente_dataset_get_base_dir (self);

  for (guint i = 0; i < entente_dataset_get_n_sources (self); i++)
    {
      const EntenteSource *source = entente_dataset_get_source (self, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *path = NULL;
      char *text = NULL;

      if (source->file == NULL)
        add_problem (found, self, ENTENTE_DATASET_ERROR_SOURCE_FILE,
                     g_strdup_printf ("sources[%u]", i),
                     g_strdup_printf (_("source “%s” names no \"file\", so its excerpts "
                                        "cannot be verified"), source->id));
      else if (dir == NULL)
        add_problem (found, self, ENTENTE_DATASET_ERROR_SOURCE_FILE,
                     g_strdup_printf ("sources[%u].file", i),
                     g_strdup_printf (_("no directory to find “%s” in: give one with "
                                        "--sources-dir"), source->file));
      else
        {
          path = g_build_filename (dir, source->file, NULL);
          text = load_source_text (path, &local_error);
          if (text == NULL)
            add_problem (found, self, ENTENTE_DATASET_ERROR_SOURCE_FILE,
                         g_strdup_printf ("sources[%u].file", i),
                         g_strdup (local_error->message));
        }
      g_ptr_array_add (texts, text);
    }

  for (guint i = 0; i < entente_dataset_get_n_periods (self); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (self, i);

      verify_range (self, texts, found, "periods", period->file_index,
                    period->first_excerpt, period->n_excerpts);
    }
  for (guint i = 0; i < entente_dataset_get_n_events (self); i++)
    {
      const EntenteEvent *event = entente_dataset_get_event (self, i);

      verify_range (self, texts, found, "events", event->file_index,
                    event->first_excerpt, event->n_excerpts);
    }

  return _entente_problems_to_error (found, problems, error);
}
