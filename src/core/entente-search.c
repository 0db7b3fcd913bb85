/* entente-search.c: finding text in a dataset's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-search.h"

/* How many events are searched between two looks at the cancellable. */
#define CHECK_EVERY 4096
/* A search of a large dataset is shared among the processors, no fewer
 * events to a thread than this: starting a thread costs as much as
 * searching some hundreds of events. */
#define EVENTS_PER_THREAD 32768
#define MAX_THREADS       8

/* What a search has learnt of a character of the Basic Multilingual
 * Plane, once it has met it: whether its folding holds an ASCII byte,
 * and whether it holds the needle's first character beyond ASCII. */
enum {
  CHAR_SEEN        = 1 << 0,
  CHAR_INTO_ASCII  = 1 << 1,
  CHAR_HOLDS_KEY   = 1 << 2,
};

typedef struct {
  const char *folded;    /* the text looked for, case-folded */
  gsize       length;
  gboolean    is_ascii;
  /* An ASCII needle is looked for from its least common byte, at offset
   * anchor, found in either case by strpbrk (). */
  gsize       anchor;
  char        anchor_bytes[3];
  /* Another needle's first character beyond ASCII, as folded (at most
   * four bytes), or "". */
  char        key[5];
  /* Which of the CHAR_ flags makes a haystack worth folding. */
  guint8      wanted;
  /* Reused for each haystack that must be folded. */
  GString    *buffer;
  /* Each character's folding, worked out once a search: by character in
   * the Basic Multilingual Plane (64 K pointers and flags, some 150 µs
   * to set up and free, against 130 ms to search a million events), in
   * a table beyond it. */
  char      **plane;
  guint8     *plane_flags;
  GHashTable *folds;     /* character → its folding, as UTF-8 */
} Needle;

static inline guchar
ascii_lower (guchar c)
{
  return c - 'A' < 26u ? c + ('a' - 'A') : c;
}

/* How common a lower-case ASCII byte is in English text, by rank: the
 * least common byte of a needle gives the fewest places to try. Bytes
 * not listed rank after all letters. */
static guint
byte_rank (guchar c)
{
  static const char common[] = " etaoinshrdlcumwfgypbvkjxqz";
  const char *at = c != '\0' ? strchr (common, c) : NULL;

  return at != NULL ? (guint) (at - common) : sizeof common;
}

/* Whether the folded needle, ASCII alone, occurs in haystack as
 * written, letters in either case. glibc's strpbrk () finds where it may
 * be many bytes at a time. */
static gboolean
ascii_find (const char   *haystack,
            const Needle *needle)
{
  for (const char *p = strpbrk (haystack, needle->anchor_bytes); p != NULL; p = strpbrk (p + 1, needle->anchor_bytes))
    {
      const char *start = p - needle->anchor;
      gsize j = 0;

      if (p - haystack < (ptrdiff_t) needle->anchor)
        continue;
      /* The terminating NUL lowers to itself, which no needle byte is. */
      while (j < needle->length && ascii_lower (start[j]) == (guchar) needle->folded[j])
        j++;
      if (j == needle->length)
        return TRUE;
    }
  return FALSE;
}

static guint8
flags_of_folding (const Needle *needle,
                  const char   *folded)
{
  guint8 flags = CHAR_SEEN;

  for (const char *f = folded; *f != '\0'; f++)
    if ((guchar) *f < 0x80)
      flags |= CHAR_INTO_ASCII;
  if (needle->key[0] != '\0' && strstr (folded, needle->key) != NULL)
    flags |= CHAR_HOLDS_KEY;
  return flags;
}

/* How c, which starts at p and ends before next, folds: worked out the
 * first time the search meets it. */
