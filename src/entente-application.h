/* entente-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_APPLICATION (entente_application_get_type ())
G_DECLARE_FINAL_TYPE (EntenteApplication, entente_application, ENTENTE, APPLICATION, AdwApplication)

EntenteApplication *entente_application_new (void);

/* Opens the user's help in the help viewer, at page (a page's id, such as
 * "check") or at its index when page is NULL; a failure is shown in a
 * dialog over parent. */
void                entente_show_help       (GtkWindow  *parent,
                                             const char *page);

G_END_DECLS
