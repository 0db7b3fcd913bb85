/* entente-cli.h: the command-line uses that need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv asks for --check or --export: those run without a
 * display and without starting GTK. */
gboolean            entente_cli_wants_batch_mode (int          argc,
                                                  char       **argv);
int                 entente_cli_run              (int          argc,
                                                  char       **argv);
/* The batch options, for the application's --help. Their arg_data is
 * NULL: the application only lists them. */
const GOptionEntry *entente_cli_get_option_entries (void);

G_END_DECLS
