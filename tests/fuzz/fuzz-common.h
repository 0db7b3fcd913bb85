/* fuzz-common.h: what every fuzz target needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <locale.h>
#include <stdlib.h>

int LLVMFuzzerInitialize   (int          *argc,
                            char       ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* A broken invariant aborts, which libFuzzer reports as a crash. */
#define CHECK(condition)                                                     \
  G_STMT_START {                                                             \
    if (!(condition))                                                        \
      {                                                                      \
        g_printerr ("%s:%d: invariant broken: %s\n",                         \
                    __FILE__, __LINE__, #condition);                         \
        abort ();                                                            \
      }                                                                      \
  } G_STMT_END

/* A critical from a g_return_if_fail () means the parser let through a
 * value its own helpers refuse; it must count as a crash, not scroll by.
 * The message is written here, not by GLib's writer: for an error (a
 * layout check's g_error ()) that one stops the process with SIGTRAP,
 * which libFuzzer does not catch, so the input was lost. */
static inline GLogWriterOutput
fuzz_fatal_log_writer (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

      g_printerr ("%s\n", line);
      abort ();
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* What every target does first: the user's locale, as Entente would
 * run in, and every warning or critical a finding. */
static inline void
fuzz_setup (void)
{
  setlocale (LC_ALL, "");
  g_log_set_writer_func (fuzz_fatal_log_writer, NULL, NULL);
}
