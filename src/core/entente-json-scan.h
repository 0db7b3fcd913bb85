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
  ENTENTE_JSON_SCAN_SYNTAX,    /* not JSON in a way the parser would mishandle */
} EntenteJsonScanStatus;

typedef struct {
  EntenteJsonScanStatus status;
  guint                 line;    /* of the problem, 1-based */
  guint                 column;  /* in characters, 1-based */
  const char           *message; /* for SYNTAX, what is wrong; static */
  /* Where the root object's "events" member is among its members (from
   * 0), when a reader may take the events one by one as they are
   * parsed: "format" comes before it, and none of the members events
   * refer to ("parties", "sources", "period_kinds", "categories") after
   * it. -1 otherwise, or when any member name of the root is escaped. */
  int                   events_member;
  /* How many objects the root object's "events" array holds, counted
   * as the text goes by, so that a reader can tell how far it is. */
  guint64               n_events;
} EntenteJsonScan;

/* json-glib's parser recurses once per nesting level and allocates a node
 * per value, so hostile input could exhaust the stack or the memory before
 * it reports anything. This pass bounds both in linear time, and checks
 * the encoding, before the parser sees the text.
 *
 * json-glib 1.6 also reads things that are not JSON (comments, single
 * quotes, broken escapes) in ways that would hide brackets from a count,
 * leaks a value followed by another, and takes quadratic time over
 * repeated member names; this pass refuses all of those as SYNTAX. Its
 * memory is proportional to the member names of the open objects. */
void entente_json_scan (const char      *data,
                        gsize            length,
                        guint            max_depth,
                        guint64          max_values,
                        EntenteJsonScan *result);

G_END_DECLS
