/* test-text-cache.c: a layout made with the shared text cache is the one
 * made without it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "entente-dataset.h"
#include "entente-layout.h"
#include "entente-layout-private.h"
#include "entente-text-cache-private.h"
#include "entente-style.h"
#include "entente-text-cache.h"
#include "test-data.h"
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

/* Returns how many labels are cut. */
static guint
assert_same_layout (EntenteLayout *fresh,
                    EntenteLayout *cached)
{
  guint n_cut = 0;
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

      {
        const EntenteTextCut *cut_a = _entente_layout_get_label_cut (fresh, i);
        const EntenteTextCut *cut_b = _entente_layout_get_label_cut (cached, i);

        g_assert_cmpint (cut_a == NULL, ==, cut_b == NULL);
        if (cut_a != NULL)
          {
            g_assert_cmpuint (cut_a->run, ==, cut_b->run);
            g_assert_cmpuint (cut_a->n_glyphs, ==, cut_b->n_glyphs);
            g_assert_cmpfloat (cut_a->width, ==, cut_b->width);
            n_cut++;
          }
      }
    }

  ca = entente_layout_get_clusters (fresh, &na);
  cb = entente_layout_get_clusters (cached, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpuint (ca[i].count, ==, cb[i].count);
      assert_rect_equal (&ca[i].rect, &cb[i].rect);
    }
  return n_cut;
}

/* One view laid out with the cache and from nothing; returns how many
 * labels are cut. */
static guint
compare_view (EntenteDataset        *dataset,
              EntenteTextCache      *cache,
              EntenteStyle          *style,
              const EntenteViewport *viewport)
{
  EntenteLayoutOptions with_cache = { 0 };
  g_autoptr(EntenteLayout) fresh = NULL;
  g_autoptr(EntenteLayout) cached = NULL;

  with_cache.text_cache = cache;
  fresh = entente_layout_new (dataset, viewport, style, NULL);
  cached = entente_layout_new (dataset, viewport, style, &with_cache);
  return assert_same_layout (fresh, cached);
}

/* Pan and zoom through the bundled dataset with one cache, as the view
 * does, and compare every frame with a layout measured from nothing. */
static void
test_cache_changes_nothing (void)
{
  g_autoptr(EntenteDataset) dataset = entente_test_load_bundled ();
  g_autoptr(EntenteTextCache) cache = NULL;
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  double whole_from, whole_to;
  static const double spans[] = { 1.0, 0.25, 0.05, 0.01 };
  static const int widths[] = { 360, 1600, 3840 };
  guint n_frames = 0;

  cache = entente_text_cache_new (dataset);
  entente_layout_default_range (dataset, &whole_from, &whole_to);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
      for (guint step = 0; step < 8; step++)
        {
          double span = (whole_to - whole_from) * spans[s];
          double from = whole_from + (whole_to - whole_from - span) * step / 7.0;
          EntenteViewport viewport = { from, from + span, widths[w], 900, 1 };

          (void) compare_view (dataset, cache, style, &viewport);
          n_frames++;
        }
  g_assert_cmpuint (n_frames, ==, 96);
}

/* A crowded decade panned a little at a time, as a drag does: most
 * labels are cut, mostly where they were cut the frame before, which the
 * shared text remembers. Every cut must still be the one measured from
 * nothing. */
static void
test_crowded_pans (void)
{
  static const char *words[] = { "treaty", "border", "Amur", "summit", "loan", "Договор", "边界", "railway" };
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Crowded\", "
                                          "\"parties\": [\"A\", \"B\"], \"events\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (1860);
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(EntenteTextCache) cache = NULL;
  g_autoptr(EntenteStyle) style = entente_style_new_light ();
  double from = entente_days_from_civil (1900, 1, 1);
  guint n_cut = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"19%02d-%02d-%02d\", \"title\": \"%u",
                              i ? ", " : "", i, g_rand_int_range (rand, 0, 12),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), i);
      for (int w = g_rand_int_range (rand, 1, 9); w > 0; w--)
        g_string_append_printf (json, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_printf (json, "\", \"actor\": \"%s\"}", g_rand_boolean (rand) ? "A" : "B");
    }
  g_string_append (json, "]}");
  dataset = entente_test_load_json (json->str, "crowded.json");
  cache = entente_text_cache_new (dataset);

  for (guint frame = 0; frame < 60; frame++)
    {
      /* Ten years, moved by a fraction of a day or by a few days. */
      double start = from + frame * (frame % 3 == 0 ? 3.7 : 0.21);
      EntenteViewport viewport = { start, start + 3652.5, 1600, 900, 1 };

      n_cut += compare_view (dataset, cache, style, &viewport);
    }
  /* The views were crowded enough to cut labels. */
  g_assert_cmpuint (n_cut, >, 60 * 50);
}

/* Labels found through their events stay right while the cache lets
 * go of older text: more titles than two generations hold, asked for
 * in turn, again soon after and again much later, while what was let
 * go of is freed as new text comes in. */
static void
test_labels_across_generations (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente/1\", \"title\": \"Many\", \"events\": [");
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(EntenteTextCache) cache = NULL;
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell 10");
  const guint n = 18000;
  guint font;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"1900\", \"title\": \"Title %u\"}",
                            i ? ", " : "", i, i);
  g_string_append (json, "]}");
  dataset = entente_test_load_json (json->str, "many.json");
  cache = entente_text_cache_new (dataset);
  font = _entente_text_cache_font_id (cache, desc);
  pango_font_description_free (desc);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n; i++)
      {
        guint events[3] = { i, i / 2, (i * 7919) % n };

        for (guint k = 0; k < G_N_ELEMENTS (events); k++)
          {
            g_autoptr(PangoLayout) layout = NULL;
            g_autofree char *title = g_strdup_printf ("Title %u", events[k]);
            double width;

            layout = _entente_text_cache_get_label (cache, font, events[k], &width, NULL);
            g_assert_cmpstr (pango_layout_get_text (layout), ==, title);
            g_assert_cmpfloat (width, >, 0);
          }
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  entente_test_pin_fonts ();

  g_test_add_func ("/text-cache/changes-nothing", test_cache_changes_nothing);
  g_test_add_func ("/text-cache/crowded-pans", test_crowded_pans);
  g_test_add_func ("/text-cache/labels-across-generations", test_labels_across_generations);

  return g_test_run ();
}
