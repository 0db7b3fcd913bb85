/* entente-text.h: a dataset's text shown where GTK would read it as more
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text as a menu item's label: menus take an underscore for a mnemonic,
 * so the text's own are doubled. */
char *entente_menu_label_plain (const char *text);

G_END_DECLS
