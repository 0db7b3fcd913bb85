/* entente-dataset-private.h: shared between the loader and the verifier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-dataset.h"

G_BEGIN_DECLS

/* Takes ownership of message. */
EntenteProblem *_entente_problem_new        (EntenteDatasetError   code,
                                             const char           *file,
                                             const char           *json_path,
                                             guint                 line,
                                             guint                 column,
                                             char                 *message);

/* TRUE when problems is empty; otherwise sets error to every problem's
 * line and hands a reference to problems_out when it is not NULL. */
gboolean        _entente_problems_to_error  (GPtrArray            *problems,
                                             GPtrArray           **problems_out,
                                             GError              **error);

/* Folds what excerpt verification forgives (docs/FORMAT.md lists it):
 * runs of white space become one space, typographic quotes and dashes
 * their ASCII forms. The result has no leading or trailing space. */
char           *_entente_fold_text          (const char           *text,
                                             gssize                length);

G_END_DECLS
