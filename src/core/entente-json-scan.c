/* entente-json-scan.c: a cheap pass over JSON text before it is parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

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

static void
free_names (gpointer names)
{
  if (names != NULL)
    g_hash_table_unref (names);
}

void
entente_json_scan (const char      *data,
                   gsize            length,
                   guint            max_depth,
                   guint64          max_values,
                   EntenteJsonScan *result)
{
  /* One entry per open bracket: the member names seen so far in an
   * object, NULL for an array. */
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GString) name = NULL;
  const char *invalid = NULL;
  gsize last_string = G_MAXSIZE; /* start of the token before, when a string */
  gboolean root_scalar = FALSE;
  gboolean root_done = FALSE;
  guint64 values = 1;

  g_return_if_fail (result != NULL);

  result->status = ENTENTE_JSON_SCAN_OK;
  result->message = NULL;
  result->line = result->column = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      fail (data, invalid - data, ENTENTE_JSON_SCAN_ENCODING, NULL, result);
      return;
    }

  open = g_ptr_array_new_with_free_func (free_names);
  name = g_string_new (NULL);

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
          g_ptr_array_add (open, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                   g_free, NULL)
                                          : NULL);
          values++;
          break;
        case ']':
        case '}':
          if (depth > 0)
            {
              g_ptr_array_remove_index (open, depth - 1);
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
              g_ptr_array_index (open, depth - 1) != NULL)
            {
              GHashTable *names = g_ptr_array_index (open, depth - 1);
              gsize end;

              g_string_truncate (name, 0);
              scan_string (data, length, last_string, &end, name);
              if (!g_hash_table_add (names, g_strdup (name->str)))
                {
                  fail (data, last_string, ENTENTE_JSON_SCAN_SYNTAX,
                        _("this member name is already used in the same object"), result);
                  return;
                }
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
}
