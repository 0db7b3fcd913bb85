/* entente-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-application.h"
#include "entente-dataset.h"
#include "entente-event-list.h"
#include "entente-source-panel.h"
#include "entente-timeline-view.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_WINDOW (entente_window_get_type ())
G_DECLARE_FINAL_TYPE (EntenteWindow, entente_window, ENTENTE, WINDOW, AdwApplicationWindow)

EntenteWindow  *entente_window_new         (EntenteApplication *application);
void            entente_window_open_file   (EntenteWindow      *self,
                                            GFile              *file);
EntenteDataset *entente_window_get_dataset (EntenteWindow      *self);
/* TRUE while a file is being read in the background. */
gboolean        entente_window_is_loading  (EntenteWindow      *self);
/* The file shown, or NULL for the bundled dataset. */
GFile          *entente_window_get_file    (EntenteWindow      *self);
/* Whether the window shows file, or is reading it to show it. */
gboolean        entente_window_has_file    (EntenteWindow      *self,
                                            GFile              *file);
/* Whether the window has nothing to show and is reading nothing: its
 * file could not be read. */
gboolean        entente_window_is_empty    (EntenteWindow      *self);
/* The problems of the last file that failed to load, or NULL. */
const char     *entente_window_get_last_error (EntenteWindow   *self);
/* Writes a copy of the dataset's file, or of the bundled dataset, to
 * file, as Save a Copy does with the place chosen; says how it went. */
void            entente_window_save_copy_to (EntenteWindow     *self,
                                             GFile             *file);
/* Shows the search bar with text, or hides it when text is NULL. The
 * events are searched on a thread: the chart and the list show the
 * matches once entente_window_is_searching () is FALSE. */
void            entente_window_search      (EntenteWindow      *self,
                                            const char         *text);
gboolean        entente_window_is_searching (EntenteWindow     *self);
void            entente_window_add_toast   (EntenteWindow      *self,
                                            AdwToast           *toast);
/* A toast that shows text as written. */
AdwToast       *entente_toast_new_plain    (const char         *text);
/* A dialog over parent that says what failed (heading) and why. */
void            entente_show_failure       (GtkWindow          *parent,
                                            const char         *heading,
                                            const char         *message);
/* Opens uri in the application the system has for it; a failure is
 * shown in a dialog over parent with heading, and hint, when not NULL, a
 * sentence on what would help, after the reason. */
void            entente_show_uri           (GtkWindow          *parent,
                                            const char         *uri,
                                            const char         *heading,
                                            const char         *hint);
/* Entente's settings, or NULL when run uninstalled without the compiled
 * schema: nothing is remembered then. */
GSettings      *entente_settings_new       (void);
EntenteTimelineView *entente_window_get_view  (EntenteWindow   *self);
EntenteSourcePanel  *entente_window_get_panel (EntenteWindow   *self);
EntenteEventList    *entente_window_get_event_list (EntenteWindow *self);

G_END_DECLS