static const char *
folding_of (Needle     *needle,
            gunichar    c,
            const char *p,
            const char *next)
{
  char *folded;

  if (c < 0x10000)
    {
      if (needle->plane[c] == NULL)
        {
          needle->plane[c] = g_utf8_casefold (p, next - p);
          needle->plane_flags[c] = flags_of_folding (needle, needle->plane[c]);
        }
      return needle->plane[c];
    }
  folded = g_hash_table_lookup (needle->folds, GUINT_TO_POINTER (c));
  if (folded == NULL)
    {
      folded = g_utf8_casefold (p, next - p);
      g_hash_table_insert (needle->folds, GUINT_TO_POINTER (c), folded);
    }
  return folded;
}

/* The first byte from p on that is not ASCII (end, the string's NUL,
 * when there is none), eight bytes at a time up to the last eight. */
static const char *
skip_ascii (const char *p,
            const char *end)
{
  for (; end - p >= 8; p += 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  while ((guchar) *p < 0x80 && *p != '\0')
    p++;
  return p;
}

/* Whether folding haystack could make the needle occur in it, where it
 * does not as written: only where some character of it folds into ASCII
 * (ß into "ss", the K of kelvins into "k") for a needle of ASCII alone,
 * or into the needle's first character beyond ASCII for any other. A
 * haystack of ASCII alone is never worth folding. */
static gboolean
worth_folding (Needle     *needle,
               const char *haystack)
{
  /* The end found once: each character beyond ASCII would otherwise
   * measure the rest of the string again. */
  const char *end = haystack + strlen (haystack);

  for (const char *p = skip_ascii (haystack, end); *p != '\0'; p = skip_ascii (p, end))
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);
      guint8 flags;

      if (c < 0x10000)
        {
          if (needle->plane_flags[c] == 0)
            folding_of (needle, c, p, next);
          flags = needle->plane_flags[c];
        }
      else
        flags = flags_of_folding (needle, folding_of (needle, c, p, next));
      if (flags & needle->wanted)
        return TRUE;
      p = next;
    }
  return FALSE;
}

/* g_utf8_casefold () folds each character on its own, so a string may
 * be folded character by character into one buffer, each character's
 * folding worked out once a search. With a new string folded for every
 * title, summary and quote, a search through a million events took
 * 2.3 s instead of 0.85 s. */
static const char *
fold (Needle     *needle,
      const char *haystack)
{
  g_string_truncate (needle->buffer, 0);
  for (const char *p = haystack; *p != '\0';)
    {
      const char *next;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (needle->buffer, ascii_lower (*p));
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      g_string_append (needle->buffer, folding_of (needle, g_utf8_get_char (p), p, next));
      p = next;
    }
  return needle->buffer->str;
}

/* Most haystacks are never folded: an ASCII needle is looked for as
 * the haystack is written, and only a haystack worth it is folded. */
static gboolean
contains_folded (const char *haystack,
                 Needle     *needle)
{
  if (haystack == NULL)
    return FALSE;
  if (needle->is_ascii && ascii_find (haystack, needle))
    return TRUE;
  if (!worth_folding (needle, haystack))
    return FALSE;
  return strstr (fold (needle, haystack), needle->folded) != NULL;
}

static gboolean
event_matches (EntenteDataset     *dataset,
               const EntenteEvent *event,
               Needle             *needle)
{
  if (contains_folded (event->title, needle) || contains_folded (event->summary, needle))
    return TRUE;
  for (guint i = 0; i < event->n_excerpts; i++)
    if (contains_folded (entente_dataset_get_excerpt (dataset, event->first_excerpt + i)->quote, needle))
      return TRUE;
  return FALSE;
}

