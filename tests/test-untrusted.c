/* test-untrusted.c: text from a dataset is shown as typed, never as markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "entente-dataset.h"
#include "entente-layout.h"
#include "entente-style.h"
#include "test-data.h"

#define MARKUP_TITLE "<b>Bold</b> &amp; <span foreground=\"red\">red</span>"

/* The same text, escaped for a JSON string. */
#define MARKUP_TITLE_JSON "<b>Bold</b> &amp; <span foreground=\\\"red\\\">red</span>"

static EntenteDataset *
load_markup_dataset (void)
{
  const char *json =
    "{ \"format\": \"entente/1\", \"title\": \"" MARKUP_TITLE_JSON "\","
    "  \"parties\": [\"<i>A</i>\", \"B & C\"],"
    "  \"period_kinds\": [ { \"id\": \"k\", \"label\": \"<u>kind</u>\" } ],"
    "  \"periods\": [ { \"id\": \"p\", \"kind\": \"k\", \"label\": \"" MARKUP_TITLE_JSON "\","
    "                   \"start\": \"1900\", \"end\": \"1950\" } ],"
    "  \"categories\": [ { \"id\": \"c\", \"label\": \"<big>cat</big>\" } ],"
    "  \"events\": [ { \"id\": \"e\", \"date\": \"1920\", \"title\": \"" MARKUP_TITLE_JSON "\","
    "                  \"category\": \"c\", \"actor\": \"<i>A</i>\" } ] }";
  return entente_test_load_json (json, "markup.json");
}

static void
assert_literal (PangoLayout *layout,
                const char  *expected_prefix)
{
  g_assert_nonnull (layout);
  /* Set as text: the characters are all there and no attribute (bold,
   * colour) came out of them. */
  g_assert_true (g_str_has_prefix (pango_layout_get_text (layout), expected_prefix));
  g_assert_null (pango_layout_get_attributes (layout));
}

static void
test_chart_text_is_literal (void)
{
  g_autoptr(EntenteDataset) dataset = load_markup_dataset ();
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  g_autoptr(EntenteLayout) layout = NULL;
  EntenteViewport viewport = { 0 };
  const EntenteEventItem *items;
  const EntenteBand *bands;
  guint n_items, n_bands;

  entente_layout_default_range (dataset, &viewport.from_day, &viewport.to_day);
  viewport.width = 3000;
  viewport.height = 900;
  viewport.scale = 1;
  layout = entente_layout_new (dataset, &viewport, style, NULL);

  assert_literal (entente_layout_get_title (layout, NULL), MARKUP_TITLE);

  items = entente_layout_get_items (layout, &n_items);
  g_assert_cmpuint (n_items, ==, 1);
  /* Elided perhaps, but never interpreted. */
  assert_literal (items[0].text, "<b>");

  bands = entente_layout_get_bands (layout, &n_bands);
  g_assert_cmpuint (n_bands, ==, 1);
  assert_literal (bands[0].text, "<b>");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/untrusted/chart-text-is-literal", test_chart_text_is_literal);

  return g_test_run ();
}
