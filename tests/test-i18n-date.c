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

#include "entente-dataset.h"
#include "entente-date.h"
#include "entente-layout.h"
#include "entente-style.h"

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

/* Counts are grouped as the locale writes them, and a cluster's badge
 * is wide enough for its count written so. */
static void
test_counts (void)
{
  static const char *const locales[][2] = { { "ru_RU.UTF-8", "ru" }, { "zh_CN.UTF-8", "zh_CN" } };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Crowd\", \"events\": [");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EntenteDataset) dataset = NULL;
      g_autoptr(EntenteStyle) style = entente_style_new_light ();
      g_autoptr(EntenteLayout) layout = NULL;
      g_autofree char *count = NULL;
      g_autofree char *expected = NULL;
      EntenteViewport viewport = { 0, 0, 1200, 700, 1 };
      const EntenteCluster *clusters;
      const char *separator;
      guint n_clusters, checked = 0;

      if (!use_locale (locales[l][0], locales[l][1]))
        return;
      separator = localeconv ()->thousands_sep;
      g_assert_cmpstr (separator, !=, "");
      count = entente_format_count (1234567);
      expected = g_strdup_printf ("1%s234%s567", separator, separator);
      g_assert_cmpstr (count, ==, expected);

      /* 23 456 events on one day: one badge of five digits and a separator. */
      for (guint i = 0; i < 23456; i++)
        g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"1950-03-01\", \"title\": \"E\"}",
                                i ? "," : "", i);
      g_string_append (json, "]}");
      bytes = g_string_free_to_bytes (g_steal_pointer (&json));
      dataset = entente_dataset_new_from_bytes (bytes, "crowd.json", NULL, NULL, &error);
      g_assert_no_error (error);
      entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
      layout = entente_layout_new (dataset, &viewport, style, NULL);
      clusters = entente_layout_get_clusters (layout, &n_clusters);
      for (guint i = 0; i < n_clusters; i++)
        {
          PangoRectangle ink;

          g_assert_nonnull (clusters[i].text);
          if (clusters[i].count < 1000)
            continue;
          g_assert_nonnull (strstr (pango_layout_get_text (clusters[i].text), separator));
          pango_layout_get_pixel_extents (clusters[i].text, NULL, &ink);
          g_assert_cmpfloat (ink.width, <, clusters[i].rect.width);
          checked++;
        }
      g_assert_cmpuint (checked, >, 0);
    }
  setlocale (LC_ALL, "C.UTF-8");
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
  g_test_add_func ("/i18n/counts", test_counts);

  return g_test_run ();
}
