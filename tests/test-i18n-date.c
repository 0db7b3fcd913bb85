/* test-i18n-date.c: dates in Russian and Chinese
 *
 * Needs the catalogues compiled into the build directory (through
 * ENTENTE_LOCALEDIR) and the ru_RU.UTF-8 and zh_CN.UTF-8 locales for the
 * month names, which run-with-locales.sh provides through LOCPATH.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "entente-date.h"

typedef struct {
  const char *text;
  const char *formatted;
} FormatCase;

static gboolean
use_locale (const char *locale,
            const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip_printf ("the %s locale is missing: install the package \"locales\" "
                          "(tests/run-with-locales.sh compiles it)", locale);
      return FALSE;
    }
  return TRUE;
}

static void
check_cases (const FormatCase *cases,
             guint             n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *formatted = NULL;
      EntenteDate date;

      g_assert_true (entente_date_parse (cases[i].text, &date, NULL));
      formatted = entente_date_format (&date);
      g_test_message ("%s → %s", cases[i].text, formatted);
      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

static void
test_russian (void)
{
  static const FormatCase cases[] = {
    { "1950-02-14", "14 февраля 1950" },
    { "1969-03", "Март 1969" },
    { "1969-05-01", "1 мая 1969" },
    { "1689~", "ок. 1689" },
    { "1958?", "1958?" },
    { "1958%", "ок. 1958?" },
    { "-0220", "221 г. до н. э." },
    { "-0220-02-14", "14 февраля 221 г. до н. э." },
  };
  g_autoptr(GError) error = NULL;
  EntenteDate date;

  if (!use_locale ("ru_RU.UTF-8", "ru"))
    return;
  check_cases (cases, G_N_ELEMENTS (cases));

  /* Messages name the month in the language too. */
  g_assert_false (entente_date_parse ("1969-02-30", &date, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Февраль 1969"));
}

static void
test_chinese (void)
{
  static const FormatCase cases[] = {
    { "1950-02-14", "1950年2月14日" },
    { "1969-03", "1969年3月" },
    { "1689~", "约1689" },
    { "1958?", "1958？" },
    { "-0220", "公元前221" },
    { "-0220-02-14", "公元前221年2月14日" },
  };

  if (!use_locale ("zh_CN.UTF-8", "zh_CN"))
    return;
  check_cases (cases, G_N_ELEMENTS (cases));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ENTENTE_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  if (localedir == NULL)
    g_error ("set ENTENTE_LOCALEDIR to <builddir>/po");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/i18n/date/russian", test_russian);
  g_test_add_func ("/i18n/date/chinese", test_chinese);

  return g_test_run ();
}
