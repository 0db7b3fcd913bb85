/* entente-json-scan.h: a cheap pass over JSON text before it is parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ENTENTE_JSON_SCAN_OK,
  ENTENTE_JSON_SCAN_ENCODING,  /* invalid UTF-8 or a NUL byte */
  ENTENTE_JSON_SCAN_TOO_DEEP,  /* nesting beyond max_depth */
  ENTENTE_JSON_SCAN_TOO_MANY,  /* more values than max_values */
} EntenteJsonScanStatus;

typedef struct {
  EntenteJsonScanStatus status;
  guint                 line;   /* of the problem, 1-based */
  guint                 column; /* in characters, 1-based */
} EntenteJsonScan;

/* json-glib's parser recurses once per nesting level and allocates a node
 * per value, so hostile input could exhaust the stack or the memory before
 * it reports anything. This pass bounds both in linear time and constant
 * space, and checks the encoding, before the parser sees the text. */
void entente_json_scan (const char      *data,
                        gsize            length,
                        guint            max_depth,
                        guint64          max_values,
                        EntenteJsonScan *result);

G_END_DECLS
