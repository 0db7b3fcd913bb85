/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "entente-application.h"
#include "entente-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EntenteApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ENTENTE_LOCALEDIR") ? g_getenv ("ENTENTE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Validation and export must work on a machine with no display, so
   * they are handled before anything of GTK is touched. */
  if (entente_cli_wants_batch_mode (argc, argv))
    return entente_cli_run (argc, argv);

  app = entente_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
