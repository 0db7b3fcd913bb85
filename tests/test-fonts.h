/* test-fonts.h: the same fonts for every test that measures or draws text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Text must measure and look the same on every machine: point fontconfig
 * at tests/fonts.conf (DejaVu and Noto CJK only) before anything asks it. */
static inline void
entente_test_pin_fonts (void)
{
  g_autofree char *srcdir = g_path_get_dirname (__FILE__);
  g_autofree char *fonts = NULL;

  fonts = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : srcdir,
                            "fonts.conf", NULL);
  if (g_file_test (fonts, G_FILE_TEST_EXISTS))
    g_setenv ("FONTCONFIG_FILE", fonts, FALSE);
}
