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

G_END_DECLS
