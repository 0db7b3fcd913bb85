/* test-text-cache.c: a layout made with the shared text cache is the one
 * made without it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "entente-dataset.h"
#include "entente-layout.h"
#include "entente-style.h"
#include "entente-text-cache.h"
#include "test-fonts.h"

static void
assert_rect_equal (const EntenteRect *a,
                   const EntenteRect *b)
{
  g_assert_cmpfloat_with_epsilon (a->x, b->x, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->y, b->y, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->width, b->width, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->height, b->height, 1e-6);
}

static void
assert_same_layout (EntenteLayout *fresh,
                    EntenteLayout *cached)
{
  const EntenteEventItem *a, *b;
  const EntenteCluster *ca, *cb;
  guint na, nb;

  a = entente_layout_get_items (fresh, &na);
  b = entente_layout_get_items (cached, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpuint (a[i].event, ==, b[i].event);
      g_assert_cmpuint (a[i].lane, ==, b[i].lane);
      g_assert_cmpint (a[i].side, ==, b[i].side);
      assert_rect_equal (&a[i].marker, &b[i].marker);
      assert_rect_equal (&a[i].text_rect, &b[i].text_rect);
      g_assert_cmpint (a[i].text == NULL, ==, b[i].text == NULL);
      if (a[i].text != NULL)
        g_assert_cmpstr (pango_layout_get_text (a[i].text), ==, pango_layout_get_text (b[i].text));
    }

  ca = entente_layout_get_clusters (fresh, &na);
  cb = entente_layout_get_clusters (cached, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpuint (ca[i].count, ==, cb[i].count);
      assert_rect_equal (&ca[i].rect, &cb[i].rect);
    }
}

/* Pan and zoom through the bundled dataset with one cache, as the view
 * does, and compare every frame with a layout measured from nothing. */
static void
test_cache_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteDataset) dataset = entente_dataset_new_bundled (&error);
  g_autoptr(EntenteTextCache) cache = NULL;
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  double whole_from, whole_to;
  static const double spans[] = { 1.0, 0.25, 0.05, 0.01 };
  static const int widths[] = { 360, 1600, 3840 };
  guint n_frames = 0;

  g_assert_no_error (error);
  cache = entente_text_cache_new (dataset);
  entente_layout_default_range (dataset, &whole_from, &whole_to);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
      for (guint step = 0; step < 8; step++)
        {
          double span = (whole_to - whole_from) * spans[s];
          double from = whole_from + (whole_to - whole_from - span) * step / 7.0;
          EntenteViewport viewport = { from, from + span, widths[w], 900, 1 };
          EntenteLayoutOptions with_cache = { 0 };
          g_autoptr(EntenteLayout) fresh = NULL;
          g_autoptr(EntenteLayout) cached = NULL;

          with_cache.text_cache = cache;
          fresh = entente_layout_new (dataset, &viewport, style, NULL);
          cached = entente_layout_new (dataset, &viewport, style, &with_cache);
          assert_same_layout (fresh, cached);
          n_frames++;
        }
  g_assert_cmpuint (n_frames, ==, 96);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  entente_test_pin_fonts ();

  g_test_add_func ("/text-cache/changes-nothing", test_cache_changes_nothing);

  return g_test_run ();
}