static void
needle_init (Needle     *needle,
             const char *folded)
{
  needle->folded = folded;
  needle->length = strlen (folded);
  needle->is_ascii = TRUE;
  needle->anchor = 0;
  needle->key[0] = '\0';
  for (gsize i = 0; i < needle->length; i++)
    {
      if ((guchar) folded[i] >= 0x80)
        {
          if (needle->key[0] == '\0')
            {
              gsize size = g_utf8_next_char (folded + i) - (folded + i);

              memcpy (needle->key, folded + i, size);
              needle->key[size] = '\0';
            }
          needle->is_ascii = FALSE;
        }
      else if (byte_rank (folded[i]) > byte_rank (folded[needle->anchor]))
        needle->anchor = i;
    }
  needle->wanted = needle->is_ascii ? CHAR_INTO_ASCII : CHAR_HOLDS_KEY;
  needle->anchor_bytes[0] = folded[needle->anchor];
  needle->anchor_bytes[1] = g_ascii_toupper (folded[needle->anchor]);
  needle->anchor_bytes[2] = '\0';
  needle->buffer = g_string_new (NULL);
  needle->plane = g_new0 (char *, 0x10000);
  needle->plane_flags = g_new0 (guint8, 0x10000);
  needle->folds = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static void
needle_clear (Needle *needle)
{
  for (guint c = 0; c < 0x10000; c++)
    g_free (needle->plane[c]);
  g_free (needle->plane);
  g_free (needle->plane_flags);
  g_hash_table_unref (needle->folds);
  g_string_free (needle->buffer, TRUE);
}

/* A share of the events, searched on a thread of its own. */
typedef struct {
  EntenteDataset *dataset;
  int             source;    /* the source they must quote, or -1 */
  const char     *folded;
  const gboolean *within;
  GCancellable   *cancellable;
  gboolean       *matches;
  guint           from;
  guint           to;
  gboolean        cancelled;
} Part;

static gpointer
search_part (gpointer data)
{
  Part *part = data;
  Needle needle;

  needle_init (&needle, part->folded);
  for (guint i = part->from; i < part->to; i++)
    {
      if ((i - part->from) % CHECK_EVERY == 0 && g_cancellable_is_cancelled (part->cancellable))
        {
          part->cancelled = TRUE;
          break;
        }
      if (part->within == NULL || part->within[i])
        {
          const EntenteEvent *event = entente_dataset_get_event (part->dataset, i);

          part->matches[i] =
            (part->source < 0 || entente_dataset_event_quotes (part->dataset, event, (guint) part->source)) &&
            (needle.length == 0 || event_matches (part->dataset, event, &needle));
        }
    }
  needle_clear (&needle);
  return NULL;
}

gboolean *
entente_search_events (EntenteDataset *dataset,
                       const char     *text,
                       const gboolean *within,
                       GCancellable   *cancellable,
                       guint          *n_found)
{
  g_autofree char *folded = NULL;
  g_autofree gboolean *matches = NULL;
  g_autofree Part *parts = NULL;
  g_autofree GThread **threads = NULL;
  guint n, n_parts, found = 0;

  int source;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (entente_search_split (dataset, text, &source), -1);
  n = entente_dataset_get_n_events (dataset);
  matches = g_new0 (gboolean, MAX (n, 1));
  if (*folded == '\0' && source < 0)
    {
      /* Every string holds the empty needle, which strpbrk () cannot
       * find. */
      for (guint i = 0; i < n; i++)
        matches[i] = within == NULL || within[i];
      n_parts = 0;
    }
  else
    n_parts = CLAMP (n / EVENTS_PER_THREAD, 1, MIN (g_get_num_processors (), MAX_THREADS));

  /* Each part on a thread, the first on this one, which waits anyway. */
  parts = g_new0 (Part, MAX (n_parts, 1));
  threads = g_new0 (GThread *, MAX (n_parts, 1));
  for (guint k = 0; k < n_parts; k++)
    {
      parts[k] = (Part) { dataset, source, folded, within, cancellable, matches,
                          (guint) ((guint64) n * k / n_parts), (guint) ((guint64) n * (k + 1) / n_parts), FALSE };
      if (k > 0)
        threads[k] = g_thread_try_new ("entente-search", search_part, &parts[k], NULL);
    }
  if (n_parts > 0)
    search_part (&parts[0]);
  for (guint k = 1; k < n_parts; k++)
    {
      /* Without a thread of its own, a part is searched here. */
      if (threads[k] != NULL)
        g_thread_join (threads[k]);
      else
        search_part (&parts[k]);
    }
  for (guint k = 0; k < n_parts; k++)
    if (parts[k].cancelled)
      return NULL;

  for (guint i = 0; i < n; i++)
    found += matches[i];
  if (n_found != NULL)
    *n_found = found;
  return g_steal_pointer (&matches);
}

const char *
entente_search_split (EntenteDataset *dataset,
                      const char     *text,
                      int            *source)
{
  const char *after = text;
  gsize best = 0;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), text);
  g_return_val_if_fail (text != NULL && source != NULL, text);

  *source = -1;
  /* "Source:", as a phone's keyboard may type it, is as good. */
  if (g_ascii_strncasecmp (text, ENTENTE_SEARCH_SOURCE_PREFIX, strlen (ENTENTE_SEARCH_SOURCE_PREFIX)) != 0)
    return text;
  after = text + strlen (ENTENTE_SEARCH_SOURCE_PREFIX);
  /* An id may hold spaces, so each is tried: the longest that the text
   * holds whole, up to its end or a space, is the one. */
  for (guint i = 0; i < entente_dataset_get_n_sources (dataset); i++)
    {
      const char *id = entente_dataset_get_source (dataset, i)->id;
      gsize length = strlen (id);

      if (length > best && strncmp (after, id, length) == 0 &&
          (after[length] == '\0' || g_ascii_isspace (after[length])))
        {
          best = length;
          *source = (int) i;
        }
    }
  if (*source < 0)
    return text;
  after += best;
  while (g_ascii_isspace (*after))
    after++;
  return after;
}

