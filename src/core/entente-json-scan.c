/* entente-json-scan.c: a cheap pass over JSON text before it is parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

void
entente_json_scan (const char      *data,
                   gsize            length,
                   guint            max_depth,
                   guint64          max_values,
                   EntenteJsonScan *result)
{
  const char *invalid = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;
  guint64 values = 1;

  g_return_if_fail (result != NULL);

  result->status = ENTENTE_JSON_SCAN_OK;
  result->line = result->column = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      result->status = ENTENTE_JSON_SCAN_ENCODING;
      locate (data, invalid - data, result);
      return;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              result->status = ENTENTE_JSON_SCAN_TOO_DEEP;
              locate (data, i, result);
              return;
            }
          values++;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        case ',':
        case ':':
          /* Every value but the first follows a comma, a colon or an
           * opening bracket, so this bounds the count from above. */
          if (++values > max_values)
            {
              result->status = ENTENTE_JSON_SCAN_TOO_MANY;
              locate (data, i, result);
              return;
            }
          break;
        default:
          break;
        }
    }
}
