/* entente-json-scan.c: a cheap pass over JSON text before it is parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "entente-json-scan.h"

static void
locate (const char      *data,
        gsize            offset,
        EntenteJsonScan *result)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar c = data[i];

      if (c == '\n')
        {
          line++;
          column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        column++;
    }
  result->line = line;
  result->column = column;
}

static void
fail (const char            *data,
      gsize                  offset,
      EntenteJsonScanStatus  status,
      const char            *message,
      EntenteJsonScan       *result)
{
  result->status = status;
  result->message = message;
  locate (data, offset, result);
}

/* Four hex digits at data[at], or -1. */
static int
hex4 (const char *data,
      gsize       length,
      gsize       at)
{
  int value = 0;

  if (length - at < 4)
    return -1;
  for (gsize i = at; i < at + 4; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* The length of the escape at data[at] (a backslash) and the character it
 * stands for, or 0 when JSON does not have it. json-glib 1.6 takes more
 * than JSON: after "\u" with fewer than four hex digits, or after half of
 * a surrogate pair, it reads on through the closing quote, so its strings
 * would no longer be the ones this scan sees. */
static gsize
escape_length (const char *data,
               gsize       length,
               gsize       at,
               gunichar   *c)
{
  int unit, low;

  if (length - at < 2)
    return 0;

  switch (data[at + 1])
    {
    case '"':
    case '\\':
    case '/':
      *c = data[at + 1];
      return 2;
    case 'b':
      *c = '\b';
      return 2;
    case 'f':
      *c = '\f';
      return 2;
    case 'n':
      *c = '\n';
      return 2;
    case 'r':
      *c = '\r';
      return 2;
    case 't':
      *c = '\t';
      return 2;
    case 'u':
      unit = hex4 (data, length, at + 2);
      if (unit < 0)
        return 0;
      if (unit < 0xD800 || unit > 0xDFFF)
        {
          *c = unit;
          return 6;
        }
      if (unit > 0xDBFF || length - at < 12 ||
          data[at + 6] != '\\' || data[at + 7] != 'u')
        return 0;
      low = hex4 (data, length, at + 8);
      if (low < 0xDC00 || low > 0xDFFF)
        return 0;
      *c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      return 12;
    default:
      return 0;
    }
}

/* From the opening quote at data[start], finds the closing one and sets
 * *end to it (to length when the string is not closed: the parser says
 * so). Appends the string's characters to decoded when it is not NULL.
 * Returns FALSE, with *end at the backslash, for an escape JSON lacks. */
static gboolean
scan_string (const char *data,
             gsize       length,
             gsize       start,
             gsize      *end,
             GString    *decoded)
{
  gsize i = start + 1;
  const char *quote = NULL;

  /* Without decoding, whole stretches between backslashes are skipped
   * with memchr (): strings are most of a dataset's bytes. The closing
   * quote is looked for again only past an escaped one, and each search
   * for a backslash starts where the last one ended, so this stays
   * linear however many escapes a string holds. */
  while (decoded == NULL && i < length)
    {
      const char *backslash;
      gunichar c = 0;
      gsize stop, n;

      if (quote == NULL || (gsize) (quote - data) < i)
        quote = memchr (data + i, '"', length - i);
      stop = quote != NULL ? (gsize) (quote - data) : length;
      backslash = memchr (data + i, '\\', stop - i);
      if (backslash == NULL)
        {
          *end = stop;
          return TRUE;
        }
      i = backslash - data;
      n = escape_length (data, length, i, &c);
      if (n == 0)
        {
          *end = i;
          return FALSE;
        }
      i += n;
    }

  while (i < length && data[i] != '"')
    {
      if (data[i] == '\\')
        {
          gunichar c = 0;
          gsize n = escape_length (data, length, i, &c);

          if (n == 0)
            {
              *end = i;
              return FALSE;
            }
          if (decoded != NULL)
            g_string_append_unichar (decoded, c);
          i += n;
        }
      else
        {
          if (decoded != NULL)
            g_string_append_c (decoded, data[i]);
          i++;
        }
    }
  *end = i;
  return TRUE;
}

/* An open bracket. An object's member names are compared where they lie
 * in the text while there are few, as in nearly every object: a hash
 * table and a copy of each name cost more than the rest of the pass.
 * Past MAX_LISTED they go to a hash table, so that an object of many
 * members stays linear. */
#define MAX_LISTED 16

typedef struct {
  gsize start;       /* the opening quote */
  gsize end;         /* the closing one */
  gboolean escaped;  /* whether it holds a backslash */
} Name;

typedef struct {
  gboolean    is_object;
  guint       n_listed;
  Name        listed[MAX_LISTED];
  GHashTable *names;  /* decoded, once past MAX_LISTED */
} Open;

static void
clear_open (gpointer data)
{
  Open *open = data;

  g_clear_pointer (&open->names, g_hash_table_unref);
}

/* The name as json-glib keeps it: unescaped, and cut at a NUL. */
static char *
decode_name (const char *data,
             gsize       length,
             const Name *name)
{
  g_autoptr(GString) decoded = g_string_new (NULL);
  gsize end;

  scan_string (data, length, name->start, &end, decoded);
  return g_strdup (decoded->str);
}

static gboolean
same_name (const char *data,
           gsize       length,
           const Name *a,
           const Name *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  if (!a->escaped && !b->escaped)
    return a->end - a->start == b->end - b->start &&
           memcmp (data + a->start, data + b->start, a->end - a->start) == 0;
  da = decode_name (data, length, a);
  db = decode_name (data, length, b);
  return g_str_equal (da, db);
}

/* Adds name to the open object; FALSE when it is already there. */
static gboolean
add_name (const char *data,
          gsize       length,
          Open       *open,
          const Name *name)
{
  if (open->names == NULL && open->n_listed < MAX_LISTED)
    {
      for (guint i = 0; i < open->n_listed; i++)
        if (same_name (data, length, &open->listed[i], name))
          return FALSE;
      open->listed[open->n_listed++] = *name;
      return TRUE;
    }
  if (open->names == NULL)
    {
      open->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < open->n_listed; i++)
        g_hash_table_add (open->names, decode_name (data, length, &open->listed[i]));
    }
  return g_hash_table_add (open->names, decode_name (data, length, name));
}

/* Whether the name, not escaped, is literal. */
static gboolean
name_is (const char *data,
         const Name *name,
         const char *literal)
{
  gsize length = strlen (literal);

  return name->end - name->start == length + 1 && memcmp (data + name->start + 1, literal, length) == 0;
}

/* Follows the root object's members, for events_member. */
typedef struct {
  guint    n_members;
  int      events;      /* its place, or -1 */
  gboolean format;      /* seen before "events" */
  gboolean refused;     /* a reference after "events", or an escape */
} RootMembers;

static void
root_member (RootMembers *root,
             const char  *data,
             const Name  *name)
{
  if (name->escaped)
    root->refused = TRUE;
  else if (name_is (data, name, "events"))
    root->events = (int) root->n_members;
  else if (name_is (data, name, "format"))
    root->format = root->events < 0;
  else if (root->events >= 0 &&
           (name_is (data, name, "parties") || name_is (data, name, "sources") ||
            name_is (data, name, "period_kinds") || name_is (data, name, "categories")))
    root->refused = TRUE;
  root->n_members++;
}

void
entente_json_scan (const char      *data,
                   gsize            length,
                   guint            max_depth,
                   guint64          max_values,
                   EntenteJsonScan *result)
{
  /* One entry per open bracket. */
  g_autoptr(GArray) open = NULL;
  const char *invalid = NULL;
  gsize last_string = G_MAXSIZE; /* start of the token before, when a string */
  gsize last_string_end = 0;
  gboolean root_scalar = FALSE;
  gboolean root_done = FALSE;
  guint64 values = 1;
  RootMembers root = { 0, -1, FALSE, FALSE };

  g_return_if_fail (result != NULL);

  result->status = ENTENTE_JSON_SCAN_OK;
  result->message = NULL;
  result->line = result->column = 0;
  result->events_member = -1;
  result->n_events = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      fail (data, invalid - data, ENTENTE_JSON_SCAN_ENCODING, NULL, result);
      return;
    }

  open = g_array_new (FALSE, FALSE, sizeof (Open));
  g_array_set_clear_func (open, clear_open);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      guint depth = open->len;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          if (depth == 0 && root_scalar)
            root_done = TRUE;
          continue;
        }

      /* json-glib 1.6 parses a second value after the first, keeps one
       * and leaks the other; and "var x = …" is not JSON either. */
      if (depth == 0 &&
          (root_done || (root_scalar && (c == '"' || c == '[' || c == '{'))))
        {
          fail (data, i, ENTENTE_JSON_SCAN_SYNTAX,
                _("more text after the end of the JSON value"), result);
          return;
        }

      switch (c)
        {
        case '"':
          {
            gsize end;

            if (!scan_string (data, length, i, &end, NULL))
              {
                fail (data, end, ENTENTE_JSON_SCAN_SYNTAX,
                      _("an escape that JSON does not have: JSON knows \\\" \\\\ \\/ "
                        "\\b \\f \\n \\r \\t and \\u with four hex digits, surrogates "
                        "in pairs"), result);
                return;
              }
            last_string = i;
            last_string_end = end;
            i = end;
            if (depth == 0)
              root_done = TRUE;
          }
          continue;

        /* json-glib 1.6 also reads these, but brackets inside them would
         * be hidden from the counts below. */
        case '\'':
          fail (data, i, ENTENTE_JSON_SCAN_SYNTAX,
                _("JSON strings are written between double quotes (\"), not single ones"),
                result);
          return;
        case '/':
          fail (data, i, ENTENTE_JSON_SCAN_SYNTAX, _("JSON has no comments"), result);
          return;

        case '[':
        case '{':
          if (depth + 1 > max_depth)
            {
              fail (data, i, ENTENTE_JSON_SCAN_TOO_DEEP, NULL, result);
              return;
            }
          /* An object directly inside the array that is the value of
           * the root's member being read, which is "events". */
          if (c == '{' && depth == 2 && root.events >= 0 && root.events + 1 == (int) root.n_members &&
              g_array_index (open, Open, 0).is_object && !g_array_index (open, Open, 1).is_object)
            result->n_events++;
          g_array_set_size (open, depth + 1);
          g_array_index (open, Open, depth).is_object = c == '{';
          g_array_index (open, Open, depth).n_listed = 0;
          g_array_index (open, Open, depth).names = NULL;
          values++;
          break;
        case ']':
        case '}':
          if (depth > 0)
            {
              g_array_set_size (open, depth - 1);
              if (depth == 1)
                root_done = TRUE;
            }
          break;

        case ':':
          /* json-glib 1.6 looks a repeated member name up in a list, which
           * makes an object of n repeats cost n² time. Repeats are a
           * mistake anyway: only the last would count. Names compare as
           * json-glib keeps them, unescaped and cut at a NUL. */
          if (depth > 0 && last_string != G_MAXSIZE &&
              g_array_index (open, Open, depth - 1).is_object)
            {
              Name name = { last_string, last_string_end,
                            memchr (data + last_string, '\\', last_string_end - last_string) != NULL };

              if (!add_name (data, length, &g_array_index (open, Open, depth - 1), &name))
                {
                  fail (data, last_string, ENTENTE_JSON_SCAN_SYNTAX,
                        _("this member name is already used in the same object"), result);
                  return;
                }
              if (depth == 1)
                root_member (&root, data, &name);
            }
          G_GNUC_FALLTHROUGH;
        case ',':
          /* Every value but the first follows a comma, a colon or an
           * opening bracket, so this bounds the count from above. */
          if (++values > max_values)
            {
              fail (data, i, ENTENTE_JSON_SCAN_TOO_MANY, NULL, result);
              return;
            }
          break;

        default:
          if (depth == 0)
            root_scalar = TRUE;
          break;
        }
      last_string = G_MAXSIZE;
    }
  if (root.format && !root.refused)
    result->events_member = root.events;
}