gboolean
entente_search_narrows (EntenteDataset *dataset,
                        const char     *text,
                        const char     *broader)
{
  g_autofree char *folded = NULL;
  g_autofree char *folded_broader = NULL;
  int source, broader_source;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (text != NULL && broader != NULL, FALSE);

  /* A string that holds the one folded holds every part of it. */
  folded = g_utf8_casefold (entente_search_split (dataset, text, &source), -1);
  folded_broader = g_utf8_casefold (entente_search_split (dataset, broader, &broader_source), -1);
  if (broader_source >= 0 && broader_source != source)
    return FALSE;
  return strstr (folded, folded_broader) != NULL;
}

void
entente_search_find (const char *text,
                     const char *needle,
                     GArray     *ranges)
{
  g_autofree char *folded_needle = NULL;
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) origin = NULL;
  size_t needle_length;
  const char *at;

  g_return_if_fail (ranges != NULL && g_array_get_element_size (ranges) == sizeof (guint));

  if (text == NULL || needle == NULL || !g_utf8_validate (text, -1, NULL) || !g_utf8_validate (needle, -1, NULL))
    return;
  folded_needle = g_utf8_casefold (needle, -1);
  needle_length = strlen (folded_needle);
  if (needle_length == 0)
    return;

  /* The text folded a character at a time, as a search folds it, and
   * for each folded byte where its character begins in text. */
  folded = g_string_new (NULL);
  origin = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *f = g_utf8_casefold (p, g_utf8_next_char (p) - p);
      guint offset = (guint) (p - text);

      g_string_append (folded, f);
      for (size_t i = 0; f[i] != '\0'; i++)
        g_array_append_val (origin, offset);
    }

  at = folded->str;
  for (guint done = 0; (at = strstr (at, folded_needle)) != NULL; at += needle_length)
    {
      guint first = (guint) (at - folded->str);
      guint start = MAX (g_array_index (origin, guint, first), done);
      guint last = g_array_index (origin, guint, first + needle_length - 1);
      guint end = (guint) (g_utf8_next_char (text + last) - text);

      /* Two matches within one character's folding ("s" twice in "ß")
       * are one range. */
      if (start >= end)
        continue;
      g_array_append_val (ranges, start);
      g_array_append_val (ranges, end);
      done = end;
    }
}
